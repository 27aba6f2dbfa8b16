import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictCurrent } from '../../shared/errors';
import type { RosterGrid, RosterPeriod, RosterSlot } from '../../shared/roster';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { deskOver, snapshot, type Desk } from '../testing/peopleTesting';
import {
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  seenSlot,
  type RosterWeek,
} from '../testing/rosterTesting';

/**
 * Two coordinators on two desks over one database, each with their own session, editing the same
 * roster slot (a post × shift × day): the second write based on the slot as it was is refused.
 */
describe('roster slot versions and CONFLICT (through the router, on a real database)', () => {
  let w: RosterWeek;
  let first: Desk;
  let second: Desk;
  let period: RosterPeriod;
  let gateDay: { periodId: number; postId: number; templateId: number; day: string };

  beforeEach(async () => {
    w = await makeRosterWeek();
    first = w.desk;
    first.t.ctx.db
      .prepare("UPDATE users SET display_name = '王丽华' WHERE id = ?")
      .run(first.userId);
    second = deskOver(first.t, ['coordinator'], 'zhoumin');
    second.t.ctx.db
      .prepare("UPDATE users SET display_name = '周敏' WHERE id = ?")
      .run(second.userId);
    period = await w.period();
    gateDay = { periodId: period.id, postId: w.gate.id, templateId: w.day.id, day: MONDAY };
  });
  afterEach(() => closeRosterWeek(first));

  /** The second desk's write is refused: nothing written, no audit row; the envelope says why. */
  async function refusedAsConflict(write: Promise<unknown>): Promise<ConflictCurrent<RosterSlot>> {
    const before = snapshot(first.t.ctx.db);
    const lastAudit = lastAuditId(first.t);
    const error = errorOf((await write) as Parameters<typeof errorOf>[0]);
    expect(error.code).toBe('CONFLICT');
    expect(snapshot(first.t.ctx.db)).toBe(before);
    expect(auditRows(first.t, lastAudit)).toEqual([]);
    expect(error.params).toMatchObject({ by: error.current!.by, at: error.current!.at });
    return error.current as ConflictCurrent<RosterSlot>;
  }

  const slotIn = (grid: RosterGrid, key: typeof gateDay): RosterSlot =>
    grid.slots.find(
      (s) => s.postId === key.postId && s.templateId === key.templateId && s.day === key.day,
    )!;

  it('two desks assign different guards to one empty slot: the second sees the first’s guard and name', async () => {
    const [guardA, guardB] = w.guards;
    const seenByBoth = (await seenSlot(first, period.id, gateDay)).version;
    const saved = await first.call('roster.assign', {
      ...gateDay,
      staffId: guardA!.id,
      expectedSlotVersion: seenByBoth,
    });
    const afterFirst = slotIn(saved, gateDay);
    expect(afterFirst.version).not.toBe(seenByBoth);

    const current = await refusedAsConflict(
      second.invoke('roster.assign', {
        ...gateDay,
        staffId: guardB!.id,
        expectedSlotVersion: seenByBoth,
      }),
    );
    expect(current.record).toEqual(afterFirst);
    expect(current.record.assignments.map((a) => a.staffName)).toEqual([guardA!.fullName]);
    expect(current).toMatchObject({ version: afterFirst.version, by: '王丽华' });
    expect(current.at).toBe(first.t.ctx.now().toISOString());

    // Keep mine: on the slot's new version the second desk's guard is added beside the first.
    const kept = await second.call('roster.assign', {
      ...gateDay,
      staffId: guardB!.id,
      expectedSlotVersion: current.version,
    });
    expect(slotIn(kept, gateDay).assignments.map((a) => a.staffName)).toEqual([
      guardA!.fullName,
      guardB!.fullName,
    ]);
    const [audit] = auditRows(first.t, 0).filter(
      (a) => a.method === 'roster.assign' && a.user_id === second.userId,
    );
    expect(audit).toBeDefined();
  });

  it('taking someone off a slot another desk changed since is refused; one the desk saw is removed', async () => {
    const [guardA, guardB, guardC] = w.guards;
    const empty = (await seenSlot(first, period.id, gateDay)).version;
    const withA = slotIn(
      await first.call('roster.assign', {
        ...gateDay,
        staffId: guardA!.id,
        expectedSlotVersion: empty,
      }),
      gateDay,
    );
    const onDuty = withA.assignments[0]!;
    // The first desk swaps 保安一 for 保安二 (deletes and re-inserts): the second desk still shows 保安一.
    await first.call('roster.swap', {
      assignmentId: onDuty.id,
      staffId: guardB!.id,
      expectedSlotVersion: withA.version,
    });
    const current = await refusedAsConflict(
      second.invoke('roster.unassign', {
        assignmentId: onDuty.id,
        expectedSlotVersion: withA.version,
      }),
    );
    expect(current.record.assignments.map((a) => a.staffName)).toEqual([guardB!.fullName]);
    expect(current.by).toBe('王丽华');
    // A swap of the one it saw, on the old version, is refused too.
    await refusedAsConflict(
      second.invoke('roster.swap', {
        assignmentId: onDuty.id,
        staffId: guardC!.id,
        expectedSlotVersion: withA.version,
      }),
    );

    // Use theirs: reloaded, the slot's version takes 保安二 off.
    const reloaded = await seenSlot(second, period.id, gateDay);
    expect(reloaded.version).toBe(current.version);
    const cleared = await second.call('roster.unassign', {
      assignmentId: reloaded.assignments[0]!.id,
      expectedSlotVersion: reloaded.version,
    });
    expect(slotIn(cleared, gateDay)).toMatchObject({ assignments: [], version: empty });
  });

  it('a swap on a stale slot is refused whole: the assignment it would replace stays', async () => {
    const [guardA, guardB, guardC] = w.guards;
    const evening = { ...gateDay, templateId: w.evening.id };
    const seen = slotIn(
      await first.call('roster.assign', {
        ...evening,
        staffId: guardA!.id,
        expectedSlotVersion: (await seenSlot(first, period.id, evening)).version,
      }),
      evening,
    );
    // The other desk adds a second guard to the same evening: the slot moved on.
    await second.call('roster.assign', {
      ...evening,
      staffId: guardB!.id,
      expectedSlotVersion: seen.version,
    });
    const current = await refusedAsConflict(
      first.invoke('roster.swap', {
        assignmentId: seen.assignments[0]!.id,
        staffId: guardC!.id,
        expectedSlotVersion: seen.version,
      }),
    );
    expect(current.record.assignments.map((a) => a.staffName)).toEqual([
      guardA!.fullName,
      guardB!.fullName,
    ]);
    expect(current.by).toBe('周敏');
    // On the version it was shown, the swap goes through: 保安三 in place of 保安一.
    const swapped = await first.call('roster.swap', {
      assignmentId: seen.assignments[0]!.id,
      staffId: guardC!.id,
      expectedSlotVersion: current.version,
    });
    expect(
      slotIn(swapped, evening)
        .assignments.map((a) => a.staffName)
        .sort(),
    ).toEqual([guardB!.fullName, guardC!.fullName].sort());
  });

  it('an assignment another desk removed since is a CONFLICT on its slot, not a bare not-found', async () => {
    const [guardA, guardB] = w.guards;
    const empty = (await seenSlot(first, period.id, gateDay)).version;
    const withA = await first.call('roster.assign', {
      ...gateDay,
      staffId: guardA!.id,
      expectedSlotVersion: empty,
    });
    const both = slotIn(
      await first.call('roster.assign', {
        ...gateDay,
        staffId: guardB!.id,
        expectedSlotVersion: slotIn(withA, gateDay).version,
      }),
      gateDay,
    );
    const [a, b] = both.assignments;
    await first.call('roster.unassign', { assignmentId: a!.id, expectedSlotVersion: both.version });
    const current = await refusedAsConflict(
      second.invoke('roster.unassign', { assignmentId: a!.id, expectedSlotVersion: both.version }),
    );
    expect(current.record.assignments).toEqual([expect.objectContaining({ id: b!.id })]);
    expect(current.by).toBe('王丽华');
    // On the slot's new version the gone assignment is simply not found.
    const gone = errorOf(
      await second.invoke('roster.unassign', {
        assignmentId: a!.id,
        expectedSlotVersion: current.version,
      }),
    );
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('auto-fill changes a slot’s version: a desk that opened the slot before it is refused', async () => {
    const seen = await seenSlot(second, period.id, gateDay);
    const filled = await first.call('roster.autoFill', { periodId: period.id });
    const current = await refusedAsConflict(
      second.invoke('roster.assign', {
        ...gateDay,
        staffId: w.guards[3]!.id,
        expectedSlotVersion: seen.version,
      }),
    );
    expect(current.record).toEqual(slotIn(filled.grid, gateDay));
    expect(current.by).toBe('王丽华');
  });
});
