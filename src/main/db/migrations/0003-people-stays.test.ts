import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import { peopleAndStays } from './0003-people-stays';

const AT = '2026-11-29T08:00:00.000Z';
const TABLES = ['origins', 'arrival_batches', 'people', 'stays', 'stay_events', 'disinfections'];

describe('migration 0003 people-stays', () => {
  let t: TestContext;
  let db: Db;
  let personId: number;
  let roomId: number;

  const insertStay = (values: Record<string, unknown>): number =>
    Number(
      db
        .prepare(
          `INSERT INTO stays (person_id, status, room_id, check_in_at, observation_days, created_at, updated_at)
           VALUES (@person_id, @status, @room_id, @check_in_at, @observation_days, @at, @at)`,
        )
        .run({
          person_id: personId,
          status: 'registered',
          room_id: null,
          check_in_at: null,
          observation_days: 14,
          at: AT,
          ...values,
        }).lastInsertRowid,
    );

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
    personId = Number(
      db
        .prepare(
          `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
           VALUES ('A', 'male', '1990-01-01', 'passport', 'E1', 'other', ?, ?)`,
        )
        .run(AT, AT).lastInsertRowid,
    );
    const site = db
      .prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('S', ?, ?)")
      .run(AT, AT).lastInsertRowid;
    const building = db
      .prepare(
        "INSERT INTO buildings (site_id, code, name, created_at, updated_at) VALUES (?, 'A', 'A', ?, ?)",
      )
      .run(site, AT, AT).lastInsertRowid;
    const floor = db
      .prepare(
        'INSERT INTO floors (building_id, level, created_at, updated_at) VALUES (?, 1, ?, ?)',
      )
      .run(building, AT, AT).lastInsertRowid;
    roomId = Number(
      db
        .prepare(
          `INSERT INTO rooms (floor_id, building_id, number, capacity, type, created_at, updated_at)
           VALUES (?, ?, 'A-101', 2, 'double', ?, ?)`,
        )
        .run(floor, building, AT, AT).lastInsertRowid,
    );
  });
  afterEach(() => t.close());

  it('is the third step, applied by opening the file; migrating again changes nothing', () => {
    expect(peopleAndStays.version).toBe(3);
    expect(MIGRATIONS[2]).toBe(peopleAndStays);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
  });

  it('seeds the origin list, and captures changes of every new table for the audit trail', () => {
    expect(db.prepare('SELECT count(*) FROM origins').pluck().get()).toBe(23);
    expect(
      db.prepare("SELECT count(*) FROM origins WHERE street = '和平桥街道'").pluck().get(),
    ).toBe(3);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const table of TABLES) {
      for (const op of ['insert', 'update', 'delete']) {
        expect(triggers, `${table} ${op}`).toContain(`${table}_capture_${op}`);
      }
    }
  });

  it('allows one open stay per person, any number of closed ones', () => {
    const first = insertStay({});
    expect(() => insertStay({})).toThrow(/UNIQUE/);
    expect(() => insertStay({ status: 'active', room_id: roomId, check_in_at: AT })).toThrow(
      /UNIQUE/,
    );
    db.prepare("UPDATE stays SET status = 'released', checked_out_at = ? WHERE id = ?").run(
      AT,
      first,
    );
    insertStay({ status: 'released' });
    insertStay({});
    expect(db.prepare('SELECT count(*) FROM stays').pluck().get()).toBe(3);
  });

  it('keeps an active stay in a room, checked in, and the observation period in 1–60 days', () => {
    expect(() => insertStay({ status: 'active' })).toThrow(/CHECK/);
    expect(() => insertStay({ status: 'active', room_id: roomId })).toThrow(/CHECK/);
    expect(() => insertStay({ observation_days: 0 })).toThrow(/CHECK/);
    expect(() => insertStay({ observation_days: 61 })).toThrow(/CHECK/);
    expect(() => insertStay({ status: 'left' })).toThrow(/CHECK/);
    insertStay({ status: 'active', room_id: roomId, check_in_at: AT, observation_days: 60 });
  });

  it('refuses the same document twice and unknown genders or document types', () => {
    const insert = (gender: string, type: string, number: string) =>
      db
        .prepare(
          `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
           VALUES ('B', ?, '1990-01-01', ?, ?, 'other', ?, ?)`,
        )
        .run(gender, type, number, AT, AT);
    expect(() => insert('male', 'passport', 'E1')).toThrow(/UNIQUE/);
    expect(() => insert('other', 'passport', 'E2')).toThrow(/CHECK/);
    expect(() => insert('male', 'driving_licence', 'E2')).toThrow(/CHECK/);
    insert('female', 'resident_id', 'E1');
  });
});
