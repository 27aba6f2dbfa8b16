import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const AT = '2026-11-29T08:00:00.000Z';

/** A file as version 12 left it: one person whose stay ended (so the departed view lists it). */
function version12File(db: Db): { person: number; stay: number } {
  migrate(db, MIGRATIONS.slice(0, 12));
  const site = db
    .prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('崇川区集中隔离点', ?, ?)")
    .run(AT, AT).lastInsertRowid;
  const batch = db
    .prepare(
      "INSERT INTO arrival_batches (site_id, label, arrived_at, created_at) VALUES (?, '第 1 车', ?, ?)",
    )
    .run(site, AT, AT).lastInsertRowid;
  const person = db
    .prepare(
      `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, emergency_contact, created_at, updated_at)
       VALUES ('欧阳明', 'male', '1990-01-01', 'passport', 'E1', 'other', '欧阳红', ?, ?)`,
    )
    .run(AT, AT).lastInsertRowid;
  const stay = db
    .prepare(
      `INSERT INTO stays (person_id, batch_id, status, observation_days, checked_out_at, checkout_kind, created_at, updated_at)
       VALUES (?, ?, 'checked_out', 14, ?, 'other', ?, ?)`,
    )
    .run(person, batch, AT, AT, AT).lastInsertRowid;
  return { person: Number(person), stay: Number(stay) };
}

describe('migration 0013 people-arrival-details', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
  });
  afterEach(() => file.close());

  it('keeps every person as they were, with the new details empty', () => {
    const { person } = version12File(db);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(
      db
        .prepare(
          'SELECT full_name, birth_date, emergency_contact, origin_place, registered_residence, travel FROM people WHERE id = ?',
        )
        .get(person),
    ).toEqual({
      full_name: '欧阳明',
      birth_date: '1990-01-01',
      emergency_contact: '欧阳红',
      origin_place: '',
      registered_residence: '',
      travel: '',
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('takes a person with no birth date, and the audit captures the new columns', () => {
    version12File(db);
    migrate(db);
    db.prepare('DELETE FROM audit_pending').run();
    db.prepare(
      `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, travel, created_at, updated_at)
       VALUES ('John Smith', 'male', NULL, 'passport', 'P2', 'inbound', 'G7012', ?, ?)`,
    ).run(AT, AT);
    const captured = db.prepare('SELECT after FROM audit_pending').pluck().all() as string[];
    expect(captured.map((row) => JSON.parse(row) as Record<string, unknown>)).toMatchObject([
      { full_name: 'John Smith', birth_date: null, travel: 'G7012', origin_place: '' },
    ]);
  });

  it('puts back the triggers that name people: a purge still takes the stay off the departed list', () => {
    const { person, stay } = version12File(db);
    const triggersBefore = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .pluck()
      .all();
    // Only this migration: later ones add tables (and their capture triggers) of their own.
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .pluck()
        .all(),
    ).toEqual(triggersBefore);
    expect(db.prepare('SELECT stay_id FROM departed_stays').pluck().all()).toEqual([stay]);
    db.prepare("UPDATE people SET document_number = 'purged:' || id WHERE id = ?").run(person);
    expect(db.prepare('SELECT stay_id FROM departed_stays').pluck().all()).toEqual([]);
  });
});
