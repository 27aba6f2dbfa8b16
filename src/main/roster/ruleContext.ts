import type { RosterPeriod, ShiftTemplate, StaffRole } from '../../shared/roster';
import { addDays, daysBetween, siteInstant } from '../../shared/siteDate';
import { cachedStatement } from '../db/statements';
import { type ServiceContext } from '../services/context';
import { getSettings } from '../accounts/settings';
import { instantOf } from './isoInstant';
import { Schedule, type RuleSettings, type Shift, type StaffFacts } from './rules';

/** Shifts this close to a period still count for its rest and overlap rules. */
const MARGIN_DAYS = 3;
/** shift_templates.duration_minutes is at most 1,440. */
const MAX_SHIFT_MS = 1440 * 60_000;

export const dayList = (from: string, to: string): string[] =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

export const shiftOn = (day: string, t: ShiftTemplate): Shift => {
  const start = siteInstant(day, t.start).getTime();
  return { start, end: start + t.durationMinutes * 60_000, night: t.night };
};

export interface AssignmentRow {
  id: number;
  period_id: number;
  post_id: number;
  template_id: number;
  day: string;
  staff_id: number;
  starts_at: string;
  ends_at: string;
  full_name: string;
  role: StaffRole;
}

interface StaffRow {
  id: number;
  role: StaffRole;
  active: number;
  max_hours_week: number;
}

/** An assignment read for the rules, with what they need of its staff member. */
interface ShiftRow extends AssignmentRow {
  active: number;
  max_hours_week: number;
}

/** Everything the rules need around one period: who exists, when they are away, when they work. */
export interface RuleContext {
  settings: RuleSettings;
  staff: Map<number, StaffFacts>;
  schedules: Map<number, Schedule>;
  /** The shift object of each assignment, as held in its person's schedule. */
  shiftOf: Map<number, Shift>;
  rows: ShiftRow[];
}

/**
 * `scope: 'rostered'` narrows the staff and shifts read to the people on this period's roster
 * (enough to judge its assignments); candidates for a slot need everyone (`'all'`).
 */
export function ruleContext(
  ctx: ServiceContext,
  period: RosterPeriod,
  scope: 'all' | 'rostered' = 'all',
): RuleContext {
  const settings = { minRestMinutes: getSettings(ctx).minRestHours * 60 };
  const staff = new Map<number, StaffFacts>();
  const know = (id: number, s: Omit<StaffRow, 'id'>): void =>
    void staff.set(id, {
      id,
      role: s.role,
      active: s.active === 1,
      maxHoursWeek: s.max_hours_week,
      unavailable: [],
    });
  // Everyone; or, judging only the rostered, those read with their shifts below.
  if (scope === 'all') {
    for (const s of cachedStatement<[], StaffRow>(
      ctx.db,
      'SELECT id, role, active, max_hours_week FROM staff',
    ).all())
      know(s.id, s);
  }
  const from = siteInstant(addDays(period.startsOn, -MARGIN_DAYS), '00:00').toISOString();
  const to = siteInstant(addDays(period.endsOn, MARGIN_DAYS + 1), '00:00').toISOString();
  // A shift lasts at most a day, so one overlapping [from, to) starts after from − 1 day: each
  // person's shifts in that range by (staff_id, starts_at), never the district's whole history.
  const earliest = new Date(Date.parse(from) - MAX_SHIFT_MS).toISOString();
  const people =
    scope === 'all'
      ? 'staff s'
      : '(SELECT DISTINCT staff_id AS id FROM roster_assignments WHERE period_id = ?) mine CROSS JOIN staff s ON s.id = mine.id';
  const rows = cachedStatement<(string | number)[], ShiftRow>(
    ctx.db,
    `SELECT a.id, a.period_id, a.post_id, a.template_id, a.day, a.staff_id, a.starts_at, a.ends_at,
       s.full_name, s.role, s.active, s.max_hours_week
     FROM ${people} CROSS JOIN roster_assignments a ON a.staff_id = s.id
     WHERE a.starts_at >= ? AND a.starts_at < ? AND a.ends_at > ? ORDER BY a.starts_at, a.id`,
  ).all(...(scope === 'all' ? [] : [period.id]), earliest, to, from);
  if (scope === 'rostered') for (const r of rows) if (!staff.has(r.staff_id)) know(r.staff_id, r);
  for (const u of cachedStatement<[], { staff_id: number; starts_at: string; ends_at: string }>(
    ctx.db,
    'SELECT staff_id, starts_at, ends_at FROM staff_unavailability',
  ).all()) {
    staff
      .get(u.staff_id)
      ?.unavailable.push({ start: instantOf(u.starts_at), end: instantOf(u.ends_at) });
  }
  const schedules = new Map<number, Schedule>();
  const shiftOf = new Map<number, Shift>();
  const nightOf = new Map<number, boolean>(
    cachedStatement<[], { id: number; start_minute: number; duration_minutes: number }>(
      ctx.db,
      'SELECT id, start_minute, duration_minutes FROM shift_templates',
    )
      .all()
      .map((t) => [t.id, t.start_minute < 360 || t.start_minute + t.duration_minutes > 1440]),
  );
  for (const r of rows) {
    const shift: Shift = {
      start: instantOf(r.starts_at),
      end: instantOf(r.ends_at),
      night: nightOf.get(r.template_id) ?? false,
    };
    let schedule = schedules.get(r.staff_id);
    if (!schedule) schedules.set(r.staff_id, (schedule = new Schedule()));
    schedule.add(shift);
    shiftOf.set(r.id, shift);
  }
  return { settings, staff, schedules, shiftOf, rows };
}
