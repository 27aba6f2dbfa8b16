import { STAFF_ROLES, type StaffRole } from '../../src/shared/roster';
import { STOCK_CATEGORIES } from '../../src/shared/stock';
import type { ServiceContext } from '../../src/main/services/context';
import { createBuilding } from '../../src/main/registry/buildings';
import { bulkCreateRooms } from '../../src/main/registry/roomBulk';
import { createSite } from '../../src/main/registry/sites';
import { createUser } from '../../src/main/accounts/users';
import { createItem } from '../../src/main/stock/catalogue';
import { siteStore } from '../../src/main/stock/ledger';
import { createPost, createTemplate } from '../../src/main/roster/posts';
import { createStaff } from '../../src/main/roster/staff';
import { BENCH_USER, ROOMS_PER_FLOOR, SCALE, SITE_SHAPES, roomKind } from './shape';

export interface Structure {
  siteIds: number[];
  userIds: { bench: number; nurse: number };
  /** Per site: its store, its three shift templates (night, day, evening) and its 7 posts. */
  stores: number[];
  templates: number[][];
  posts: { id: number; roles: StaffRole[] }[][];
  staffIds: number[];
  itemIds: number[];
}

const BLOCKS = [
  { from: 1, to: 15 },
  { from: 16, to: 20 },
  { from: 21, to: 24 },
  { from: 25, to: 25 },
];

/** Seven posts, each open to two roles; staff j of a site works post (j div 3) mod 7. */
export const POST_ROLES: readonly StaffRole[][] = [
  ['doctor', 'nurse'],
  ['nurse', 'doctor'],
  ['security', 'driver'],
  ['cleaning', 'logistics'],
  ['coordinator', 'community'],
  ['logistics', 'driver'],
  ['community', 'other'],
];
export const STAFF_PER_SITE = 50;
export const postOfStaff = (j: number): number => Math.floor(j / 3) % POST_ROLES.length;

/** Sites, buildings, rooms, accounts, staff, posts, shifts and items, through the real services. */
export function seedStructure(ctx: ServiceContext): Structure {
  const siteIds: number[] = [];
  SITE_SHAPES.forEach((shape, s) => {
    const site = createSite(ctx, { name: `隔离点${s + 1}`, address: `崇川区第${s + 1}集中隔离点` });
    siteIds.push(site.id);
    for (let b = 0; b < shape.buildings; b++) {
      const code = `${s + 1}${String.fromCharCode(65 + b)}`;
      const building = createBuilding(ctx, { siteId: site.id, code, name: `${code} 栋` });
      for (const block of BLOCKS) {
        const kind = roomKind(block.from);
        bulkCreateRooms(ctx, {
          buildingId: building.id,
          floorFrom: 1,
          floorTo: shape.floors,
          roomFrom: block.from,
          roomTo: block.to,
          capacity: kind.capacity,
          type: kind.type,
          features: kind.type === 'accessible' ? ['wheelchair_access'] : [],
        });
      }
    }
  });
  if (ROOMS_PER_FLOOR !== 25) throw new Error('BLOCKS assume 25 rooms a floor');

  const bench = createUser(ctx, {
    username: BENCH_USER.username,
    displayName: '基准测试',
    password: BENCH_USER.password,
    roles: ['administrator', 'coordinator', 'medical', 'warehouse'],
  });
  const nurse = createUser(ctx, {
    username: 'nurse',
    displayName: '护士长',
    password: BENCH_USER.password,
    roles: ['medical'],
  });

  const stores = siteIds.map((id) => siteStore(ctx, id));
  const templates = siteIds.map((siteId) =>
    [
      { name: '夜班', start: '00:00', end: '08:00' },
      { name: '白班', start: '08:00', end: '16:00' },
      { name: '中班', start: '16:00', end: '24:00' },
    ].map(
      (t) =>
        createTemplate(ctx, { siteId, name: t.name, start: t.start, end: t.end, nextDay: false })
          .id,
    ),
  );
  const posts = siteIds.map((siteId, s) =>
    POST_ROLES.map((roles, p) => ({
      id: createPost(ctx, {
        siteId,
        name: `岗位${p + 1}`,
        roles: [...roles],
        headCount: 2,
        sortOrder: p,
        templateIds: templates[s]!,
      }).id,
      roles: [...roles],
    })),
  );
  const staffIds: number[] = [];
  for (let i = 0; i < SCALE.staff; i++) {
    const j = i % STAFF_PER_SITE;
    const role = POST_ROLES[postOfStaff(j)]![j % 2]!;
    if (!STAFF_ROLES.includes(role)) throw new Error(`Unknown role ${role}`);
    staffIds.push(
      createStaff(ctx, {
        fullName: `员工${i + 1}`,
        role,
        unit: `隔离点${Math.floor(i / STAFF_PER_SITE) + 1}`,
        phone: '',
        skills: [],
        maxHoursWeek: 48,
      }).id,
    );
  }
  const itemIds: number[] = [];
  for (let i = 0; i < SCALE.items; i++) {
    itemIds.push(
      createItem(ctx, {
        name: `物资${String(i + 1).padStart(3, '0')}`,
        category: STOCK_CATEGORIES[i % STOCK_CATEGORIES.length]!,
        spec: '',
        baseUnit: '件',
        lowThreshold: 100,
        tracksLots: false,
        units: [],
        aliases: [],
      }).id,
    );
  }
  return {
    siteIds,
    userIds: { bench: bench.id, nurse: nurse.id },
    stores,
    templates,
    posts,
    staffIds,
    itemIds,
  };
}
