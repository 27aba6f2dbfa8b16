import type { RuleViolation, StaffRole } from '../../shared/roster';

/**
 * The roster's rules over plain numbers (epoch milliseconds), so they run the same for one cell
 * being edited and for a month being auto-filled. Nothing here touches the database.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Interval {
  start: number;
  end: number;
}

export interface Shift extends Interval {
  night: boolean;
}

export interface StaffFacts {
  id: number;
  role: StaffRole;
  active: boolean;
  maxHoursWeek: number;
  unavailable: Interval[];
}

export interface RuleSettings {
  /** Least time off between two shifts of one person. */
  minRestMinutes: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { minRestMinutes: 8 * 60 };

/** After a night shift, the next one should start at least this long after it ended. */
export const REST_AFTER_NIGHT_HOURS = 24;

/** Whether a shift starting at `startMinute` (site time) for `durationMinutes` touches 00:00–06:00. */
export const isNightShift = (startMinute: number, durationMinutes: number): boolean =>
  startMinute < 6 * 60 || startMinute + durationMinutes > 24 * 60;

const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

const DAY_MS = 24 * 60 * 60_000;
/** Site time is UTC+8 all year (see shared/siteDate): site days are plain arithmetic. */
const SITE_OFFSET_MS = 8 * 60 * 60_000;
const mondays = new Map<number, string>();

/** Monday of the site week an instant falls in, as days since 1 January 1970 (a Thursday). */
function mondayOf(instant: number): number {
  const day = Math.floor((instant + SITE_OFFSET_MS) / DAY_MS);
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * Monday of the site week an instant falls in, as YYYY-MM-DD. Called for every shift a grid or
 * an auto-fill judges, so by arithmetic, not by Intl.
 */
export function weekOf(instant: number): string {
  const monday = mondayOf(instant);
  let name = mondays.get(monday);
  if (name === undefined) {
    name = new Date(monday * DAY_MS).toISOString().slice(0, 10);
    mondays.set(monday, name);
  }
  return name;
}

/**
 * One person's shifts, kept in start order, with minutes per site week: what every rule needs to
 * judge one more shift.
 */
export class Schedule {
  readonly shifts: Shift[] = [];
  /** Minutes worked per site week, by its Monday (see mondayOf). */
  private readonly weekMinutes = new Map<number, number>();
  nights = 0;
  minutes = 0;

  /** Index of the first shift starting at or after `instant`. */
  private firstFrom(instant: number): number {
    let lo = 0;
    let hi = this.shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.shifts[mid]!.start < instant) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(shift: Shift): void {
    const last = this.shifts[this.shifts.length - 1];
    // Schedules are mostly built from shifts read in start order: those just go at the end.
    if (last === undefined || last.start < shift.start) this.shifts.push(shift);
    else this.shifts.splice(this.firstFrom(shift.start), 0, shift);
    const week = mondayOf(shift.start);
    const length = (shift.end - shift.start) / MINUTE;
    this.weekMinutes.set(week, (this.weekMinutes.get(week) ?? 0) + length);
    this.minutes += length;
    if (shift.night) this.nights++;
  }

  /** Whether this very shift object was added (not merely one at the same times). */
  has(shift: Shift): boolean {
    for (let i = this.firstFrom(shift.start); i < this.shifts.length; i++) {
      const s = this.shifts[i]!;
      if (s === shift) return true;
      if (s.start > shift.start) return false;
    }
    return false;
  }

  minutesInWeekOf(instant: number): number {
    return this.weekMinutes.get(mondayOf(instant)) ?? 0;
  }

  /**
   * Calls `visit` with each shift that could matter to one starting or ending within `margin` of
   * `around`, in start order, until it returns true. No list is made: the rules ask this for
   * every assignment of a grid and for every candidate of every slot an auto-fill fills.
   */
  eachNear(around: Interval, margin: number, visit: (other: Shift) => boolean | void): void {
    const from = around.start - margin - 2 * 24 * HOUR; // no shift is longer than 24 h
    for (let i = this.firstFrom(from); i < this.shifts.length; i++) {
      const s = this.shifts[i]!;
      if (s.start > around.end + margin) return;
      // A shift is never its own neighbour: a schedule may already hold the one being judged.
      if (s !== around && visit(s) === true) return;
    }
  }
}

const hours = (ms: number): number => Math.round((ms / HOUR) * 10) / 10;

/**
 * What stops `staff` from taking `shift` at a post needing `roles` (hard), given their shifts in
 * `schedule` (which may or may not already hold this one).
 */
export function hardViolations(
  staff: StaffFacts,
  roles: readonly StaffRole[],
  shift: Shift,
  schedule: Schedule,
  settings: RuleSettings,
): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (!staff.active) found.push({ code: 'inactive', hard: true, params: {} });
  if (!roles.includes(staff.role))
    found.push({ code: 'role_mismatch', hard: true, params: { role: staff.role } });
  const away = staff.unavailable.find((u) => overlaps(u, shift));
  if (away)
    found.push({
      code: 'unavailable',
      hard: true,
      params: { from: new Date(away.start).toISOString(), to: new Date(away.end).toISOString() },
    });
  const rest = settings.minRestMinutes * MINUTE;
  schedule.eachNear(shift, rest, (other) => {
    if (overlaps(other, shift)) {
      found.push({
        code: 'overlap',
        hard: true,
        params: {
          start: new Date(other.start).toISOString(),
          end: new Date(other.end).toISOString(),
        },
      });
    } else {
      const gap = other.end <= shift.start ? shift.start - other.end : other.start - shift.end;
      if (gap < rest)
        found.push({
          code: 'min_rest',
          hard: true,
          params: { hours: hours(gap), min: hours(rest) },
        });
    }
  });
  return found;
}

/** What makes the shift a poor choice for `staff` (soft): counted and explained, not refused. */
export function softViolations(
  staff: StaffFacts,
  shift: Shift,
  schedule: Schedule,
): RuleViolation[] {
  const found: RuleViolation[] = [];
  const dayOff = REST_AFTER_NIGHT_HOURS * HOUR;
  schedule.eachNear(shift, dayOff, (other) => {
    const nightBefore = other.night && other.end <= shift.start && shift.start - other.end < dayOff;
    const nightNow = shift.night && shift.end <= other.start && other.start - shift.end < dayOff;
    if (nightBefore || nightNow) {
      found.push({
        code: 'rest_after_night',
        hard: false,
        params: { hours: hours(nightBefore ? shift.start - other.end : other.start - shift.end) },
      });
      return true;
    }
    return false;
  });
  const own = schedule.has(shift) ? 0 : (shift.end - shift.start) / MINUTE;
  const weekHours = (schedule.minutesInWeekOf(shift.start) + own) / 60;
  if (weekHours > staff.maxHoursWeek)
    found.push({
      code: 'weekly_hours',
      hard: false,
      params: { hours: Math.round(weekHours * 10) / 10, max: staff.maxHoursWeek },
    });
  return found;
}
