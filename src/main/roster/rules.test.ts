import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../shared/roster';
import { addDays, siteDay, siteInstant } from '../../shared/siteDate';
import { autoFill, type FillSlot } from './autofill';
import {
  DEFAULT_RULE_SETTINGS,
  hardViolations,
  isNightShift,
  Schedule,
  softViolations,
  weekOf,
  type Shift,
  type StaffFacts,
} from './rules';

const at = (day: string, time: string): number => siteInstant(day, time).getTime();
const shift = (day: string, time: string, hours: number): Shift => {
  const start = at(day, time);
  const [h, m] = time.split(':').map(Number) as [number, number];
  return { start, end: start + hours * 3_600_000, night: isNightShift(h * 60 + m, hours * 60) };
};
const nurse: StaffFacts = { id: 1, role: 'nurse', active: true, maxHoursWeek: 48, unavailable: [] };
const scheduleOf = (...shifts: Shift[]): Schedule => {
  const s = new Schedule();
  for (const x of shifts) s.add(x);
  return s;
};
const codes = (v: { code: string }[]) => v.map((x) => x.code);
const hard = (s: Shift, schedule: Schedule, staff = nurse, roles: StaffRole[] = ['nurse']) =>
  codes(hardViolations(staff, roles, s, schedule, DEFAULT_RULE_SETTINGS));

describe('roster rules', () => {
  it('knows a night shift: anything touching 00:00–06:00, midnight crossings and 24 h duty included', () => {
    expect(isNightShift(0, 480)).toBe(true); // 00:00–08:00
    expect(isNightShift(16 * 60, 480)).toBe(false); // 16:00–24:00
    expect(isNightShift(20 * 60, 720)).toBe(true); // 20:00–08:00
    expect(isNightShift(8 * 60, 1440)).toBe(true); // 08:00–08:00
    expect(isNightShift(8 * 60, 720)).toBe(false); // 08:00–20:00
  });

  it('refuses overlapping shifts, also across midnight', () => {
    const night = shift('2026-11-30', '20:00', 12); // to 08:00 on 1 December
    expect(hard(shift('2026-12-01', '07:00', 8), scheduleOf(night))).toEqual(['overlap']);
    expect(hard(shift('2026-11-30', '00:00', 8), scheduleOf(night))).toEqual([]);
    // Back to back is not an overlap, but it is no rest either.
    expect(hard(shift('2026-11-30', '08:00', 12), scheduleOf(night))).toEqual(['min_rest']);
  });

  it('wants 8 hours of rest between shifts (setting), whichever comes first', () => {
    const day = shift('2026-11-30', '08:00', 8); // 08:00–16:00
    expect(hard(shift('2026-11-30', '23:00', 8), scheduleOf(day))).toEqual(['min_rest']);
    expect(hard(shift('2026-12-01', '00:00', 8), scheduleOf(day))).toEqual([]);
    expect(hard(shift('2026-11-29', '18:00', 8), scheduleOf(day))).toEqual(['min_rest']); // ends 02:00, 6 h before
    const v = hardViolations(nurse, ['nurse'], shift('2026-11-30', '23:00', 8), scheduleOf(day), {
      minRestMinutes: 6 * 60,
    });
    expect(v).toEqual([]);
  });

  it('refuses a shift in time off, the wrong role, or an inactive person', () => {
    const leave = { start: at('2026-12-01', '00:00'), end: at('2026-12-03', '00:00') };
    const away = { ...nurse, unavailable: [leave] };
    expect(hard(shift('2026-11-30', '20:00', 12), new Schedule(), away)).toEqual(['unavailable']);
    expect(hard(shift('2026-11-30', '08:00', 12), new Schedule(), away)).toEqual([]);
    expect(hard(shift('2026-11-30', '08:00', 8), new Schedule(), nurse, ['doctor'])).toEqual([
      'role_mismatch',
    ]);
    expect(
      hard(shift('2026-11-30', '08:00', 8), new Schedule(), { ...nurse, active: false }),
    ).toEqual(['inactive']);
  });

  it('warns: a rest day after a night, and weekly hours over the maximum (weeks start on Monday)', () => {
    const night = shift('2026-11-30', '00:00', 8); // Monday 00:00–08:00
    const soft = (s: Shift, schedule: Schedule, staff = nurse) =>
      codes(softViolations(staff, s, schedule));
    expect(soft(shift('2026-11-30', '20:00', 8), scheduleOf(night))).toEqual(['rest_after_night']);
    expect(soft(shift('2026-12-01', '08:00', 8), scheduleOf(night))).toEqual([]);
    const week = scheduleOf(
      ...['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) =>
        shift(d, '08:00', 8),
      ),
    );
    const tight = { ...nurse, maxHoursWeek: 44 };
    expect(soft(shift('2026-12-05', '08:00', 8), week, tight)).toEqual(['weekly_hours']);
    // Sunday 6 December is the same week; Monday 7 December starts a new one.
    expect(weekOf(at('2026-12-06', '23:00'))).toBe('2026-11-30');
    expect(weekOf(at('2026-12-07', '00:30'))).toBe('2026-12-07');
    expect(soft(shift('2026-12-07', '08:00', 8), week, tight)).toEqual([]);
    // Month and year ends are ordinary days.
    expect(weekOf(at('2027-01-01', '12:00'))).toBe('2026-12-28');
  });

  it('weekOf agrees with the site calendar (Intl, Asia/Shanghai) at any instant', () => {
    const byCalendar = (instant: number): string => {
      const day = siteDay(new Date(instant));
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(day, -weekday);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (instant) => weekOf(instant) === byCalendar(instant),
      ),
      { numRuns: 2000 },
    );
  });

  it('auto-fill is deterministic, spreads nights, and says why a slot stays empty', () => {
    const staff: StaffFacts[] = [1, 2, 3].map((id) => ({ ...nurse, id }));
    const slots: FillSlot[] = ['2026-11-30', '2026-12-01', '2026-12-02'].map((day) => ({
      ...shift(day, '00:00', 8),
      key: day,
      roles: ['nurse'],
      missing: 1,
    }));
    const first = autoFill(slots, staff, new Map(), DEFAULT_RULE_SETTINGS);
    const again = autoFill(slots, staff, new Map(), DEFAULT_RULE_SETTINGS);
    expect(first).toEqual(again);
    expect(first.picks.map((p) => p.staffId)).toEqual([1, 2, 3]);
    const doctors = autoFill(
      [{ ...slots[0]!, roles: ['doctor'] }],
      staff,
      new Map(),
      DEFAULT_RULE_SETTINGS,
    );
    expect(doctors.unfilled).toEqual([
      { slotKey: '2026-11-30', missing: 1, reasons: { no_staff_with_role: 0 } },
    ]);
    const one = autoFill(
      [{ ...slots[0]!, missing: 2 }],
      [staff[0]!],
      new Map(),
      DEFAULT_RULE_SETTINGS,
    );
    expect(one.unfilled).toEqual([{ slotKey: '2026-11-30', missing: 1, reasons: { overlap: 1 } }]);
  });

  it('auto-fill never leaves a hard violation (random staff, posts and shifts)', () => {
    const templates = [
      { time: '00:00', hours: 8 },
      { time: '08:00', hours: 8 },
      { time: '16:00', hours: 8 },
      { time: '08:00', hours: 12 },
      { time: '20:00', hours: 12 },
      { time: '08:00', hours: 24 },
    ];
    const days = Array.from({ length: 10 }, (_, i) =>
      new Date(Date.UTC(2026, 10, 27 + i)).toISOString().slice(0, 10),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role: fc.constantFrom(...STAFF_ROLES.slice(0, 4)),
            maxHoursWeek: fc.integer({ min: 8, max: 72 }),
            active: fc.boolean(),
            leaveDay: fc.option(fc.integer({ min: 0, max: 9 })),
          }),
          { minLength: 1, maxLength: 14 },
        ),
        fc.array(
          fc.record({
            roles: fc.subarray([...STAFF_ROLES.slice(0, 4)], { minLength: 1 }),
            headCount: fc.integer({ min: 1, max: 3 }),
            shiftIndexes: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (people, posts) => {
          const staff: StaffFacts[] = people.map((p, i) => ({
            id: i + 1,
            role: p.role,
            active: p.active,
            maxHoursWeek: p.maxHoursWeek,
            unavailable:
              p.leaveDay === null
                ? []
                : [{ start: at(days[p.leaveDay]!, '00:00'), end: at(days[p.leaveDay]!, '23:59') }],
          }));
          const slots: FillSlot[] = [];
          for (const [pi, post] of posts.entries())
            for (const day of days)
              for (const ti of post.shiftIndexes) {
                const t = templates[ti]!;
                slots.push({
                  ...shift(day, t.time, t.hours),
                  key: `${pi}/${day}/${ti}`,
                  roles: post.roles,
                  missing: post.headCount,
                });
              }
          slots.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
          const result = autoFill(slots, staff, new Map(), DEFAULT_RULE_SETTINGS);
          // Re-judge every pick against everyone else's final schedule.
          const bySlot = new Map(slots.map((s) => [s.key, s]));
          const finals = new Map<number, Schedule>();
          const placed = result.picks.map((p) => {
            const slot = bySlot.get(p.slotKey)!;
            const own: Shift = { start: slot.start, end: slot.end, night: slot.night };
            let s = finals.get(p.staffId);
            if (!s) finals.set(p.staffId, (s = new Schedule()));
            s.add(own);
            return { pick: p, slot, own };
          });
          for (const { pick, slot, own } of placed) {
            const person = staff.find((s) => s.id === pick.staffId)!;
            expect(
              hardViolations(
                person,
                slot.roles,
                own,
                finals.get(pick.staffId)!,
                DEFAULT_RULE_SETTINGS,
              ),
            ).toEqual([]);
          }
          // Every slot is either full or reported with what is missing.
          for (const slot of slots) {
            const got = result.picks.filter((p) => p.slotKey === slot.key).length;
            const gap = result.unfilled.find((u) => u.slotKey === slot.key)?.missing ?? 0;
            expect(got + gap).toBe(slot.missing);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
