import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const HASH = 'a3f1'.repeat(16);
const AT = Date.parse('2026-11-29T08:00:00Z');

describe('migration 0016 sessions', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
    migrate(db, MIGRATIONS.slice(0, 15));
  });
  afterEach(() => file.close());

  it('adds the sessions table, not captured for the audit, and refuses what a session cannot be', () => {
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const insert = db.prepare(
      'INSERT INTO sessions (token_hash, user_id, address, user_agent, via, started_at, last_active_at, locked) VALUES (?, 1, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(HASH, '192.168.1.23', 'Mozilla/5.0 Chrome/131', 'host', AT, AT, 0);
    expect(db.prepare('SELECT count(*) FROM audit_pending').pluck().get()).toBe(0);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sessions'",
        )
        .pluck()
        .get(),
    ).toBe(0);
    const other = (n: number) => String(n).repeat(64);
    // A token instead of its hash, an unknown way in, a flag that is not one, a huge agent.
    expect(() =>
      insert.run('0123456789abcdef0123456789abcdef', 'local', '', 'local', AT, AT, 0),
    ).toThrow(/CHECK/);
    expect(() => insert.run(other(1), '10.0.0.2', '', 'vpn', AT, AT, 0)).toThrow(/CHECK/);
    expect(() => insert.run(other(2), '10.0.0.2', '', 'host', AT, AT, 2)).toThrow(/CHECK/);
    expect(() => insert.run(other(3), '10.0.0.2', 'x'.repeat(257), 'host', AT, AT, 0)).toThrow(
      /CHECK/,
    );
    expect(() => insert.run(HASH, '10.0.0.2', '', 'host', AT, AT, 0)).toThrow(/UNIQUE|PRIMARY/);
  });
});
