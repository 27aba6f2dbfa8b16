import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { closeRosterWeek, makeRosterWeek, MONDAY, type RosterWeek } from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('the duty sheet of a day lists every post and shift with phones in full, and is audited', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const before = lastAuditId(desk.t);
    const sheet = await desk.call('roster.dutySheet', { periodId: p.id, day: MONDAY });
    expect(sheet.rows.map((r) => [r.post, r.shift, r.staff.length])).toEqual([
      ['门岗', '夜班', 1],
      ['门岗', '白班', 1],
      ['医疗点', '白班', 1],
      ['门岗', '中班', 1],
    ]);
    expect(sheet.rows[0]!.staff[0]!.phone).toBe('13900001111');
    expect(auditRows(desk.t, before).map((a) => a.method)).toEqual(['roster.dutySheet']);
    expect(
      errorOf(await desk.invoke('roster.dutySheet', { periodId: p.id, day: '2026-12-07' })),
    ).toMatchObject({ fields: { day: 'outside_period' } });
  });
});
