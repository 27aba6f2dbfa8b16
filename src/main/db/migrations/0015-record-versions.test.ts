import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import { VERSIONED_TABLES } from './0015-record-versions';

const AT = '2026-11-29T08:00:00.000Z';
const BEFORE = MIGRATIONS.slice(0, 14);

/** A version-14 file with a person checked in and `readings` round readings of theirs. */
function version14File(db: Db, readings: number): { stay: number } {
  migrate(db, BEFORE);
  const person = db
    .prepare(
      `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
       VALUES ('陈晓梅', 'female', '1986-03-12', 'resident_id', '320602198603120025', 'other', ?, ?)`,
    )
    .run(AT, AT).lastInsertRowid;
  const stay = Number(
    db
      .prepare(
        `INSERT INTO stays (person_id, status, observation_days, created_at, updated_at)
         VALUES (?, 'registered', 14, ?, ?)`,
      )
      .run(person, AT, AT).lastInsertRowid,
  );
  // Day × slot pairs are unique per stay: as many rounds as a long epidemic has.
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, taken_at)
     SELECT ?, 20000 + i / 6, i % 6, 360 + i % 20, 1764403200000 + i * 60000 FROM n`,
  ).run(readings, stay);
  db.prepare('DELETE FROM audit_pending').run();
  return { stay };
}

describe('migration 0015 record-versions', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
  });
  afterEach(() => file.close());

  it('gives every edited record version 1, shows it in the readings view and captures it', () => {
    const { stay } = version14File(db, 3);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    for (const table of VERSIONED_TABLES) {
      const column = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).find(
        (c) => c.name === 'version',
      );
      expect(column, table).toBeDefined();
    }
    expect(
      db
        .prepare('SELECT DISTINCT version FROM reading_records WHERE stay_id = ?')
        .pluck()
        .all(stay),
    ).toEqual([1]);
    expect(db.prepare('SELECT version FROM people').pluck().all()).toEqual([1]);

    db.prepare(
      'UPDATE readings SET temperature_tenths = 372, version = version + 1 WHERE id = 1',
    ).run();
    db.prepare("UPDATE people SET phone = '13962912345', version = version + 1").run();
    const captured = db
      .prepare('SELECT tbl, before, after FROM audit_pending ORDER BY id')
      .all() as { tbl: string; before: string; after: string }[];
    expect(
      captured.map((c) => [c.tbl, JSON.parse(c.before).version, JSON.parse(c.after).version]),
    ).toEqual([
      ['readings', 1, 2],
      ['people', 1, 2],
    ]);
    // The reading is still audited as the app shows it, now with its version.
    const shown = db.prepare('SELECT * FROM reading_records WHERE id = 1').get() as object;
    expect(JSON.parse(captured[0]!.after)).toEqual(shown);
    expect(() => db.prepare('UPDATE readings SET version = 0 WHERE id = 1').run()).toThrow(/CHECK/);
  });

  it('adds the column without rewriting a big readings table (time printed, not asserted)', () => {
    const count = 300_000;
    version14File(db, count);
    const started = performance.now();
    migrate(db);
    const ms = performance.now() - started;
    console.log(`migration 0015 over ${count.toLocaleString('en')} readings: ${ms.toFixed(0)} ms`);
    expect(db.prepare('SELECT count(*) FROM readings WHERE version = 1').pluck().get()).toBe(count);
  });
});
