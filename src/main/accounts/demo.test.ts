import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomStatus } from '../../shared/domain';
import { sessionFor } from '../testing/authTesting';
import {
  addUser,
  countRows,
  domainErrorOf,
  makeTestContext,
  makeTestRouter,
  type TestContext,
} from '../testing/tempDb';
import { listBuildings } from '../registry/buildings';
import { DEMO_DATA, loadDemo } from './demo';
import { listFloors } from '../registry/floors';
import { roomBoard } from '../registry/roomBoard';
import { roomLabel } from '../../shared/roomLabel';
import { getSite, listSites } from '../registry/sites';

type Block = (typeof DEMO_DATA.buildings)[number]['blocks'][number];

const roomsIn = (block: Block) =>
  (block.floorTo - block.floorFrom + 1) * (block.roomTo - block.roomFrom + 1);
const levelsIn = (blocks: Block[]) =>
  new Set(
    blocks.flatMap((b) =>
      Array.from({ length: b.floorTo - b.floorFrom + 1 }, (_, i) => b.floorFrom + i),
    ),
  );

describe('demo.load', () => {
  let t: TestContext;

  beforeEach(() => {
    t = makeTestContext();
  });
  afterEach(() => t.close());

  it('has demo data worth loading', () => {
    expect(DEMO_DATA.buildings.length).toBeGreaterThan(0);
    expect(DEMO_DATA.statuses.length).toBeGreaterThan(0);
  });

  it('creates the demo site, its buildings, floors and rooms', () => {
    const { siteId } = loadDemo(t.ctx);
    expect(getSite(t.ctx, siteId)).toMatchObject({
      name: DEMO_DATA.site.name,
      address: DEMO_DATA.site.address,
      retiredAt: null,
    });
    expect(listSites(t.ctx, { includeRetired: true })).toHaveLength(1);

    const buildings = listBuildings(t.ctx, { siteId, includeRetired: true });
    expect(buildings.map((b) => b.code).sort()).toEqual(
      DEMO_DATA.buildings.map((b) => b.code).sort(),
    );
    for (const demo of DEMO_DATA.buildings) {
      const building = buildings.find((b) => b.code === demo.code)!;
      expect(building.name).toBe(demo.name);
      expect(building.roomCount, demo.code).toBe(demo.blocks.reduce((n, b) => n + roomsIn(b), 0));
      const levels = levelsIn(demo.blocks);
      expect(building.floorCount, demo.code).toBe(levels.size);
      const floors = listFloors(t.ctx, { buildingId: building.id, includeRetired: false });
      expect(floors.map((f) => f.level)).toEqual([...levels].sort((x, y) => x - y));
    }
    const totalRooms = DEMO_DATA.buildings
      .flatMap((b) => b.blocks)
      .reduce((n, b) => n + roomsIn(b), 0);
    expect(countRows(t.ctx, 'rooms')).toBe(totalRooms);
  });

  it('gives each demo room the capacity, type and features of its block', () => {
    loadDemo(t.ctx);
    const byNumber = t.ctx.db.prepare<
      [string],
      { capacity: number; type: string; features: string }
    >('SELECT capacity, type, features FROM rooms WHERE number = ?');
    for (const building of DEMO_DATA.buildings) {
      for (const block of building.blocks) {
        const label = roomLabel(building.code, block.floorTo, block.roomTo);
        expect(byNumber.get(label), label).toEqual({
          capacity: block.capacity,
          type: block.type,
          features: JSON.stringify(block.features),
        });
      }
    }
  });

  it('applies the demo statuses with their reasons', () => {
    const { siteId } = loadDemo(t.ctx);
    const byNumber = t.ctx.db.prepare<
      [string],
      { status: RoomStatus; status_reason: string | null }
    >('SELECT status, status_reason FROM rooms WHERE number = ?');
    for (const s of DEMO_DATA.statuses) {
      expect(byNumber.get(s.number), s.number).toEqual({
        status: s.status,
        status_reason: s.reason,
      });
    }
    expect(countRows(t.ctx, 'room_status_log')).toBe(DEMO_DATA.statuses.length);

    const board = roomBoard(t.ctx, { siteId });
    const expected = {
      available: 0,
      reserved: 0,
      occupied: 0,
      awaiting_disinfection: 0,
      out_of_service: 0,
    };
    for (const s of DEMO_DATA.statuses) expected[s.status]++;
    expected.available = countRows(t.ctx, 'rooms') - DEMO_DATA.statuses.length;
    expect(board.counts).toEqual(expected);
  });

  it('refuses to load into a database that already has a site', () => {
    loadDemo(t.ctx);
    const rooms = countRows(t.ctx, 'rooms');
    const error = domainErrorOf(() => loadDemo(t.ctx));
    expect(error.code).toBe('NOT_EMPTY');
    expect(countRows(t.ctx, 'sites')).toBe(1);
    expect(countRows(t.ctx, 'rooms')).toBe(rooms);
  });

  /** The router, with a signed-in administrator who also coordinates (as after setup). */
  const asAdmin = () => {
    const tr = makeTestRouter(t);
    const handle = sessionFor(tr, addUser(t, 'admin', ['administrator', 'coordinator']));
    return { tr, router: tr.router, handle };
  };

  it('refuses through the router too, and a retired site still counts', async () => {
    const { tr, router, handle } = asAdmin();
    expect(await router.invoke('sites.create', { name: 'Mine' }, handle)).toMatchObject({
      ok: true,
    });
    const siteId = listSites(t.ctx, { includeRetired: false })[0]!.id;
    expect(await router.invoke('sites.retire', { id: siteId }, handle)).toMatchObject({
      ok: true,
    });
    expect(await router.invoke('demo.load', {}, handle)).toMatchObject({
      ok: false,
      error: { code: 'NOT_EMPTY' },
    });
    expect(countRows(t.ctx, 'buildings')).toBe(0);
    expect(tr.logger.entries).toEqual([]);
  });

  it('loads through the router', async () => {
    const { tr, router, handle } = asAdmin();
    const result = await router.invoke('demo.load', {}, handle);
    expect(result).toMatchObject({ ok: true, value: { siteId: expect.any(Number) } });
    expect(await router.invoke('app.info', {}, handle)).toMatchObject({
      ok: true,
      value: { hasSite: true },
    });
    expect(tr.logger.entries).toEqual([]);
  });

  it('is only for those who manage settings', async () => {
    const tr = makeTestRouter(t);
    const coordinator = sessionFor(tr, addUser(t, 'coord', ['coordinator']));
    expect(await tr.router.invoke('demo.load', {}, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(countRows(t.ctx, 'sites')).toBe(0);
  });
});
