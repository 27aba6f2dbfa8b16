import { afterEach, beforeEach } from 'vitest';
import type { Building, Floor, Site } from '../../shared/domain';
import { createBuilding } from '../registry/buildings';
import { createFloor } from '../registry/floors';
import { createRoom } from '../registry/rooms';
import { createSite } from '../registry/sites';
import { makeTestContext, type TestContext } from './tempDb';

/** A double room on a floor, as the registry tests create them. */
export const room = (floorId: number, number: string) => ({
  floorId,
  number,
  capacity: 2,
  type: 'double' as const,
  features: [],
  notes: '',
});

export interface SiteTree {
  t: TestContext;
  site: Site;
  /** Building A (floors 2 and 3) and building B (floor 1). */
  a: Building;
  b: Building;
  a2: Floor;
  a3: Floor;
  b1: Floor;
  rooms: { a201: number; a202: number; a301: number; b101: number };
}

/**
 * A fresh database per test holding one site: building A with rooms A-201, A-202 (floor 2) and A-301
 * (floor 3); building B with B-101 (floor 1). The returned object's fields are replaced before
 * every test of the calling file; the file is closed after each.
 */
export function siteTreePerTest(): SiteTree {
  const tree = {} as SiteTree;
  beforeEach(() => {
    const t = makeTestContext();
    const { ctx } = t;
    const site = createSite(ctx, { name: 'Haohe', address: '88 Haoxi Rd' });
    const a = createBuilding(ctx, { siteId: site.id, code: 'A', name: 'Main' });
    const b = createBuilding(ctx, { siteId: site.id, code: 'B', name: 'Annex' });
    const a2 = createFloor(ctx, { buildingId: a.id, level: 2, name: '' });
    const a3 = createFloor(ctx, { buildingId: a.id, level: 3, name: 'Third' });
    const b1 = createFloor(ctx, { buildingId: b.id, level: 1, name: '' });
    const rooms = {
      a201: createRoom(ctx, room(a2.id, 'A-201')).id,
      a202: createRoom(ctx, room(a2.id, 'A-202')).id,
      a301: createRoom(ctx, room(a3.id, 'A-301')).id,
      b101: createRoom(ctx, room(b1.id, 'B-101')).id,
    };
    Object.assign(tree, { t, site, a, b, a2, a3, b1, rooms });
  });
  afterEach(() => tree.t.close());
  return tree;
}
