import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import type { Db } from '../open';

const AT = '2026-11-29T08:00:00.000Z';

interface Ids {
  site: number;
  building: number;
  otherBuilding: number;
  floor: number;
}

function seed(db: Db): Ids {
  const site = Number(
    db
      .prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Site', AT, AT).lastInsertRowid,
  );
  const insertBuilding = db.prepare(
    'INSERT INTO buildings (site_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const building = Number(insertBuilding.run(site, 'A', 'Main', AT, AT).lastInsertRowid);
  const otherBuilding = Number(insertBuilding.run(site, 'B', 'Annex', AT, AT).lastInsertRowid);
  const floor = Number(
    db
      .prepare(
        'INSERT INTO floors (building_id, level, created_at, updated_at) VALUES (?, ?, ?, ?)',
      )
      .run(building, 2, AT, AT).lastInsertRowid,
  );
  return { site, building, otherBuilding, floor };
}

interface RoomValues {
  floorId: number;
  buildingId: number;
  number?: string;
  capacity?: number;
  type?: string;
  status?: string;
  retiredAt?: string | null;
}

function insertRoom(db: Db, v: RoomValues): number {
  return Number(
    db
      .prepare(
        `INSERT INTO rooms (floor_id, building_id, number, capacity, type, status, retired_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.floorId,
        v.buildingId,
        v.number ?? 'A-201',
        v.capacity ?? 1,
        v.type ?? 'single',
        v.status ?? 'available',
        v.retiredAt ?? null,
        AT,
        AT,
      ).lastInsertRowid,
  );
}

function planDetails(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('migration 0001 sites-rooms', () => {
  let t: TestContext;
  let db: Db;
  let ids: Ids;

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
    ids = seed(db);
  });
  afterEach(() => t.close());

  it('stores and reads back a site, building, floor and room', () => {
    const roomId = insertRoom(db, { floorId: ids.floor, buildingId: ids.building });
    const row = db
      .prepare(
        `SELECT s.name AS site, b.code, f.level, r.number, r.capacity, r.type, r.features, r.notes,
                r.status, r.ever_used, r.retired_at
         FROM rooms r JOIN floors f ON f.id = r.floor_id JOIN buildings b ON b.id = r.building_id
         JOIN sites s ON s.id = b.site_id WHERE r.id = ?`,
      )
      .get(roomId);
    expect(row).toEqual({
      site: 'Site',
      code: 'A',
      level: 2,
      number: 'A-201',
      capacity: 1,
      type: 'single',
      features: '[]',
      notes: '',
      status: 'available',
      ever_used: 0,
      retired_at: null,
    });
  });

  it('refuses a room whose building is not its floor’s building', () => {
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.otherBuilding, number: 'B-201' }),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.prepare('SELECT count(*) AS n FROM rooms').get()).toEqual({ n: 0 });
  });

  it('refuses a room on a floor that does not exist', () => {
    expect(() => insertRoom(db, { floorId: 9999, buildingId: ids.building })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('refuses capacity 0 and capacity 21', () => {
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.building, capacity: 0 }),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.building, capacity: 21 }),
    ).toThrow(/CHECK constraint failed/);
  });

  it('refuses an unknown status and an unknown type', () => {
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.building, status: 'quarantined' }),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.building, type: 'suite' }),
    ).toThrow(/CHECK constraint failed/);
  });

  it('allows one active room per number in a building, any number of retired ones', () => {
    const first = insertRoom(db, { floorId: ids.floor, buildingId: ids.building });
    expect(() => insertRoom(db, { floorId: ids.floor, buildingId: ids.building })).toThrow(
      /UNIQUE constraint failed: rooms.building_id, rooms.number/,
    );
    db.prepare('UPDATE rooms SET retired_at = ? WHERE id = ?').run(AT, first);
    const second = insertRoom(db, { floorId: ids.floor, buildingId: ids.building });
    expect(second).not.toBe(first);
    // A retired duplicate may be inserted directly as well.
    expect(() =>
      insertRoom(db, { floorId: ids.floor, buildingId: ids.building, retiredAt: AT }),
    ).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM rooms WHERE number = ?').get('A-201')).toEqual({
      n: 3,
    });
  });

  it('finds an active room number through rooms_active_number', () => {
    const plan = planDetails(
      db,
      'SELECT id FROM rooms WHERE building_id = ? AND number = ? AND retired_at IS NULL',
      ids.building,
      'A-201',
    );
    expect(plan).toMatch(/USING (COVERING )?INDEX rooms_active_number\b/);
  });

  it('lists a floor’s rooms through rooms_floor', () => {
    const plan = planDetails(db, 'SELECT * FROM rooms WHERE floor_id = ?', ids.floor);
    expect(plan).toMatch(/USING (COVERING )?INDEX rooms_floor\b/);
  });
});
