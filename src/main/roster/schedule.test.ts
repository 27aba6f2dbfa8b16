import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Schedule, weekOf, type Shift } from './rules';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-11-23T00:00:00.000Z');

/** Shifts of 1–24 h starting on the hour over five weeks, many at the same instant. */
const shifts = fc.array(
  fc.record({
    hour: fc.integer({ min: 0, max: 5 * 7 * 24 }),
    hours: fc.integer({ min: 1, max: 24 }),
    night: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe('Schedule', () => {
  it('keeps shifts in start order, knows each one added (by identity) and sums minutes per site week', () => {
    fc.assert(
      fc.property(shifts, (specs) => {
        const added: Shift[] = specs.map((s) => ({
          start: BASE + s.hour * HOUR,
          end: BASE + (s.hour + s.hours) * HOUR,
          night: s.night,
        }));
        const schedule = new Schedule();
        for (const s of added) schedule.add(s);

        const starts = schedule.shifts.map((s) => s.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(new Set(schedule.shifts)).toEqual(new Set(added));
        for (const s of added) {
          expect(schedule.has(s)).toBe(true);
          // The same times are not the same shift: a candidate slot is not yet on the schedule.
          expect(schedule.has({ ...s })).toBe(false);
        }

        const byWeek = new Map<string, number>();
        for (const s of added)
          byWeek.set(
            weekOf(s.start),
            (byWeek.get(weekOf(s.start)) ?? 0) + (s.end - s.start) / 60_000,
          );
        for (let day = 0; day < 5 * 7; day++) {
          const instant = BASE + day * 24 * HOUR + 5 * HOUR;
          expect(schedule.minutesInWeekOf(instant)).toBe(byWeek.get(weekOf(instant)) ?? 0);
        }
        expect(schedule.nights).toBe(added.filter((s) => s.night).length);
      }),
      { numRuns: 300 },
    );
  });
});
