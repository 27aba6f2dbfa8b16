import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import { appliedOperations } from './0007-applied-operations';

const AT = '2026-11-29T08:00:00.000Z';

describe('migration 0007 applied operations', () => {
  let t: TestContext;
  let db: Db;

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
  });
  afterEach(() => t.close());

  const record = (opId: string) =>
    db
      .prepare(
        "INSERT INTO applied_operations (op_id, method, user_id, at, result_json) VALUES (?, 'sites.create', 1, ?, '{}')",
      )
      .run(opId, AT);

  it('is the seventh step; migrating again changes nothing', () => {
    expect(appliedOperations.version).toBe(7);
    expect(MIGRATIONS[6]).toBe(appliedOperations);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
  });

  it('holds each id once, of a sane length, and leaves nothing for the audit to capture', () => {
    record('operation-1');
    expect(() => record('operation-1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => record('short')).toThrow(/CHECK/);
    expect(() => record('x'.repeat(65))).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM audit_pending').pluck().get()).toBe(0);
  });
});
