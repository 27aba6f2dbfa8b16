import { afterAll, bench, describe } from 'vitest';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { createBatch, registerArrivals, type ArrivalInput } from '../src/main/services/arrivals';
import { createBuilding } from '../src/main/services/buildings';
import { bulkCreateRooms } from '../src/main/services/roomBulk';
import { roundSheet } from '../src/main/services/rounds';
import { createSite } from '../src/main/services/sites';
import { checkIn } from '../src/main/services/stays';
import { sessionFor } from '../src/main/testing/authTesting';
import { addUser, makeTestContext, makeTestRouter } from '../src/main/testing/tempDb';

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
    const site = createSite(ctx, { name: '基准测试隔离点', address: '' });
    const roomIds: number[] = [];
    for (const code of ['A', 'B']) {
      const building = createBuilding(ctx, { siteId: site.id, code, name: `${code} 楼` });
      bulkCreateRooms(ctx, {
        buildingId: building.id,
        floorFrom: 1,
        floorTo: 20,
        roomFrom: 1,
        roomTo: 25,
        capacity: 1,
        type: 'single',
        features: [],
      });
    }
    roomIds.push(...(ctx.db.prepare('SELECT id FROM rooms ORDER BY id').pluck().all() as number[]));
    const batch = createBatch(ctx, {
      siteId: site.id,
      label: '1000 人',
      arrivedAt: '2026-11-29T06:00:00Z',
      notes: '',
    });
    const people: ArrivalInput[] = roomIds.map((_, i) => {
      const first17 = `3206${String(10 + Math.floor(i / 500)).padStart(2, '0')}19900101${String(i % 500).padStart(3, '0')}`;
      return {
        fullName: `人员${i}`,
        gender: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
        birthDate: '1990-01-01',
        documentType: 'resident_id',
        documentNumber: first17 + residentIdCheckChar(first17),
        phone: '',
        category: 'close_contact',
        pregnant: false,
        chronicIllness: false,
        disability: false,
        emergencyContact: '',
        emergencyPhone: '',
        notes: '',
      };
    });
    const members = registerArrivals(ctx, { batchId: batch.id, people });
    members.forEach((m, i) => checkIn(ctx, m.stayId, roomIds[i]!));
    return { siteId: site.id, stayIds: members.map((m) => m.stayId) };
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
          { stayId, day: DAY, slot: SLOT, temperature },
          nurse,
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      }
    },
    { iterations: 3, warmupIterations: 0 },
  );
});
