import { beforeEach, describe, expect, it } from 'vitest';
import type { Building, Floor, Site } from '../../shared/domain';
import { siteTreePerTest, type SiteTree } from '../testing/registryTesting';
import { domainErrorOf, type TestContext } from '../testing/tempDb';
import {
  createBuilding,
  getBuilding,
  listBuildings,
  retireBuilding,
  updateBuilding,
} from './buildings';
import { createFloor, getFloor, listFloors, retireFloor, updateFloor } from './floors';
import { getRoom } from './rooms';
import { createSite, getSite, listSites, retireSite, updateSite } from './sites';

describe('registry: sites, buildings, floors — create, update, duplicates', () => {
  const tree = siteTreePerTest();
  let t: TestContext;
  let site: Site;
  let a: Building;
  let b: Building;
  let a2: Floor;
  let a3: Floor;
  let rooms: SiteTree['rooms'];
  beforeEach(() => {
    ({ t, site, a, b, a2, a3, rooms } = tree);
  });

  describe('create and update', () => {
    it('creates and lists with counts', () => {
      expect(site).toEqual({ id: site.id, name: 'Haohe', address: '88 Haoxi Rd', retiredAt: null });
      expect(listSites(t.ctx, { includeRetired: false })).toEqual([site]);
      expect(listBuildings(t.ctx, { siteId: site.id, includeRetired: false })).toEqual([
        {
          id: a.id,
          siteId: site.id,
          code: 'A',
          name: 'Main',
          retiredAt: null,
          floorCount: 2,
          roomCount: 3,
        },
        {
          id: b.id,
          siteId: site.id,
          code: 'B',
          name: 'Annex',
          retiredAt: null,
          floorCount: 1,
          roomCount: 1,
        },
      ]);
      expect(listFloors(t.ctx, { buildingId: a.id, includeRetired: false })).toEqual([
        { id: a2.id, buildingId: a.id, level: 2, name: '', retiredAt: null, roomCount: 2 },
        { id: a3.id, buildingId: a.id, level: 3, name: 'Third', retiredAt: null, roomCount: 1 },
      ]);
    });

    it('updates a site, a building and a floor', () => {
      expect(updateSite(t.ctx, { id: site.id, name: 'Haohe 2', address: '' })).toMatchObject({
        name: 'Haohe 2',
        address: '',
      });
      expect(updateBuilding(t.ctx, { id: a.id, code: 'C', name: 'Main tower' })).toMatchObject({
        code: 'C',
        name: 'Main tower',
      });
      expect(updateFloor(t.ctx, { id: a2.id, name: 'Second' })).toMatchObject({
        name: 'Second',
        level: 2,
      });
      expect(getSite(t.ctx, site.id).name).toBe('Haohe 2');
      expect(getBuilding(t.ctx, a.id).code).toBe('C');
      expect(getFloor(t.ctx, a2.id).name).toBe('Second');
      // Door labels are not renumbered by a building rename.
      expect(getRoom(t.ctx, { id: rooms.a201 }).number).toBe('A-201');
      expect(getRoom(t.ctx, { id: rooms.a201 }).buildingCode).toBe('C');
    });

    it('keeping its own name or code is not a duplicate', () => {
      expect(() => updateSite(t.ctx, { id: site.id, name: 'Haohe', address: 'x' })).not.toThrow();
      expect(() => updateBuilding(t.ctx, { id: a.id, code: 'A', name: 'Renamed' })).not.toThrow();
    });
  });

  describe('duplicates', () => {
    it('refuses a second active site with the same name', () => {
      const error = domainErrorOf(() => createSite(t.ctx, { name: 'Haohe', address: '' }));
      expect(error.code).toBe('DUPLICATE');
      expect(error.fields).toEqual({ name: 'duplicate' });
      const other = createSite(t.ctx, { name: 'Other', address: '' });
      expect(
        domainErrorOf(() => updateSite(t.ctx, { id: other.id, name: 'Haohe', address: '' })).code,
      ).toBe('DUPLICATE');
      expect(listSites(t.ctx, { includeRetired: true }).map((s) => s.name)).toEqual([
        'Haohe',
        'Other',
      ]);
    });

    it('refuses a duplicate building code within a site but not across sites', () => {
      const error = domainErrorOf(() =>
        createBuilding(t.ctx, { siteId: site.id, code: 'A', name: 'x' }),
      );
      expect(error.code).toBe('DUPLICATE');
      expect(error.fields).toEqual({ code: 'duplicate' });
      expect(
        domainErrorOf(() => updateBuilding(t.ctx, { id: b.id, code: 'A', name: 'x' })).code,
      ).toBe('DUPLICATE');
      const other = createSite(t.ctx, { name: 'Other', address: '' });
      expect(createBuilding(t.ctx, { siteId: other.id, code: 'A', name: 'x' }).code).toBe('A');
    });

    it('refuses a duplicate floor level within a building but not in another building', () => {
      const error = domainErrorOf(() =>
        createFloor(t.ctx, { buildingId: a.id, level: 2, name: '' }),
      );
      expect(error.code).toBe('DUPLICATE');
      expect(error.fields).toEqual({ level: 'duplicate' });
      expect(createFloor(t.ctx, { buildingId: b.id, level: 2, name: '' }).level).toBe(2);
      expect(listFloors(t.ctx, { buildingId: a.id, includeRetired: true })).toHaveLength(2);
    });

    it('frees a name, code and level once the holder is retired', () => {
      retireFloor(t.ctx, { id: a3.id });
      expect(createFloor(t.ctx, { buildingId: a.id, level: 3, name: 'new' }).level).toBe(3);
      retireBuilding(t.ctx, { id: b.id });
      expect(createBuilding(t.ctx, { siteId: site.id, code: 'B', name: 'new' }).code).toBe('B');
      retireSite(t.ctx, { id: site.id });
      expect(createSite(t.ctx, { name: 'Haohe', address: '' }).retiredAt).toBeNull();
    });
  });
});
