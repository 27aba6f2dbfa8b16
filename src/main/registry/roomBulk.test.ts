import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BULK_ROOMS, type MethodInput } from '../../shared/contract';
import type { Building } from '../../shared/domain';
import type { SessionHandle } from '../accounts/sessionStore';
import type { Router } from '../ipc/router';
import { sessionFor } from '../testing/authTesting';
import {
  addUser,
  countRows,
  makeTestContext,
  makeTestRouter,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { createBuilding } from './buildings';
import { createFloor, listFloors } from './floors';
import { roomLabel } from '../../shared/roomLabel';
import { createSite } from './sites';

describe('rooms.bulkCreate', () => {
  let t: TestContext;
  let router: Router;
  let logger: TestRouter['logger'];
  /** A signed-in coordinator. */
  let coord: SessionHandle;
  let a: Building;

  const bulk = (over: Partial<MethodInput<'rooms.bulkCreate'>> = {}) =>
    router.invoke(
      'rooms.bulkCreate',
      {
        buildingId: a.id,
        floorFrom: 2,
        floorTo: 10,
        roomFrom: 1,
        roomTo: 30,
        capacity: 1,
        type: 'single',
        features: ['window', 'window'],
        ...over,
      },
      coord,
    );
  const numbers = () =>
    t.ctx.db
      .prepare('SELECT number FROM rooms WHERE building_id = ? ORDER BY id')
      .pluck()
      .all(a.id) as string[];
  const floorLevels = () =>
    listFloors(t.ctx, { buildingId: a.id, includeRetired: true }).map((f) => f.level);

  beforeEach(() => {
    t = makeTestContext();
    const tr = makeTestRouter(t);
    logger = tr.logger;
    router = tr.router;
    coord = sessionFor(tr, addUser(t, 'coord', ['coordinator']));
    const site = createSite(t.ctx, { name: 'Site', address: '' });
    a = createBuilding(t.ctx, { siteId: site.id, code: 'A', name: 'Main' });
  });
  afterEach(() => {
    try {
      expect(logger.entries).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('labels rooms by building, floor and two-digit room number', () => {
    expect(roomLabel('A', 2, 1)).toBe('A-201');
    expect(roomLabel('A', 10, 30)).toBe('A-1030');
    expect(roomLabel('A', -1, 1)).toBe('A-B101');
    expect(roomLabel('B', 1, 99)).toBe('B-199');
  });

  it('creates floors 2–10 with rooms 1–30: 270 rooms on 9 floors', async () => {
    expect(await bulk()).toEqual({
      ok: true,
      value: { created: 270, floorsCreated: 9, firstNumber: 'A-201', lastNumber: 'A-1030' },
    });
    const created = numbers();
    expect(created).toHaveLength(270);
    expect(new Set(created).size).toBe(270);
    expect(created[0]).toBe('A-201');
    expect(created[29]).toBe('A-230');
    expect(created[30]).toBe('A-301');
    expect(created.at(-1)).toBe('A-1030');
    expect(created).toContain('A-1015');
    expect(created).not.toContain('A-231');
    expect(floorLevels()).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const f of listFloors(t.ctx, { buildingId: a.id, includeRetired: false })) {
      expect(f.roomCount, `floor ${f.level}`).toBe(30);
    }
    const room = t.ctx.db
      .prepare(
        `SELECT r.capacity, r.type, r.features, f.level FROM rooms r JOIN floors f ON f.id = r.floor_id
         WHERE r.number = 'A-1015'`,
      )
      .get();
    expect(room).toEqual({ capacity: 1, type: 'single', features: '["window"]', level: 10 });
  });

  it('reuses an existing floor', async () => {
    createFloor(t.ctx, { buildingId: a.id, level: 3, name: 'Third' });
    const result = await bulk({ floorFrom: 2, floorTo: 4, roomFrom: 1, roomTo: 2 });
    expect(result).toMatchObject({ ok: true, value: { created: 6, floorsCreated: 2 } });
    expect(floorLevels()).toEqual([2, 3, 4]);
  });

  it('refuses an overlapping block as a whole, naming the clashes', async () => {
    expect((await bulk()).ok).toBe(true);
    const roomsBefore = countRows(t.ctx, 'rooms');
    const floorsBefore = countRows(t.ctx, 'floors');

    const result = await bulk({ floorFrom: 10, floorTo: 11 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ROOM_NUMBER_CLASH');
    const expected = Array.from({ length: 30 }, (_, i) => roomLabel('A', 10, i + 1)).join(', ');
    expect(result.error.params).toEqual({ clashes: expected, count: 30 });

    expect(countRows(t.ctx, 'rooms')).toBe(roomsBefore);
    expect(countRows(t.ctx, 'floors')).toBe(floorsBefore);
    expect(floorLevels()).not.toContain(11);
    expect(numbers()).not.toContain('A-1101');
  });

  it('shortens a long clash list but counts every clash', async () => {
    expect((await bulk()).ok).toBe(true);
    const result = await bulk({ floorFrom: 9, floorTo: 11 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ROOM_NUMBER_CLASH' } });
    if (result.ok) return;
    expect(result.error.params?.count).toBe(60);
    expect(String(result.error.params?.clashes)).toMatch(/^A-901, A-902, .*A-930 …$/);
    expect(countRows(t.ctx, 'rooms')).toBe(270);
    expect(floorLevels()).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a retired room does not clash', async () => {
    expect((await bulk({ floorFrom: 2, floorTo: 2, roomTo: 2 })).ok).toBe(true);
    t.ctx.db.prepare("UPDATE rooms SET retired_at = 'x' WHERE number = 'A-201'").run();
    expect(await bulk({ floorFrom: 2, floorTo: 2, roomTo: 1 })).toMatchObject({
      ok: true,
      value: { created: 1, floorsCreated: 0 },
    });
  });

  it(`allows exactly ${MAX_BULK_ROOMS} rooms and refuses more with TOO_MANY`, async () => {
    const tooMany = await bulk({ floorFrom: 1, floorTo: 51, roomFrom: 1, roomTo: 99 });
    expect(tooMany).toEqual({
      ok: false,
      error: {
        code: 'TOO_MANY',
        message: expect.any(String),
        params: { count: 51 * 99, max: MAX_BULK_ROOMS },
      },
    });
    expect(countRows(t.ctx, 'rooms')).toBe(0);
    expect(countRows(t.ctx, 'floors')).toBe(0);

    expect(MAX_BULK_ROOMS).toBe(100 * 50);
    expect(await bulk({ floorFrom: 1, floorTo: 100, roomFrom: 1, roomTo: 50 })).toMatchObject({
      ok: true,
      value: { created: MAX_BULK_ROOMS, floorsCreated: 100 },
    });
  });

  it('labels basement rooms with B', async () => {
    expect(await bulk({ floorFrom: -2, floorTo: -1, roomFrom: 1, roomTo: 1 })).toEqual({
      ok: true,
      value: { created: 2, floorsCreated: 2, firstNumber: 'A-B201', lastNumber: 'A-B101' },
    });
    expect(numbers()).toEqual(['A-B201', 'A-B101']);
  });

  it('refuses reversed ranges before touching the database', async () => {
    const result = await bulk({ floorFrom: 5, floorTo: 2, roomFrom: 9, roomTo: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Invalid input',
        fields: { floorTo: 'range_order', roomTo: 'range_order' },
      },
    });
    expect(countRows(t.ctx, 'floors')).toBe(0);
  });

  it('refuses a retired or unknown building', async () => {
    expect(await bulk({ buildingId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await router.invoke('buildings.retire', { id: a.id }, coord)).toMatchObject({
      ok: true,
    });
    expect(await bulk()).toMatchObject({ ok: false, error: { code: 'RETIRED' } });
    expect(countRows(t.ctx, 'rooms')).toBe(0);
  });
});
