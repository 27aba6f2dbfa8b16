import { beforeEach, describe, expect, it } from 'vitest';
import type { Building, Floor, Site } from '../../shared/domain';
import { room, siteTreePerTest, type SiteTree } from '../testing/registryTesting';
import { domainErrorOf, TEST_NOW, type TestContext } from '../testing/tempDb';
import {
  createBuilding,
  getBuilding,
  listBuildings,
  retireBuilding,
  updateBuilding,
} from './buildings';
import { createFloor, getFloor, retireFloor, updateFloor } from './floors';
import { createRoom, getRoom, setRoomStatus } from './rooms';
import { createSite, getSite, listSites, retireSite, updateSite } from './sites';

const AT = TEST_NOW.toISOString();

describe('registry: retiring sites, buildings and floors', () => {
  const tree = siteTreePerTest();
  let t: TestContext;
  let site: Site;
  let a: Building;
  let b: Building;
  let a2: Floor;
  let a3: Floor;
  let b1: Floor;
  let rooms: SiteTree['rooms'];
  beforeEach(() => {
    ({ t, site, a, b, a2, a3, b1, rooms } = tree);
  });

  /** Every retired_at in the database, for "nothing changed" checks. */
  const retiredSnapshot = () =>
    ['sites', 'buildings', 'floors', 'rooms'].map((table) =>
      t.ctx.db.prepare(`SELECT id, retired_at, updated_at FROM ${table} ORDER BY id`).all(),
    );
  const roomStatuses = () => t.ctx.db.prepare('SELECT id, status FROM rooms ORDER BY id').all();

  describe('retire', () => {
    it('retiring a building retires its floors and rooms, and nothing else', () => {
      const retired = retireBuilding(t.ctx, { id: a.id });
      expect(retired.retiredAt).toBe(AT);
      expect(retired).toMatchObject({ floorCount: 0, roomCount: 0 });
      expect(getFloor(t.ctx, a2.id).retiredAt).toBe(AT);
      expect(getFloor(t.ctx, a3.id).retiredAt).toBe(AT);
      for (const id of [rooms.a201, rooms.a202, rooms.a301]) {
        expect(getRoom(t.ctx, { id }).retiredAt).toBe(AT);
      }
      expect(getBuilding(t.ctx, b.id).retiredAt).toBeNull();
      expect(getFloor(t.ctx, b1.id).retiredAt).toBeNull();
      expect(getRoom(t.ctx, { id: rooms.b101 }).retiredAt).toBeNull();
      expect(getSite(t.ctx, site.id).retiredAt).toBeNull();
      expect(
        listBuildings(t.ctx, { siteId: site.id, includeRetired: false }).map((x) => x.code),
      ).toEqual(['B']);
      expect(
        listBuildings(t.ctx, { siteId: site.id, includeRetired: true }).map((x) => x.code),
      ).toEqual(['B', 'A']);
    });

    it('retiring a floor retires its rooms only', () => {
      expect(retireFloor(t.ctx, { id: a2.id })).toMatchObject({ retiredAt: AT, roomCount: 0 });
      expect(getRoom(t.ctx, { id: rooms.a201 }).retiredAt).toBe(AT);
      expect(getRoom(t.ctx, { id: rooms.a202 }).retiredAt).toBe(AT);
      expect(getRoom(t.ctx, { id: rooms.a301 }).retiredAt).toBeNull();
      expect(getBuilding(t.ctx, a.id)).toMatchObject({
        retiredAt: null,
        floorCount: 1,
        roomCount: 1,
      });
    });

    it('retiring a site retires everything under it', () => {
      expect(retireSite(t.ctx, { id: site.id }).retiredAt).toBe(AT);
      expect(getBuilding(t.ctx, a.id).retiredAt).toBe(AT);
      expect(getBuilding(t.ctx, b.id).retiredAt).toBe(AT);
      for (const f of [a2, a3, b1]) expect(getFloor(t.ctx, f.id).retiredAt).toBe(AT);
      for (const id of Object.values(rooms)) expect(getRoom(t.ctx, { id }).retiredAt).toBe(AT);
      expect(listSites(t.ctx, { includeRetired: false })).toEqual([]);
    });

    it('does not retire another site’s rooms', () => {
      const other = createSite(t.ctx, { name: 'Other', address: '' });
      const ob = createBuilding(t.ctx, { siteId: other.id, code: 'A', name: 'x' });
      const of = createFloor(t.ctx, { buildingId: ob.id, level: 2, name: '' });
      const otherRoom = createRoom(t.ctx, room(of.id, 'A-201'));
      retireSite(t.ctx, { id: site.id });
      expect(getRoom(t.ctx, { id: otherRoom.id }).retiredAt).toBeNull();
      expect(getFloor(t.ctx, of.id).retiredAt).toBeNull();
      expect(getBuilding(t.ctx, ob.id).retiredAt).toBeNull();
    });

    it('refuses with IN_USE while a room is reserved, and changes nothing', () => {
      setRoomStatus(t.ctx, { id: rooms.a202, status: 'reserved' });
      const before = retiredSnapshot();
      const statuses = roomStatuses();

      for (const attempt of [
        () => retireFloor(t.ctx, { id: a2.id }),
        () => retireBuilding(t.ctx, { id: a.id }),
        () => retireSite(t.ctx, { id: site.id }),
      ]) {
        const error = domainErrorOf(attempt);
        expect(error.code).toBe('IN_USE');
        expect(error.params).toEqual({ rooms: 'A-202', count: 1 });
      }
      expect(retiredSnapshot()).toEqual(before);
      expect(roomStatuses()).toEqual(statuses);

      // Other parts of the site are still retirable.
      expect(retireFloor(t.ctx, { id: a3.id }).retiredAt).toBe(AT);
      expect(retireBuilding(t.ctx, { id: b.id }).retiredAt).toBe(AT);
    });

    it('retires once the reserved room is released', () => {
      setRoomStatus(t.ctx, { id: rooms.a202, status: 'reserved' });
      setRoomStatus(t.ctx, { id: rooms.a202, status: 'available' });
      expect(retireBuilding(t.ctx, { id: a.id }).retiredAt).toBe(AT);
    });

    it('an out-of-service room does not block retiring', () => {
      setRoomStatus(t.ctx, { id: rooms.a201, status: 'out_of_service', reason: 'leak' });
      expect(retireFloor(t.ctx, { id: a2.id }).retiredAt).toBe(AT);
    });
  });

  describe('retired and unknown entities', () => {
    it('refuses to change or extend what is retired', () => {
      retireFloor(t.ctx, { id: a3.id });
      retireBuilding(t.ctx, { id: b.id });
      const attempts: [string, () => unknown][] = [
        ['update floor', () => updateFloor(t.ctx, { id: a3.id, name: 'x' })],
        ['retire floor twice', () => retireFloor(t.ctx, { id: a3.id })],
        ['room on retired floor', () => createRoom(t.ctx, room(a3.id, 'A-399'))],
        ['update building', () => updateBuilding(t.ctx, { id: b.id, code: 'B', name: 'x' })],
        ['retire building twice', () => retireBuilding(t.ctx, { id: b.id })],
        [
          'floor in retired building',
          () => createFloor(t.ctx, { buildingId: b.id, level: 9, name: '' }),
        ],
      ];
      for (const [label, attempt] of attempts) {
        expect(domainErrorOf(attempt).code, label).toBe('RETIRED');
      }
    });

    it('refuses to change a retired site or add to it', () => {
      retireSite(t.ctx, { id: site.id });
      const attempts: [string, () => unknown][] = [
        ['update site', () => updateSite(t.ctx, { id: site.id, name: 'x', address: '' })],
        ['retire site twice', () => retireSite(t.ctx, { id: site.id })],
        [
          'building in retired site',
          () => createBuilding(t.ctx, { siteId: site.id, code: 'Z', name: 'x' }),
        ],
      ];
      for (const [label, attempt] of attempts) {
        expect(domainErrorOf(attempt).code, label).toBe('RETIRED');
      }
      expect(getSite(t.ctx, site.id).name).toBe('Haohe');
    });

    it('answers NOT_FOUND for an unknown id', () => {
      const attempts: [string, () => unknown][] = [
        ['get site', () => getSite(t.ctx, 999)],
        ['update site', () => updateSite(t.ctx, { id: 999, name: 'x', address: '' })],
        ['retire site', () => retireSite(t.ctx, { id: 999 })],
        [
          'building in unknown site',
          () => createBuilding(t.ctx, { siteId: 999, code: 'Z', name: 'x' }),
        ],
        ['update building', () => updateBuilding(t.ctx, { id: 999, code: 'Z', name: 'x' })],
        ['retire building', () => retireBuilding(t.ctx, { id: 999 })],
        [
          'floor in unknown building',
          () => createFloor(t.ctx, { buildingId: 999, level: 1, name: '' }),
        ],
        ['update floor', () => updateFloor(t.ctx, { id: 999, name: 'x' })],
        ['retire floor', () => retireFloor(t.ctx, { id: 999 })],
      ];
      for (const [label, attempt] of attempts) {
        const error = domainErrorOf(attempt);
        expect(error.code, label).toBe('NOT_FOUND');
        expect(error.params?.id, label).toBe(999);
      }
    });
  });
});
