import type { RuleViolation, StaffRole } from '../../shared/roster';
import {
  hardViolations,
  Schedule,
  softViolations,
  type RuleSettings,
  type Shift,
  type StaffFacts,
} from './rules';

export interface FillSlot extends Shift {
  key: string;
  roles: readonly StaffRole[];
  /** People still needed. */
  missing: number;
}

export type UnfilledReason = RuleViolation['code'] | 'no_staff_with_role';

export interface FillResult {
  picks: { slotKey: string; staffId: number }[];
  unfilled: {
    slotKey: string;
    missing: number;
    reasons: Partial<Record<UnfilledReason, number>>;
  }[];
}

/** Lower is better: soft rule breaks first, then nights and hours already given (fair share). */
function penalty(staff: StaffFacts, slot: FillSlot, schedule: Schedule): number {
  const soft = softViolations(staff, slot, schedule).length;
  return (
    soft * 1_000_000 +
    (slot.night ? schedule.nights * 10_000 : 0) +
    schedule.minutesInWeekOf(slot.start) * 10 +
    schedule.minutes
  );
}

/**
 * Fills the gaps slot by slot in the order given (the caller sorts by time): for each missing
 * person, the suitable staff member with no hard violation and the lowest penalty, ties to the
 * lowest id, so the same input always gives the same roster. `schedules` holds everyone's shifts
 * already on the roster (and around it) and is updated as picks are made.
 */
export function autoFill(
  slots: readonly FillSlot[],
  staff: readonly StaffFacts[],
  schedules: Map<number, Schedule>,
  settings: RuleSettings,
): FillResult {
  const result: FillResult = { picks: [], unfilled: [] };
  const scheduleOf = (id: number): Schedule => {
    let s = schedules.get(id);
    if (!s) {
      s = new Schedule();
      schedules.set(id, s);
    }
    return s;
  };
  const byId = [...staff].sort((a, b) => a.id - b.id);
  for (const slot of slots) {
    let missing = slot.missing;
    const reasons: Partial<Record<UnfilledReason, number>> = {};
    while (missing > 0) {
      let best: { staff: StaffFacts; score: number } | null = null;
      let suitable = 0;
      const excluded: Partial<Record<UnfilledReason, number>> = {};
      for (const person of byId) {
        if (!person.active || !slot.roles.includes(person.role)) continue;
        suitable++;
        const schedule = scheduleOf(person.id);
        const hard = hardViolations(person, slot.roles, slot, schedule, settings);
        if (hard.length > 0) {
          const code = hard[0]!.code;
          excluded[code] = (excluded[code] ?? 0) + 1;
          continue;
        }
        const score = penalty(person, slot, schedule);
        if (best === null || score < best.score) best = { staff: person, score };
      }
      if (best === null) {
        if (suitable === 0) reasons.no_staff_with_role = 0;
        Object.assign(reasons, excluded);
        break;
      }
      scheduleOf(best.staff.id).add({ start: slot.start, end: slot.end, night: slot.night });
      result.picks.push({ slotKey: slot.key, staffId: best.staff.id });
      missing--;
    }
    if (missing > 0) result.unfilled.push({ slotKey: slot.key, missing, reasons });
  }
  return result;
}
