import type {
  AutoFillResult,
  SlotCandidate,
  Post,
  RosterAssignment,
  RosterGrid,
  RosterPeriod,
  RosterSlot,
  RuleViolation,
  ShiftTemplate,
  StaffRole,
} from '../../shared/roster';
import { addDays, daysBetween, siteInstant } from '../../shared/siteDate';
import { cachedStatement } from '../db/statements';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { getSettings } from '../accounts/settings';
import { getActiveSite } from '../services/sites';
import { autoFill, type FillSlot } from './autofill';
import { instantOf } from './isoInstant';
import { listPosts, listTemplates } from './posts';
import {
  hardViolations,
  Schedule,
  softViolations,
  type RuleSettings,
  type Shift,
  type StaffFacts,
} from './rules';

/** A roster covers one week up to a month (and a little: 35 days). */
export const MAX_PERIOD_DAYS = 35;
/** Shifts this close to a period still count for its rest and overlap rules. */
const MARGIN_DAYS = 3;
/** shift_templates.duration_minutes is at most 1,440. */
const MAX_SHIFT_MS = 1440 * 60_000;

interface PeriodRow {
  id: number;
  site_id: number;
  starts_on: string;
  ends_on: string;
  status: 'draft' | 'published';
  version: number;
  published_at: string | null;
}

const toPeriod = (r: PeriodRow): RosterPeriod => ({
  id: r.id,
  siteId: r.site_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  version: r.version,
  publishedAt: r.published_at,
});

export function getPeriod(ctx: ServiceContext, id: number): RosterPeriod {
  const row = cachedStatement<[number], PeriodRow>(
    ctx.db,
    'SELECT * FROM roster_periods WHERE id = ?',
  ).get(id);
  if (!row) throw notFound('roster_period', id);
  return toPeriod(row);
}

export function listPeriods(ctx: ServiceContext, input: { siteId: number }): RosterPeriod[] {
  return ctx.db
    .prepare<[number], PeriodRow>(
      'SELECT * FROM roster_periods WHERE site_id = ? ORDER BY starts_on DESC',
    )
    .all(input.siteId)
    .map(toPeriod);
}

/** A new draft roster for the days [startsOn, endsOn]; periods of a site never overlap. */
export function createPeriod(
  ctx: ServiceContext,
  input: { siteId: number; startsOn: string; endsOn: string },
): RosterPeriod {
  getActiveSite(ctx, input.siteId);
  assertBusinessDates(ctx, { startsOn: input.startsOn, endsOn: input.endsOn });
  const days = daysBetween(input.startsOn, input.endsOn) + 1;
  if (days < 1 || days > MAX_PERIOD_DAYS) {
    throw new DomainError(
      'INVALID_INPUT',
      `A roster covers 1–${MAX_PERIOD_DAYS} days`,
      { max: MAX_PERIOD_DAYS },
      { endsOn: days < 1 ? 'before_start' : 'too_long' },
    );
  }
  const clash = ctx.db
    .prepare<[number, string, string], PeriodRow>(
      'SELECT * FROM roster_periods WHERE site_id = ? AND starts_on <= ? AND ends_on >= ?',
    )
    .get(input.siteId, input.endsOn, input.startsOn);
  if (clash) {
    throw new DomainError(
      'PERIOD_OVERLAP',
      `The roster ${clash.starts_on}–${clash.ends_on} covers some of these days`,
      { from: clash.starts_on, to: clash.ends_on },
      { startsOn: 'overlap' },
    );
  }
  const { lastInsertRowid } = ctx.db
    .prepare(
      "INSERT INTO roster_periods (site_id, starts_on, ends_on, status, created_at) VALUES (?, ?, ?, 'draft', ?)",
    )
    .run(input.siteId, input.startsOn, input.endsOn, isoNow(ctx));
  return getPeriod(ctx, Number(lastInsertRowid));
}

const dayList = (from: string, to: string): string[] =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

const shiftOn = (day: string, t: ShiftTemplate): Shift => {
  const start = siteInstant(day, t.start).getTime();
  return { start, end: start + t.durationMinutes * 60_000, night: t.night };
};

interface AssignmentRow {
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
interface RuleContext {
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
function ruleContext(
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

/** The grid of a period: every slot with its assignments and each assignment's rule findings. */
export function rosterGrid(ctx: ServiceContext, input: { periodId: number }): RosterGrid {
  const period = getPeriod(ctx, input.periodId);
  const posts = listPosts(ctx, { siteId: period.siteId });
  const templates = listTemplates(ctx, { siteId: period.siteId });
  const days = dayList(period.startsOn, period.endsOn);
  const rc = ruleContext(ctx, period, 'rostered');
  const mine = rc.rows.filter((r) => r.period_id === period.id);

  // Nights per person in this period, for the fair-share warning.
  const nights = new Map<number, number>();
  for (const r of mine)
    if (rc.shiftOf.get(r.id)!.night) nights.set(r.staff_id, (nights.get(r.staff_id) ?? 0) + 1);
  const meanNights =
    nights.size === 0 ? 0 : [...nights.values()].reduce((a, b) => a + b, 0) / nights.size;

  const postById = new Map(posts.map((p) => [p.id, p]));
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  // Post → shift → day of the period → its assignments (numbers, not a string key per cell).
  const bySlot = new Map<number, Map<number, RosterAssignment[][]>>();
  const cell = (postId: number, templateId: number, d: number): RosterAssignment[] | undefined =>
    bySlot.get(postId)?.get(templateId)?.[d];
  let hard = 0;
  let soft = 0;
  for (const r of mine) {
    const person = rc.staff.get(r.staff_id)!;
    const shift = rc.shiftOf.get(r.id)!;
    const schedule = rc.schedules.get(r.staff_id)!;
    const roles = postById.get(r.post_id)?.roles ?? [];
    const violations = hardViolations(person, roles, shift, schedule, rc.settings);
    for (const v of softViolations(person, shift, schedule)) violations.push(v);
    const count = nights.get(r.staff_id) ?? 0;
    if (shift.night && count > meanNights + 1)
      violations.push({
        code: 'unfair_nights',
        hard: false,
        params: { nights: count, average: Math.round(meanNights * 10) / 10 },
      });
    for (const v of violations) {
      if (v.hard) hard++;
      else soft++;
    }
    const judged: RosterAssignment = {
      id: r.id,
      postId: r.post_id,
      templateId: r.template_id,
      day: r.day,
      staffId: r.staff_id,
      staffName: r.full_name,
      staffRole: r.role,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      violations,
    };
    const d = dayIndex.get(r.day);
    if (d === undefined) continue;
    let ofPost = bySlot.get(r.post_id);
    if (!ofPost) bySlot.set(r.post_id, (ofPost = new Map()));
    let ofShift = ofPost.get(r.template_id);
    if (!ofShift) ofPost.set(r.template_id, (ofShift = []));
    (ofShift[d] ??= []).push(judged);
  }
  // Posts share their shifts: each day's shift times are worked out (and written) once.
  const timesOf = new Map<number, { startsAt: string; endsAt: string }[]>(
    templates.map((t) => [
      t.id,
      days.map((day) => {
        const shift = shiftOn(day, t);
        return {
          startsAt: new Date(shift.start).toISOString(),
          endsAt: new Date(shift.end).toISOString(),
        };
      }),
    ]),
  );
  const slots: RosterSlot[] = [];
  let gaps = 0;
  for (const post of posts) {
    const runs = templates.filter((x) => post.templateIds.includes(x.id));
    for (const [d, day] of days.entries()) {
      for (const t of runs) {
        const { startsAt, endsAt } = timesOf.get(t.id)![d]!;
        const assignments = cell(post.id, t.id, d) ?? [];
        gaps += Math.max(post.headCount - assignments.length, 0);
        slots.push({
          postId: post.id,
          templateId: t.id,
          day,
          startsAt,
          endsAt,
          required: post.headCount,
          assignments,
        });
      }
    }
  }
  return {
    period,
    posts,
    templates,
    days,
    slots,
    gaps,
    hardViolations: hard,
    softViolations: soft,
  };
}

export interface ChangeBy {
  userId: number | null;
}

/** After publishing, every change is logged with its reason and raises the version. */
function recordChange(
  ctx: ServiceContext,
  period: RosterPeriod,
  change: {
    kind: 'assign' | 'unassign' | 'swap';
    postId: number;
    templateId: number;
    day: string;
    from: number | null;
    to: number | null;
    reason: string | undefined;
  },
  by: ChangeBy,
): void {
  if (period.status !== 'published') return;
  if (!change.reason?.trim()) {
    throw new DomainError(
      'REASON_REQUIRED',
      'A published roster changes only with a reason',
      {},
      {
        reason: 'required',
      },
    );
  }
  const version = period.version + 1;
  ctx.db.prepare('UPDATE roster_periods SET version = ? WHERE id = ?').run(version, period.id);
  ctx.db
    .prepare(
      `INSERT INTO roster_changes (period_id, version, kind, post_id, template_id, day, from_staff_id, to_staff_id, reason, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      period.id,
      version,
      change.kind,
      change.postId,
      change.templateId,
      change.day,
      change.from,
      change.to,
      change.reason.trim(),
      by.userId,
      isoNow(ctx),
    );
}

interface SlotRef {
  post: Post;
  template: ShiftTemplate;
  day: string;
  shift: Shift;
}

function slotOf(
  ctx: ServiceContext,
  period: RosterPeriod,
  input: { postId: number; templateId: number; day: string },
): SlotRef {
  const post = listPosts(ctx, { siteId: period.siteId }).find((p) => p.id === input.postId);
  const template = listTemplates(ctx, { siteId: period.siteId }).find(
    (t) => t.id === input.templateId,
  );
  if (!post || !template || !post.templateIds.includes(template.id)) {
    throw new DomainError(
      'INVALID_INPUT',
      'This post does not run that shift',
      {},
      { templateId: 'not_run' },
    );
  }
  if (input.day < period.startsOn || input.day > period.endsOn) {
    throw new DomainError(
      'INVALID_INPUT',
      'The day is outside the roster',
      {},
      { day: 'outside_period' },
    );
  }
  return { post, template, day: input.day, shift: shiftOn(input.day, template) };
}

function refuseHard(violations: RuleViolation[], staffName: string): void {
  const hard = violations.filter((v) => v.hard);
  if (hard.length === 0) return;
  throw new DomainError(
    'ROSTER_RULE',
    `${staffName} cannot take this shift: ${hard.map((v) => v.code).join(', ')}`,
    { name: staffName, rules: hard.map((v) => v.code).join(','), ...hard[0]!.params },
    { staffId: hard[0]!.code },
  );
}

function insertAssignment(
  ctx: ServiceContext,
  period: RosterPeriod,
  slot: SlotRef,
  staffId: number,
): number {
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        period.id,
        slot.post.id,
        slot.template.id,
        slot.day,
        staffId,
        new Date(slot.shift.start).toISOString(),
        new Date(slot.shift.end).toISOString(),
        isoNow(ctx),
      ).lastInsertRowid,
  );
}

/** Puts the staff member on the slot, refused (naming them) when a hard rule would break. */
function placeUnlessHard(
  ctx: ServiceContext,
  period: Parameters<typeof insertAssignment>[1],
  slot: Parameters<typeof insertAssignment>[2],
  staffId: number,
): { id: number } {
  const rc = ruleContext(ctx, period);
  const person = rc.staff.get(staffId);
  if (!person) throw notFound('staff', staffId);
  const name = ctx.db
    .prepare('SELECT full_name FROM staff WHERE id = ?')
    .pluck()
    .get(staffId) as string;
  refuseHard(
    hardViolations(
      person,
      slot.post.roles,
      slot.shift,
      rc.schedules.get(person.id) ?? new Schedule(),
      rc.settings,
    ),
    name,
  );
  insertAssignment(ctx, period, slot, person.id);
  return person;
}

/** Puts one person on a slot; every hard rule must hold. */
export function assign(
  ctx: ServiceContext,
  input: {
    periodId: number;
    postId: number;
    templateId: number;
    day: string;
    staffId: number;
    reason?: string | undefined;
  },
  by: ChangeBy,
): RosterGrid {
  const period = getPeriod(ctx, input.periodId);
  const slot = slotOf(ctx, period, input);
  const person = placeUnlessHard(ctx, period, slot, input.staffId);
  recordChange(
    ctx,
    period,
    {
      kind: 'assign',
      postId: slot.post.id,
      templateId: slot.template.id,
      day: slot.day,
      from: null,
      to: person.id,
      reason: input.reason,
    },
    by,
  );
  return rosterGrid(ctx, { periodId: period.id });
}

function assignmentRow(ctx: ServiceContext, id: number): AssignmentRow {
  const row = ctx.db
    .prepare<[number], AssignmentRow>(
      'SELECT a.*, s.full_name, s.role FROM roster_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.id = ?',
    )
    .get(id);
  if (!row) throw notFound('roster_assignment', id);
  return row;
}

export function unassign(
  ctx: ServiceContext,
  input: { assignmentId: number; reason?: string | undefined },
  by: ChangeBy,
): RosterGrid {
  const row = assignmentRow(ctx, input.assignmentId);
  const period = getPeriod(ctx, row.period_id);
  ctx.db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(row.id);
  recordChange(
    ctx,
    period,
    {
      kind: 'unassign',
      postId: row.post_id,
      templateId: row.template_id,
      day: row.day,
      from: row.staff_id,
      to: null,
      reason: input.reason,
    },
    by,
  );
  return rosterGrid(ctx, { periodId: period.id });
}

/** Someone else takes an assignment (a swap or a cover); the newcomer must satisfy every hard rule. */
export function swap(
  ctx: ServiceContext,
  input: { assignmentId: number; staffId: number; reason?: string | undefined },
  by: ChangeBy,
): RosterGrid {
  const row = assignmentRow(ctx, input.assignmentId);
  const period = getPeriod(ctx, row.period_id);
  const slot = slotOf(ctx, period, {
    postId: row.post_id,
    templateId: row.template_id,
    day: row.day,
  });
  ctx.db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(row.id);
  const person = placeUnlessHard(ctx, period, slot, input.staffId);
  recordChange(
    ctx,
    period,
    {
      kind: 'swap',
      postId: row.post_id,
      templateId: row.template_id,
      day: row.day,
      from: row.staff_id,
      to: person.id,
      reason: input.reason,
    },
    by,
  );
  return rosterGrid(ctx, { periodId: period.id });
}

/**
 * Fills every gap of the period (see autoFill), in time order. Refused on a published roster:
 * there each change is made by hand with its reason.
 */
export function autoFillPeriod(ctx: ServiceContext, input: { periodId: number }): AutoFillResult {
  const period = getPeriod(ctx, input.periodId);
  if (period.status === 'published') {
    throw new DomainError(
      'ROSTER_PUBLISHED',
      'A published roster is changed by hand, with reasons',
    );
  }
  const before = rosterGrid(ctx, { periodId: period.id });
  const rc = ruleContext(ctx, period);
  const postById = new Map(before.posts.map((p) => [p.id, p]));
  const templateById = new Map(before.templates.map((t) => [t.id, t]));
  const keyOf = (s: { postId: number; templateId: number; day: string }) =>
    `${s.postId}/${s.templateId}/${s.day}`;
  const fill: FillSlot[] = before.slots
    .filter((s) => s.assignments.length < s.required)
    .map((s) => ({
      ...shiftOn(s.day, templateById.get(s.templateId)!),
      key: keyOf(s),
      roles: postById.get(s.postId)!.roles,
      missing: s.required - s.assignments.length,
    }));
  const order = new Map(before.posts.map((p, i) => [p.id, i]));
  fill.sort((a, b) => {
    const [pa] = a.key.split('/');
    const [pb] = b.key.split('/');
    return (
      a.start - b.start ||
      order.get(Number(pa))! - order.get(Number(pb))! ||
      a.key.localeCompare(b.key)
    );
  });
  const result = autoFill(fill, [...rc.staff.values()], rc.schedules, rc.settings);
  const slotByKey = new Map(before.slots.map((s) => [keyOf(s), s]));
  for (const pick of result.picks) {
    const s = slotByKey.get(pick.slotKey)!;
    const template = templateById.get(s.templateId)!;
    insertAssignment(
      ctx,
      period,
      { post: postById.get(s.postId)!, template, day: s.day, shift: shiftOn(s.day, template) },
      pick.staffId,
    );
  }
  return {
    added: result.picks.length,
    unfilled: result.unfilled.map((u) => {
      const s = slotByKey.get(u.slotKey)!;
      return {
        postId: s.postId,
        templateId: s.templateId,
        day: s.day,
        missing: u.missing,
        reasons: u.reasons,
      };
    }),
    grid: rosterGrid(ctx, { periodId: period.id }),
  };
}

/** Draft → published (version 1). Refused while any hard rule is broken. */
export function publishPeriod(
  ctx: ServiceContext,
  input: { periodId: number },
  by: ChangeBy,
): RosterPeriod {
  const grid = rosterGrid(ctx, input);
  if (grid.period.status === 'published') {
    throw new DomainError('ROSTER_PUBLISHED', 'This roster is already published');
  }
  if (grid.hardViolations > 0) {
    throw new DomainError('ROSTER_RULE', `${grid.hardViolations} assignments break a hard rule`, {
      count: grid.hardViolations,
      rules: '',
      name: '',
    });
  }
  ctx.db
    .prepare(
      "UPDATE roster_periods SET status = 'published', version = 1, published_at = ?, published_by = ? WHERE id = ?",
    )
    .run(isoNow(ctx), by.userId, input.periodId);
  return getPeriod(ctx, input.periodId);
}

/**
 * Who could take a slot: every active staff member whose role the post needs, with what the rules
 * say of them there; those with no hard violation first, fewest soft ones first.
 */
export function slotCandidates(
  ctx: ServiceContext,
  input: { periodId: number; postId: number; templateId: number; day: string },
): SlotCandidate[] {
  const period = getPeriod(ctx, input.periodId);
  const slot = slotOf(ctx, period, input);
  const rc = ruleContext(ctx, period);
  const names = new Map(
    ctx.db
      .prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM staff')
      .all()
      .map((r) => [r.id, r.full_name]),
  );
  return [...rc.staff.values()]
    .filter((s) => s.active && slot.post.roles.includes(s.role))
    .map((s) => {
      const schedule = rc.schedules.get(s.id) ?? new Schedule();
      return {
        staffId: s.id,
        fullName: names.get(s.id) ?? '',
        role: s.role,
        violations: [
          ...hardViolations(s, slot.post.roles, slot.shift, schedule, rc.settings),
          ...softViolations(s, slot.shift, schedule),
        ],
        hoursThisWeek: Math.round((schedule.minutesInWeekOf(slot.shift.start) / 60) * 10) / 10,
      };
    })
    .sort(
      (a, b) =>
        Number(a.violations.some((v) => v.hard)) - Number(b.violations.some((v) => v.hard)) ||
        a.violations.length - b.violations.length ||
        a.hoursThisWeek - b.hoursThisWeek ||
        a.staffId - b.staffId,
    );
}
