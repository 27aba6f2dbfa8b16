import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTempDir } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import { applyPragmas, type Db } from '../open';
import { MIGRATIONS } from './index';
import { health } from './0004-health';

/** Readings as this migration made them (0009 stores them compactly). */
const UP_TO_HERE = MIGRATIONS.slice(0, 4);

const AT = '2026-11-29T08:00:00.000Z';
const TABLES = ['readings', 'fever_cases', 'transfers', 'contact_flags'];

describe('migration 0004 health', () => {
  let temp: { dir: string; remove: () => void };
  let db: Db;
  let stayId: number;

  const insertReading = (values: Record<string, unknown> = {}): number =>
    Number(
      db
        .prepare(
          `INSERT INTO readings (stay_id, kind, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_at)
           VALUES (@stay_id, @kind, '2026-11-29', @round_slot, @temperature_tenths, @symptoms, @at, @at)`,
        )
        .run({
          stay_id: stayId,
          kind: 'round',
          round_slot: 0,
          temperature_tenths: 365,
          symptoms: '[]',
          at: AT,
          ...values,
        }).lastInsertRowid,
    );

  beforeEach(() => {
    temp = makeTempDir();
    db = new Database(join(temp.dir, 'desk.sqlite'));
    applyPragmas(db);
    migrate(db, UP_TO_HERE);
    const person = db
      .prepare(
        `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
         VALUES ('A', 'male', '1990-01-01', 'passport', 'E1', 'other', ?, ?)`,
      )
      .run(AT, AT).lastInsertRowid;
    stayId = Number(
      db
        .prepare(
          `INSERT INTO stays (person_id, status, observation_days, created_at, updated_at)
           VALUES (?, 'registered', 14, ?, ?)`,
        )
        .run(person, AT, AT).lastInsertRowid,
    );
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('is the fourth step; migrating again changes nothing; every table is captured for the audit', () => {
    expect(health.version).toBe(4);
    expect(MIGRATIONS[3]).toBe(health);
    expect(schemaVersion(db)).toBe(4);
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db, UP_TO_HERE)).toBe(4);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const table of TABLES)
      for (const op of ['insert', 'update', 'delete'])
        expect(triggers, `${table} ${op}`).toContain(`${table}_capture_${op}`);
  });

  it('keeps temperatures in 34.0–42.5 as tenths, symptoms a JSON array, a slot only on round readings', () => {
    expect(() => insertReading({ temperature_tenths: 339 })).toThrow(/CHECK/);
    expect(() => insertReading({ temperature_tenths: 426 })).toThrow(/CHECK/);
    expect(() => insertReading({ symptoms: '{"cough":true}' })).toThrow(/CHECK/);
    expect(() => insertReading({ symptoms: 'cough' })).toThrow();
    expect(() => insertReading({ round_slot: null })).toThrow(/CHECK/);
    expect(() => insertReading({ kind: 'recheck' })).toThrow(/CHECK/);
    insertReading({ kind: 'recheck', round_slot: null });
    insertReading({ kind: 'recheck', round_slot: null });
  });

  it('has one round reading per person and round, and one open fever case per person', () => {
    const reading = insertReading();
    expect(() => insertReading({ temperature_tenths: 370 })).toThrow(/UNIQUE/);
    insertReading({ round_slot: 1 });
    const openCase = () =>
      db
        .prepare(
          `INSERT INTO fever_cases (stay_id, reading_id, opened_at, recheck_due_at, status) VALUES (?, ?, ?, ?, 'open')`,
        )
        .run(stayId, reading, AT, AT);
    openCase();
    expect(openCase).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE fever_cases SET status = 'cleared'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE fever_cases SET status = 'cleared', closed_at = ?").run(AT);
    openCase();
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM readings WHERE round_day = ? AND round_slot = ?')
      .all('2026-11-29', 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX/);
  });
});
