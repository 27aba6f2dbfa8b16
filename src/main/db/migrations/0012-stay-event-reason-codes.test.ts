import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const AT = '2026-11-29T08:00:00.000Z';
const OLD_TEXT = 'roommate transferred to hospital (fever)';

/** A file as version 11 left it: one extension whose reason the app wrote in English. */
function version11File(db: Db): number {
  migrate(db, MIGRATIONS.slice(0, 11));
  const person = db
    .prepare(
      `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, category, created_at, updated_at)
       VALUES ('欧阳明', 'male', '1990-01-01', 'passport', 'E1', 'other', ?, ?)`,
    )
    .run(AT, AT).lastInsertRowid;
  const stay = db
    .prepare(
      `INSERT INTO stays (person_id, status, observation_days, created_at, updated_at)
       VALUES (?, 'registered', 14, ?, ?)`,
    )
    .run(person, AT, AT).lastInsertRowid;
  db.prepare(
    "INSERT INTO stay_events (stay_id, kind, at, days, reason) VALUES (?, 'extend', ?, 9, ?)",
  ).run(stay, AT, OLD_TEXT);
  return Number(stay);
}

describe('migration 0012 stay-event-reason-codes', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
  });
  afterEach(() => file.close());

  it('keeps an old row’s text, stores a new code beside it, and the audit captures the code', () => {
    const stay = version11File(db);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT reason, reason_code FROM stay_events').all()).toEqual([
      { reason: OLD_TEXT, reason_code: null },
    ]);
    db.prepare('DELETE FROM audit_pending').run();
    db.prepare(
      "INSERT INTO stay_events (stay_id, kind, at, days, reason_code) VALUES (?, 'extend', ?, 3, 'roommate_transferred')",
    ).run(stay, AT);
    const captured = db.prepare('SELECT after FROM audit_pending').pluck().all() as string[];
    expect(captured.map((row) => JSON.parse(row) as Record<string, unknown>)).toMatchObject([
      { reason: null, reason_code: 'roommate_transferred' },
    ]);
  });
});
