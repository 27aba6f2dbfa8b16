import { afterAll, bench, describe } from 'vitest';
import { createBatch, registerArrivals } from '../src/main/residents/arrivals';
import { roundReadingOf } from '../src/main/health/readings';
import { roundSheet } from '../src/main/health/rounds';
import { checkIn } from '../src/main/residents/stays';
import { sessionFor } from '../src/main/testing/authTesting';
import { addUser, makeTestContext, makeTestRouter } from '../src/main/testing/tempDb';
import { benchResident, benchSite } from './benchPeople';

/**
 * A site of 1,000 residents on a real database file (TEST_NOW: 29 November 2026, 16:00 at the
 * site, inside the 15:00 round). Goals: the round sheet for all 1,000 in ≤ 150 ms (service layer);
 * 1,000 readings saved one by one through the router, each its own audited transaction, ≤ 2 s.
 */
const t = makeTestContext();
const { ctx } = t;
const DAY = '2026-11-29';
const SLOT = 1;

const { siteId, stayIds } = ctx.db
  .transaction(() => {
    const { siteId: id, roomIds } = benchSite(ctx, 2, 25);
    const batch = createBatch(ctx, {
      siteId: id,
      label: '1000 人',
      arrivedAt: '2026-11-29T06:00:00Z',
      notes: '',
    });
    const people = roomIds.map((_, i) => benchResident(i));
    const members = registerArrivals(ctx, { batchId: batch.id, people });
    members.forEach((m, i) => checkIn(ctx, m.stayId, roomIds[i]!));
    return { siteId: id, stayIds: members.map((m) => m.stayId) };
  })
  .immediate();

const tr = makeTestRouter(t);
const nurse = sessionFor(tr, addUser(t, 'nurse', ['medical']));
let pass = 0;

afterAll(() => t.close());

describe('a site of 1,000 residents', () => {
  bench('rounds.sheet for 1,000 residents (goal ≤ 150 ms)', () => {
    roundSheet(ctx, { siteId, day: DAY, slot: SLOT });
  });
  bench(
    '1,000 readings saved one by one through the router, audited (goal ≤ 2 s in total)',
    async () => {
      // Each pass types a new value for everyone: the first inserts, later ones correct.
      const temperature = 36 + (pass++ % 9) / 10;
      for (const stayId of stayIds) {
        const result = await tr.router.invoke(
          'readings.record',
          {
            stayId,
            day: DAY,
            slot: SLOT,
            temperature,
            expectedVersion: roundReadingOf(ctx, stayId, DAY, SLOT)?.version ?? 0,
          },
          nurse,
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      }
    },
    { iterations: 3, warmupIterations: 0 },
  );
});
