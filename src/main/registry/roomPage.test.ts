import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOM_SORT_FIELDS, type MethodInput, type RoomSortField } from '../../shared/contract';
import type { Room, RoomPage, RoomStatus } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { SessionHandle } from '../accounts/sessionStore';
import type { Router } from '../ipc/router';
import { sessionFor } from '../testing/authTesting';
import {
  addUser,
  makeTestContext,
  makeTestRouter,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { createBuilding } from './buildings';
import { bulkCreateRooms } from './roomBulk';
import { retireRoom, setRoomStatus, updateRoom } from './rooms';
import { createSite } from './sites';

type PageInput = MethodInput<'rooms.page'>;

/**
 * Building A: floors 2–10 × rooms 1–12 (108 rooms; floors 6–10 are doubles).
 * Building B: floors −1…1 × rooms 1–5 (15 family rooms). B-001 is retired.
 * A second site with one room that must never show up.
 */
describe('rooms.page', () => {
  let t: TestContext;
  let router: Router;
  let siteId: number;
  let buildingA: number;
  let logger: TestRouter['logger'];
  /** A signed-in user who may only read: paging is a read. */
  let viewer: SessionHandle;

  const idOf = (number: string): number =>
    t.ctx.db
      .prepare(
        'SELECT id FROM rooms WHERE number = ? AND building_id IN (SELECT id FROM buildings WHERE site_id = ?)',
      )
      .pluck()
      .get(number, siteId) as number;

  beforeEach(() => {
    t = makeTestContext();
    const tr = makeTestRouter(t);
    logger = tr.logger;
    router = tr.router;
    viewer = sessionFor(tr, addUser(t, 'viewer', ['viewer']));
    siteId = createSite(t.ctx, { name: 'Site', address: '' }).id;
    // B before A, so that ids and location order differ.
    const b = createBuilding(t.ctx, { siteId, code: 'B', name: 'Annex' }).id;
    buildingA = createBuilding(t.ctx, { siteId, code: 'A', name: 'Main' }).id;
    const common = { roomFrom: 1, features: [] };
    bulkCreateRooms(t.ctx, {
      ...common,
      buildingId: b,
      floorFrom: -1,
      floorTo: 1,
      roomTo: 5,
      capacity: 4,
      type: 'family',
    });
    // Upper floors first, so that id order is not location order within A either.
    bulkCreateRooms(t.ctx, {
      ...common,
      buildingId: buildingA,
      floorFrom: 6,
      floorTo: 10,
      roomTo: 12,
      capacity: 2,
      type: 'double',
    });
    bulkCreateRooms(t.ctx, {
      ...common,
      buildingId: buildingA,
      floorFrom: 2,
      floorTo: 5,
      roomTo: 12,
      capacity: 1,
      type: 'single',
    });
    const a305 = idOf('A-305');
    updateRoom(t.ctx, {
      id: a305,
      expectedVersion: 1,
      number: 'A-305',
      capacity: 3,
      type: 'accessible',
      features: [],
      notes: '',
    });
    setRoomStatus(t.ctx, { id: idOf('A-201'), status: 'reserved' });
    setRoomStatus(t.ctx, { id: idOf('A-1012'), status: 'reserved' });
    setRoomStatus(t.ctx, { id: idOf('A-707'), status: 'out_of_service', reason: 'leak' });
    setRoomStatus(t.ctx, { id: idOf('B-B103'), status: 'out_of_service', reason: 'damp' });
    t.ctx.db
      .prepare("UPDATE rooms SET status = 'occupied' WHERE number IN ('A-402', 'A-903')")
      .run();
    t.ctx.db
      .prepare("UPDATE rooms SET status = 'awaiting_disinfection' WHERE number = 'B-105'")
      .run();
    retireRoom(t.ctx, { id: idOf('B-001') });

    const other = createSite(t.ctx, { name: 'Other', address: '' }).id;
    const ob = createBuilding(t.ctx, { siteId: other, code: 'A', name: 'x' }).id;
    bulkCreateRooms(t.ctx, {
      ...common,
      buildingId: ob,
      floorFrom: 2,
      floorTo: 2,
      roomTo: 1,
      capacity: 1,
      type: 'single',
    });
  });
  afterEach(() => {
    try {
      expect(logger.entries).toEqual([]);
    } finally {
      t.close();
    }
  });

  const page = async (input: Omit<PageInput, 'siteId'>): Promise<RoomPage> => {
    const result = await router.invoke('rooms.page', { siteId, ...input }, viewer);
    if (!result.ok) throw new Error(`rooms.page failed: ${JSON.stringify(result.error)}`);
    return result.value as RoomPage;
  };
  const pageError = async (input: Omit<PageInput, 'siteId'>): Promise<ApiError> => {
    const result = await router.invoke('rooms.page', { siteId, ...input }, viewer);
    if (result.ok) throw new Error('rooms.page unexpectedly succeeded');
    return result.error;
  };

  /** Follows nextCursor to the end, checking each page on the way. */
  const walk = async (
    input: Omit<PageInput, 'siteId' | 'cursor'>,
  ): Promise<{ rooms: Room[]; pages: number }> => {
    const rooms: Room[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let total: number | undefined;
    for (;;) {
      const p = await page({ ...input, ...(cursor ? { cursor } : {}) });
      pages++;
      total ??= p.total;
      expect(p.total).toBe(total);
      expect(p.rows.length).toBeLessThanOrEqual(input.limit ?? 50);
      rooms.push(...p.rows);
      if (p.nextCursor === null) break;
      expect(p.rows.length).toBe(input.limit ?? 50);
      cursor = p.nextCursor;
      if (pages > 500) throw new Error('cursor walk does not end');
    }
    expect(rooms).toHaveLength(total ?? 0);
    return { rooms, pages };
  };

  /** Every room of the site straight from the database, the reference for order and filters. */
  const allRooms = async (): Promise<Room[]> => {
    const ids = t.ctx.db
      .prepare(
        'SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.site_id = ? ORDER BY r.id',
      )
      .pluck()
      .all(siteId) as number[];
    const rooms: Room[] = [];
    for (const id of ids) {
      const result = await router.invoke('rooms.get', { id }, viewer);
      if (!result.ok) throw new Error('rooms.get failed');
      rooms.push(result.value as Room);
    }
    return rooms;
  };
  const active = async () => (await allRooms()).filter((r) => r.retiredAt === null);

  const cmp = (x: string | number, y: string | number): number => (x < y ? -1 : x > y ? 1 : 0);
  const byKey: Record<RoomSortField, (x: Room, y: Room) => number> = {
    location: (x, y) =>
      cmp(x.buildingCode, y.buildingCode) ||
      x.floorLevel - y.floorLevel ||
      x.number.localeCompare(y.number, 'en', { numeric: true }) ||
      x.id - y.id,
    capacity: (x, y) => x.capacity - y.capacity || x.id - y.id,
    status: (x, y) => cmp(x.status, y.status) || x.id - y.id,
    type: (x, y) => cmp(x.type, y.type) || x.id - y.id,
  };
  const expectedOrder = (rooms: Room[], sort: RoomSortField, direction: 'asc' | 'desc') => {
    const sorted = [...rooms].sort(byKey[sort]);
    return (direction === 'asc' ? sorted : sorted.reverse()).map((r) => r.number);
  };

  it('has the data the other tests rely on', async () => {
    expect(await active()).toHaveLength(108 + 15 - 1);
    expect(new Set((await active()).map((r) => r.capacity))).toEqual(new Set([1, 2, 3, 4]));
  });

  describe.each(
    ROOM_SORT_FIELDS.flatMap((sort) => (['asc', 'desc'] as const).map((d) => [sort, d] as const)),
  )('walking every page sorted by %s %s', (sort, direction) => {
    it('returns every active room exactly once, in order', async () => {
      const { rooms, pages } = await walk({ sort, direction, limit: 7 });
      const numbers = rooms.map((r) => r.number);
      expect(new Set(rooms.map((r) => r.id)).size).toBe(rooms.length);
      expect(numbers).toEqual(expectedOrder(await active(), sort, direction));
      expect(pages).toBe(Math.ceil(122 / 7));
    });
  });

  it('sorts by location with floors numerically and the basement first', async () => {
    const first = (await page({ limit: 6 })).rows.map((r) => r.number);
    expect(first).toEqual(['A-201', 'A-202', 'A-203', 'A-204', 'A-205', 'A-206']);
    const lastA = (await walk({ buildingId: buildingA, limit: 50 })).rooms.map((r) => r.number);
    expect(lastA.indexOf('A-912')).toBeLessThan(lastA.indexOf('A-1001'));
    expect(lastA.at(-1)).toBe('A-1012');
    const b = await walk({
      statuses: ['available', 'out_of_service', 'awaiting_disinfection'],
      search: 'B-',
      limit: 50,
    });
    expect(b.rooms.map((r) => r.number).slice(0, 6)).toEqual([
      'B-B101',
      'B-B102',
      'B-B103',
      'B-B104',
      'B-B105',
      'B-002',
    ]);
  });

  it('ends without an empty page when the rows divide evenly into pages', async () => {
    const { rooms, pages } = await walk({ buildingId: buildingA, limit: 9 });
    expect(rooms).toHaveLength(108);
    expect(pages).toBe(12);
  });

  it('reports the total of the filter, not of the page', async () => {
    const p = await page({ limit: 7 });
    expect(p.total).toBe(122);
    expect(p.rows).toHaveLength(7);
    expect((await page({ buildingId: buildingA, limit: 1 })).total).toBe(108);
    expect((await page({ limit: 100, includeRetired: true })).total).toBe(123);
  });

  it('filters by status and building', async () => {
    const statuses: RoomStatus[] = ['reserved', 'occupied'];
    const { rooms } = await walk({ statuses, limit: 2 });
    expect(rooms.map((r) => r.number)).toEqual(['A-201', 'A-402', 'A-903', 'A-1012']);
    const aOut = await walk({ buildingId: buildingA, statuses: ['out_of_service'], limit: 7 });
    expect(aOut.rooms.map((r) => r.number)).toEqual(['A-707']);
  });

  it('shows retired rooms only when asked', async () => {
    expect((await walk({ search: 'B-001', limit: 7 })).rooms).toEqual([]);
    const withRetired = (await walk({ search: 'B-001', includeRetired: true, limit: 7 })).rooms;
    expect(withRetired.map((r) => r.number)).toEqual(['B-001']);
    expect(withRetired[0]!.retiredAt).not.toBeNull();
  });

  it('searches room numbers, case-insensitively, across pages', async () => {
    const { rooms } = await walk({ search: 'A-10', limit: 7 });
    expect(rooms.map((r) => r.number)).toEqual(
      Array.from({ length: 12 }, (_, i) => `A-10${String(i + 1).padStart(2, '0')}`),
    );
    expect((await page({ search: 'a-10', limit: 50 })).total).toBe(12);
    expect((await page({ search: '  A-10  ', limit: 50 })).total).toBe(12);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect((await page({ search: 'A_2', limit: 50 })).total).toBe(0);
    expect((await page({ search: '%', limit: 50 })).total).toBe(0);
    expect((await page({ search: 'A-2%1', limit: 50 })).total).toBe(0);
  });

  it('refuses a cursor it did not make', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const garbage = [
      'garbage!!',
      'not-a-cursor',
      b64({ a: 1 }),
      b64([1, 2]),
      b64(['A', 2, 5, 'A-201', null]),
      b64(['A', 2, 5, 'A-201', {}]),
      Buffer.from('[1,').toString('base64url'),
    ];
    for (const cursor of garbage) {
      const error = await pageError({ cursor, limit: 7 });
      expect(error, cursor).toMatchObject({ code: 'INVALID_INPUT', fields: { cursor: 'invalid' } });
    }
    // A real cursor still works afterwards.
    const next = (await page({ limit: 7 })).nextCursor;
    expect(next).not.toBeNull();
    expect((await page({ limit: 7, cursor: next! })).rows[0]!.number).toBe('A-208');
  });

  it('refuses a limit above the maximum', async () => {
    expect(await pageError({ limit: 101 })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { limit: 'too_big' },
    });
  });
});
