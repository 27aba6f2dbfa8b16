import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { rows } from '../testing/peopleTesting';
import {
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  assignSeen,
  type RosterWeek,
} from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let siteId: RosterWeek['siteId'];
  let day: RosterWeek['day'];
  let gate: RosterWeek['gate'];
  let medical: RosterWeek['medical'];
  let nurses: RosterWeek['nurses'];
  let guards: RosterWeek['guards'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, siteId, day, gate, medical, nurses, guards, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('publishing freezes the draft: changes need a reason, raise the version and are logged', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const published = await desk.call('roster.publish', { periodId: p.id });
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(errorOf(await desk.invoke('roster.autoFill', { periodId: p.id })).code).toBe(
      'ROSTER_PUBLISHED',
    );
    const grid = await desk.call('roster.grid', { periodId: p.id });
    const slot = grid.slots.find(
      (s) => s.postId === medical.id && s.templateId === day.id && s.day === MONDAY,
    )!;
    const mondayDay = slot.assignments[0]!;
    const other = nurses.find((n) => n.id !== mondayDay.staffId)!;
    const noReason = await desk.invoke('roster.swap', {
      assignmentId: mondayDay.id,
      staffId: other.id,
      expectedSlotVersion: slot.version,
    });
    expect(errorOf(noReason).code).toBe('REASON_REQUIRED');
    const before = lastAuditId(desk.t);
    await desk.call('roster.swap', {
      assignmentId: mondayDay.id,
      staffId: other.id,
      expectedSlotVersion: slot.version,
      reason: '家中有事，互换',
    });
    expect((await desk.call('roster.periods', { siteId }))[0]).toMatchObject({ version: 2 });
    expect(
      rows(
        desk.t.ctx.db,
        'SELECT version, kind, from_staff_id, to_staff_id, reason FROM roster_changes',
      ),
    ).toEqual([
      {
        version: 2,
        kind: 'swap',
        from_staff_id: mondayDay.staffId,
        to_staff_id: other.id,
        reason: '家中有事，互换',
      },
    ]);
    expect(auditRows(desk.t, before).every((a) => a.method === 'roster.swap')).toBe(true);
  });

  it('publishing is refused while a hard rule is broken (rules changed after assigning)', async () => {
    const p = await period();
    await assignSeen(desk, {
      periodId: p.id,
      postId: gate.id,
      templateId: day.id,
      day: MONDAY,
      staffId: guards[0]!.id,
    });
    await desk.call('staff.addUnavailability', {
      staffId: guards[0]!.id,
      startsAt: '2026-11-30T00:00:00+08:00',
      endsAt: '2026-11-30T12:00:00+08:00',
      reason: '隔离',
    });
    const grid = await desk.call('roster.grid', { periodId: p.id });
    expect(grid.hardViolations).toBe(1);
    expect(errorOf(await desk.invoke('roster.publish', { periodId: p.id })).code).toBe(
      'ROSTER_RULE',
    );
  });
});
