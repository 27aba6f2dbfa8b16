import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import {
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  type RosterWeek,
  SUNDAY,
} from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let siteId: RosterWeek['siteId'];
  let night: RosterWeek['night'];
  let gate: RosterWeek['gate'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, siteId, night, gate, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('the grid lists every slot of the week with its need; periods never overlap', async () => {
    const p = await period();
    const grid = await desk.call('roster.grid', { periodId: p.id });
    expect(grid.days).toHaveLength(7);
    expect(grid.slots).toHaveLength(7 * 3 + 7);
    expect(grid.gaps).toBe(28);
    // Monday's night shift of the gate starts at midnight, site time.
    expect(
      grid.slots.find((s) => s.postId === gate.id && s.templateId === night.id && s.day === MONDAY),
    ).toMatchObject({ startsAt: '2026-11-29T16:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z' });
    expect(
      errorOf(
        await desk.invoke('roster.createPeriod', {
          siteId,
          startsOn: SUNDAY,
          endsOn: '2026-12-12',
        }),
      ),
    ).toMatchObject({ code: 'PERIOD_OVERLAP', params: { from: MONDAY, to: SUNDAY } });
  });
});
