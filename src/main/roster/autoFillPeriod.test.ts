import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRosterWeek, makeRosterWeek, MONDAY, type RosterWeek } from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let day: RosterWeek['day'];
  let night: RosterWeek['night'];
  let medical: RosterWeek['medical'];
  let nurses: RosterWeek['nurses'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, day, night, medical, nurses, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('auto-fills the week with no hard violation, deterministically, and says what it could not fill', async () => {
    const p = await period();
    const filled = await desk.call('roster.autoFill', { periodId: p.id });
    // Four guards for 21 gate shifts of 8 h with 8 h rest: all filled; two nurses for 7 days.
    expect(filled.grid.hardViolations).toBe(0);
    expect(filled.grid.gaps).toBe(0);
    expect(filled.added).toBe(28);
    expect(filled.unfilled).toEqual([]);
    const picks = filled.grid.slots.map((s) => s.assignments.map((a) => a.staffId));

    // The same input gives the same roster.
    // One person a slot: unassigning one leaves the other slots' versions as the grid showed them.
    for (const s of filled.grid.slots)
      for (const a of s.assignments)
        await desk.call('roster.unassign', { assignmentId: a.id, expectedSlotVersion: s.version });
    const again = await desk.call('roster.autoFill', { periodId: p.id });
    expect(again.grid.slots.map((s) => s.assignments.map((a) => a.staffId))).toEqual(picks);

    // Nights are shared out: nobody has more than two of the seven.
    const nights = new Map<number, number>();
    for (const s of again.grid.slots.filter((x) => x.templateId === night.id))
      for (const a of s.assignments) nights.set(a.staffId, (nights.get(a.staffId) ?? 0) + 1);
    expect(Math.max(...nights.values())).toBeLessThanOrEqual(2);
  });

  it('reports the slots nobody can take, with the reasons', async () => {
    await desk.call('staff.setActive', { id: nurses[0]!.id, active: false });
    await desk.call('staff.addUnavailability', {
      staffId: nurses[1]!.id,
      startsAt: '2026-11-30T00:00:00+08:00',
      endsAt: '2026-12-01T00:00:00+08:00',
      reason: '病假',
    });
    const p = await period();
    const filled = await desk.call('roster.autoFill', { periodId: p.id });
    expect(filled.unfilled).toEqual([
      {
        postId: medical.id,
        templateId: day.id,
        day: MONDAY,
        missing: 1,
        reasons: { unavailable: 1 },
      },
    ]);
  });
});
