import { personInput } from '../src/shared/contract/people';
import { residentIdCheckChar } from '../src/shared/idNumber';
import type { ArrivalInput } from '../src/main/residents/arrivals';
import { createBuilding } from '../src/main/registry/buildings';
import type { ServiceContext } from '../src/main/services/context';
import { bulkCreateRooms } from '../src/main/registry/roomBulk';
import { createSite } from '../src/main/registry/sites';

/** A site with buildings A, B, … of single rooms (floors 1–20); returns the site id and room ids. */
export function benchSite(
  ctx: ServiceContext,
  buildings: number,
  roomsPerFloor: number,
): { siteId: number; roomIds: number[] } {
  const site = createSite(ctx, { name: '基准测试隔离点', address: '' });
  for (const code of ['A', 'B', 'C', 'D', 'E', 'F'].slice(0, buildings)) {
    const building = createBuilding(ctx, { siteId: site.id, code, name: `${code} 楼` });
    bulkCreateRooms(ctx, {
      buildingId: building.id,
      floorFrom: 1,
      floorTo: 20,
      roomFrom: 1,
      roomTo: roomsPerFloor,
      capacity: 1,
      type: 'single',
      features: [],
    });
  }
  const roomIds = ctx.db.prepare('SELECT id FROM rooms ORDER BY id').pluck().all() as number[];
  return { siteId: site.id, roomIds };
}

/** Resident number i (valid, unique ID; gender from the ID), optionally with a mobile number. */
export function benchResident(i: number, phone = ''): ArrivalInput {
  const first17 = `3206${String(10 + Math.floor(i / 500)).padStart(2, '0')}19900101${String(i % 500).padStart(3, '0')}`;
  // The contract's schema fills the defaults, as it does for what the router receives.
  return personInput.parse({
    fullName: `人员${i}`,
    gender: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: '1990-01-01',
    documentType: 'resident_id',
    documentNumber: first17 + residentIdCheckChar(first17),
    phone,
    category: 'close_contact',
  });
}
