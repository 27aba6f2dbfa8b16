import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readingsOfStay } from '../../health/readings';
import { makeTempDir, TEST_NOW } from '../../testing/tempDb';
import type { ServiceContext } from '../../services/context';
import { migrate, schemaVersion } from '../migrate';
import { statSync } from 'node:fs';
import { applyPragmas, openDatabase, type Db } from '../open';
import { MIGRATIONS } from './index';
import { compactReadings } from './0009-compact-readings';

const AT = '2026-11-29T08:00:00.000Z';
const BEFORE = MIGRATIONS.slice(0, 8);

/** A file as version 8 left it: readings with text days, ISO instants and a kind. */
function version8File(db: Db): { stayId: number; caseId: number } {
  migrate(db, BEFORE);
  db.prepare(
    `INSERT INTO users (username, display_name, password_hash, created_at, updated_at)
     VALUES ('nurse', '护士甲', 'x', ?, ?)`,
  ).run(AT, AT);
  const person = db
    .prepare(
      `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
       VALUES ('欧阳明', 'male', '1990-01-01', 'passport', 'E1', 'other', ?, ?)`,
    )
    .run(AT, AT).lastInsertRowid;
  const stayId = Number(
    db
      .prepare(
        `INSERT INTO stays (person_id, status, observation_days, created_at, updated_at)
         VALUES (?, 'registered', 14, ?, ?)`,
      )
      .run(person, AT, AT).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO readings (stay_id, kind, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insert.run(
    stayId,
    'round',
    '2026-11-28',
    0,
    365,
    '[]',
    '2026-11-28T00:31:00.000Z',
    1,
    '2026-11-28T00:31:00.000Z',
  );
  // Corrected later: recorded after it was taken, with symptoms.
  const fever = insert.run(
    stayId,
    'round',
    '2026-11-28',
    1,
    381,
    '["feverish","cough"]',
    '2026-11-28T07:02:00.123Z',
    1,
    '2026-11-28T09:15:30.456Z',
  ).lastInsertRowid;
  insert.run(
    stayId,
    'recheck',
    '2026-11-28',
    null,
    377,
    '["cough"]',
    '2026-11-28T07:40:00.000Z',
    null,
    '2026-11-28T07:40:00.000Z',
  );
  insert.run(
    stayId,
    'recheck',
    '2026-11-28',
    null,
    369,
    '[]',
    '2026-11-28T08:20:00.000Z',
    1,
    '2026-11-28T08:20:00.000Z',
  );
  const caseId = Number(
    db
      .prepare(
        `INSERT INTO fever_cases (stay_id, reading_id, opened_at, recheck_due_at, status) VALUES (?, ?, ?, ?, 'open')`,
      )
      .run(stayId, fever, AT, AT).lastInsertRowid,
  );
  return { stayId, caseId };
}

describe('migration 0009 compact-readings', () => {
  let temp: { dir: string; remove: () => void };
  let db: Db;

  beforeEach(() => {
    temp = makeTempDir();
    db = new Database(join(temp.dir, 'desk.sqlite'));
    applyPragmas(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('keeps every reading and its id: the view shows them exactly as version 8 stored them', () => {
    const { stayId, caseId } = version8File(db);
    const before = db.prepare('SELECT * FROM readings ORDER BY id').all();
    expect(compactReadings.version).toBe(9);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);

    // Migration 0015 adds each reading's version (1) after the columns version 8 had.
    expect(db.prepare('SELECT * FROM reading_records ORDER BY id').all()).toEqual(
      before.map((r) => ({ ...(r as object), version: 1 })),
    );
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const feverReading = db
      .prepare(
        'SELECT r.temperature_tenths FROM fever_cases fc JOIN readings r ON r.id = fc.reading_id WHERE fc.id = ?',
      )
      .pluck()
      .get(caseId);
    expect(feverReading).toBe(381);
    // Stored compactly: days and instants as numbers, no symptoms and no separate recording as NULL.
    expect(db.prepare('SELECT * FROM readings WHERE id = 1').get()).toEqual({
      id: 1,
      stay_id: stayId,
      round_day: Date.UTC(2026, 10, 28) / 86_400_000,
      round_slot: 0,
      temperature_tenths: 365,
      symptoms: null,
      taken_at: Date.parse('2026-11-28T00:31:00.000Z'),
      recorded_by: 1,
      recorded_at: null,
      version: 1,
    });

    const ctx = { db, now: () => TEST_NOW } as unknown as ServiceContext;
    const shown = readingsOfStay(ctx, { stayId });
    expect(shown.map((r) => [r.kind, r.day, r.slot, r.takenAt, r.recordedAt, r.symptoms])).toEqual([
      ['round', '2026-11-28', 0, '2026-11-28T00:31:00.000Z', '2026-11-28T00:31:00.000Z', []],
      [
        'round',
        '2026-11-28',
        1,
        '2026-11-28T07:02:00.123Z',
        '2026-11-28T09:15:30.456Z',
        ['feverish', 'cough'],
      ],
      [
        'recheck',
        '2026-11-28',
        null,
        '2026-11-28T07:40:00.000Z',
        '2026-11-28T07:40:00.000Z',
        ['cough'],
      ],
      ['recheck', '2026-11-28', null, '2026-11-28T08:20:00.000Z', '2026-11-28T08:20:00.000Z', []],
    ]);
  });

  it('opening a version 8 file upgrades it and gives the freed pages back: the file shrinks', () => {
    const { stayId } = version8File(db);
    // Ten thousand days of two rounds (a district's readings in miniature).
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
       INSERT INTO readings (stay_id, kind, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_by, recorded_at)
       SELECT ?, 'round', date('1990-01-01', '+' || (i / 2) || ' days'), i % 2, 365, '[]',
              strftime('%Y-%m-%dT%H:%M:%fZ', '1990-01-01', '+' || (i / 2) || ' days', '+' || (i % 2) || ' hours'), 1,
              strftime('%Y-%m-%dT%H:%M:%fZ', '1990-01-01', '+' || (i / 2) || ' days', '+' || (i % 2) || ' hours')
       FROM n`,
    ).run(stayId);
    db.prepare('DELETE FROM audit_pending').run();
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = db.name;
    const sizeBefore = statSync(file).size;
    db.close();

    db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(20_004);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(file).size).toBeLessThan(sizeBefore * 0.6);
  });

  it('audits a reading as the app shows it, not as it is stored', () => {
    version8File(db);
    migrate(db);
    db.prepare('DELETE FROM audit_pending').run();
    db.prepare('UPDATE readings SET temperature_tenths = 366 WHERE id = 1').run();
    const change = db.prepare('SELECT before, after FROM audit_pending').get() as {
      before: string;
      after: string;
    };
    const shown = db.prepare('SELECT * FROM reading_records WHERE id = 1').get() as object;
    expect(JSON.parse(change.after)).toEqual(shown);
    expect(JSON.parse(change.before)).toEqual({ ...shown, temperature_tenths: 365 });
    expect(JSON.parse(change.after)).toMatchObject({
      kind: 'round',
      round_day: '2026-11-28',
      taken_at: '2026-11-28T00:31:00.000Z',
      symptoms: '[]',
    });
  });

  it('keeps one reading per person and round, any number of re-checks, and refuses bad values', () => {
    const { stayId } = version8File(db);
    migrate(db);
    const day = Date.UTC(2026, 10, 29) / 86_400_000;
    const insert = (
      slot: number | null,
      values: { tenths?: number; symptoms?: string | null } = {},
    ) =>
      db
        .prepare(
          'INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, symptoms, taken_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(stayId, day, slot, values.tenths ?? 365, values.symptoms ?? null, Date.parse(AT));
    insert(0);
    expect(() => insert(0)).toThrow(/UNIQUE/);
    insert(null);
    insert(null);
    expect(() => insert(1, { tenths: 339 })).toThrow(/CHECK/);
    expect(() => insert(1, { symptoms: '[]' })).toThrow(/CHECK/);
    expect(() => insert(1, { symptoms: '{"cough":true}' })).toThrow(/CHECK/);
    expect(() => insert(6)).toThrow(/CHECK/);
  });

  it('finds a stay’s readings and a day’s re-checks through the new indexes, and drops the old three', () => {
    version8File(db);
    migrate(db);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'readings'")
      .pluck()
      .all();
    expect(indexes.sort()).toEqual(['readings_by_stay', 'readings_rechecks_by_day']);
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((p) => p.detail)
        .join(' ');
    expect(plan('SELECT * FROM readings WHERE stay_id = 1')).toMatch(
      /USING INDEX readings_by_stay/,
    );
    expect(
      plan('SELECT count(*) FROM readings WHERE round_day = 20420 AND round_slot IS NULL'),
    ).toMatch(/USING (COVERING )?INDEX readings_rechecks_by_day/);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'readings'")
      .pluck()
      .all();
    expect(triggers.sort()).toEqual([
      'readings_capture_delete',
      'readings_capture_insert',
      'readings_capture_update',
    ]);
  });
});
