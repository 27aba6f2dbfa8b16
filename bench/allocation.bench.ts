import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { personInput } from '../src/shared/contract/people';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { openDatabase } from '../src/main/db/open';
import { suggestAllocation } from '../src/main/residents/allocation';
import { createBatch, registerArrivals, type ArrivalInput } from '../src/main/residents/arrivals';
import { createBuilding } from '../src/main/registry/buildings';
import type { ServiceContext } from '../src/main/services/context';
import { roomBoard } from '../src/main/registry/roomBoard';
import { bulkCreateRooms } from '../src/main/registry/roomBulk';
import { roomPage } from '../src/main/registry/roomPage';
import { createSite } from '../src/main/registry/sites';

/**
 * District scale on a real database file: a site of 2,000 rooms and a batch of 200 arrivals
 * (households of 2–4 and singles, a tenth of them elderly). Goal: a suggestion in ≤ 200 ms.
 */
const dir = mkdtempSync(join(tmpdir(), 'isd-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const ctx: ServiceContext = { db, now: () => new Date('2026-11-29T08:00:00Z') };

const { siteId, batchId } = db
  .transaction(() => {
    const site = createSite(ctx, { name: '基准测试隔离点', address: '' });
    for (const code of ['A', 'B', 'C', 'D']) {
      const building = createBuilding(ctx, { siteId: site.id, code, name: `${code} 楼` });
      bulkCreateRooms(ctx, {
        buildingId: building.id,
        floorFrom: 1,
        floorTo: 20,
        roomFrom: 1,
        roomTo: 15,
        capacity: 1,
        type: 'single',
        features: [],
      });
      bulkCreateRooms(ctx, {
        buildingId: building.id,
        floorFrom: 1,
        floorTo: 20,
        roomFrom: 16,
        roomTo: 20,
        capacity: 2,
        type: 'double',
        features: [],
      });
      bulkCreateRooms(ctx, {
        buildingId: building.id,
        floorFrom: 1,
        floorTo: 20,
        roomFrom: 21,
        roomTo: 25,
        capacity: 4,
        type: 'family',
        features: [],
      });
    }
    const batch = createBatch(ctx, {
      siteId: site.id,
      label: '200 人',
      arrivedAt: '2026-11-29T06:00:00Z',
      notes: '',
    });
    const people: ArrivalInput[] = [];
    for (let i = 0; i < 200; i++) {
      const elderly = i % 10 === 0;
      const birth = elderly ? '19500101' : '19900101';
      const male = i % 2 === 0;
      const first17 = `320602${birth}${String(100 + i * 2 + (male ? 1 : 0))
        .padStart(3, '0')
        .slice(-3)}`;
      people.push(
        personInput.parse({
          fullName: `人员${i}`,
          gender: male ? 'male' : 'female',
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
          documentType: 'resident_id',
          documentNumber: first17 + residentIdCheckChar(first17),
          category: 'close_contact',
          // Households of 3 for the first 90 people, then singles.
          ...(i < 90 ? { household: `户${Math.floor(i / 3)}` } : {}),
        }),
      );
    }
    registerArrivals(ctx, { batchId: batch.id, people });
    return { siteId: site.id, batchId: batch.id };
  })
  .immediate();

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('district scale: 2,000 rooms, 200 arrivals', () => {
  bench('allocation.suggest for 200 arrivals (goal ≤ 200 ms)', () => {
    suggestAllocation(ctx, { batchId });
  });
  bench('rooms.board, whole site', () => {
    roomBoard(ctx, { siteId });
  });
  bench('rooms.page, 100 rows by keyset', () => {
    roomPage(ctx, {
      siteId,
      includeRetired: false,
      sort: 'location',
      direction: 'asc',
      limit: 100,
    });
  });
});
