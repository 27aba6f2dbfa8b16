import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post, ShiftTemplate, Staff } from '../../shared/roster';
import { errorOf } from '../testing/authTesting';
import { snapshot } from '../testing/peopleTesting';
import {
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  assignSeen,
  onSeenSlot,
  type RosterWeek,
} from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let day: RosterWeek['day'];
  let evening: RosterWeek['evening'];
  let night: RosterWeek['night'];
  let gate: RosterWeek['gate'];
  let medical: RosterWeek['medical'];
  let nurses: RosterWeek['nurses'];
  let guards: RosterWeek['guards'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, day, evening, night, gate, medical, nurses, guards, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('assigning keeps the hard rules: role, overlap, rest, time off; nothing written when refused', async () => {
    const p = await period();
    const put = async (post: Post, t: ShiftTemplate, d: string, s: Staff) =>
      desk.invoke(
        'roster.assign',
        await onSeenSlot(desk, {
          periodId: p.id,
          postId: post.id,
          templateId: t.id,
          day: d,
          staffId: s.id,
        }),
      );
    expect((await put(gate, evening, MONDAY, guards[0]!)).ok).toBe(true);
    const refused = async (call: Promise<unknown>, rule: string) => {
      const before = snapshot(desk.t.ctx.db);
      const error = errorOf((await call) as never);
      expect(error).toMatchObject({ code: 'ROSTER_RULE', fields: { staffId: rule } });
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    };
    await refused(put(gate, day, MONDAY, nurses[0]!), 'role_mismatch');
    // 16:00–24:00 then 00:00–08:00 the next day: no rest at all.
    await refused(put(gate, night, '2026-12-01', guards[0]!), 'min_rest');
    // The same evening at the medical post is the same time: a nurse there, but not the guard.
    await desk.call('staff.addUnavailability', {
      staffId: guards[1]!.id,
      startsAt: '2026-12-02T00:00:00+08:00',
      endsAt: '2026-12-03T00:00:00+08:00',
      reason: '轮休',
    });
    await refused(put(gate, day, '2026-12-02', guards[1]!), 'unavailable');
    expect((await put(gate, day, '2026-12-03', guards[1]!)).ok).toBe(true);
    await put(medical, day, MONDAY, nurses[0]!);
    const overlap = await put(gate, day, MONDAY, nurses[0]!);
    expect(errorOf(overlap).params).toMatchObject({ rules: 'role_mismatch,overlap' });
  });

  it('lists the candidates for a slot: the suitable first, each with what the rules say', async () => {
    const p = await period();
    await assignSeen(desk, {
      periodId: p.id,
      postId: gate.id,
      templateId: evening.id,
      day: MONDAY,
      staffId: guards[0]!.id,
    });
    const list = await desk.call('roster.candidates', {
      periodId: p.id,
      postId: gate.id,
      templateId: night.id,
      day: '2026-12-01',
    });
    expect(list.map((c) => c.fullName)).toEqual(['保安二', '保安三', '保安四', '保安一']);
    expect(list.at(-1)!.violations.map((v) => [v.code, v.hard])).toEqual([['min_rest', true]]);
    expect(list.at(-1)!.hoursThisWeek).toBe(8);
  });
});
