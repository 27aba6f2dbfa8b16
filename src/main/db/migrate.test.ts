import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../testing/tempDb';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { openDatabase, type Db } from './open';

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

const tableExists = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
  undefined;

describe('openDatabase / migrate', () => {
  let dir: string;
  let remove: () => void;
  let file: string;
  const opened: Db[] = [];

  beforeEach(() => {
    ({ dir, remove } = makeTempDir());
    file = join(dir, 'desk.sqlite');
  });

  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    remove();
  });

  const open = (): Db => {
    const db = openDatabase(file);
    opened.push(db);
    return db;
  };
  const raw = (): Db => {
    const db = new Database(file);
    opened.push(db);
    return db;
  };

  it('migrates a fresh file to SCHEMA_VERSION', () => {
    expect(SCHEMA_VERSION).toBeGreaterThan(0);
    const db = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const table of ['sites', 'buildings', 'floors', 'rooms', 'room_status_log', 'settings']) {
      expect(tableExists(db, table), table).toBe(true);
    }
  });

  it('sets durable pragmas on open', () => {
    const db = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
  });

  it('reopening an up-to-date file changes nothing and keeps the data', () => {
    const first = open();
    first
      .prepare(
        "INSERT INTO sites (name, address, created_at, updated_at) VALUES ('S', '', 'x', 'x')",
      )
      .run();
    first.close();

    const again = open();
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT name FROM sites').all()).toEqual([{ name: 'S' }]);
    // Calling migrate on it again runs nothing.
    expect(migrate(again)).toBe(SCHEMA_VERSION);
  });

  it('runs each migration only once', () => {
    const up = vi.fn((db: Db) => db.exec('CREATE TABLE t1 (x INTEGER)'));
    const list: Migration[] = [{ version: 1, name: 'one', up }];
    const db = raw();
    expect(migrate(db, list)).toBe(1);
    expect(migrate(db, list)).toBe(1);
    expect(up).toHaveBeenCalledTimes(1);
  });

  it('refuses a file from a newer app version and leaves its bytes untouched', () => {
    const future = new Database(file);
    future.exec(
      'CREATE TABLE from_the_future (x INTEGER); INSERT INTO from_the_future VALUES (1);',
    );
    future.pragma('user_version = 99');
    future.close();
    const before = sha256(file);

    let thrown: unknown;
    try {
      open();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError);
    expect(thrown).toMatchObject({ fileVersion: 99, appVersion: SCHEMA_VERSION });

    expect(sha256(file)).toBe(before);
    const check = raw();
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(schemaVersion(check)).toBe(99);
  });

  it('rolls back every migration when one of them fails', () => {
    const list: Migration[] = [
      { version: 1, name: 'first', up: (db) => db.exec('CREATE TABLE first_table (x INTEGER)') },
      {
        version: 2,
        name: 'second',
        up: (db) => {
          db.exec('CREATE TABLE second_table (x INTEGER)');
          throw new Error('boom in migration 2');
        },
      },
    ];
    const db = raw();
    expect(() => migrate(db, list)).toThrow('boom in migration 2');
    expect(tableExists(db, 'first_table')).toBe(false);
    expect(tableExists(db, 'second_table')).toBe(false);
    expect(schemaVersion(db)).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls back only the pending migrations of a partly migrated file', () => {
    const first: Migration = {
      version: 1,
      name: 'first',
      up: (db) => db.exec('CREATE TABLE first_table (x INTEGER)'),
    };
    const db = raw();
    migrate(db, [first]);
    expect(() =>
      migrate(db, [
        first,
        {
          version: 2,
          name: 'second',
          up: (d) => {
            d.exec('CREATE TABLE second_table (x INTEGER)');
            throw new Error('boom');
          },
        },
      ]),
    ).toThrow('boom');
    expect(tableExists(db, 'first_table')).toBe(true);
    expect(tableExists(db, 'second_table')).toBe(false);
    expect(schemaVersion(db)).toBe(1);
  });

  it('lets a migration rebuild a referenced table, and rolls back one that breaks a reference', () => {
    const parentAndChild: Migration = {
      version: 1,
      name: 'parent and child',
      up: (db) =>
        db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY, v TEXT);
          CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));
          INSERT INTO parent VALUES (1, 'a'), (2, 'b'); INSERT INTO child VALUES (10, 1), (11, 2);`),
    };
    const rebuild: Migration = {
      version: 2,
      name: 'rebuild parent',
      up: (db) =>
        db.exec(`CREATE TABLE parent_new (id INTEGER PRIMARY KEY, v INTEGER);
          INSERT INTO parent_new SELECT id, unicode(v) FROM parent;
          DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;`),
    };
    const db = raw();
    db.pragma('foreign_keys = ON');
    migrate(db, [parentAndChild, rebuild]);
    expect(db.prepare('SELECT v FROM parent ORDER BY id').pluck().all()).toEqual([97, 98]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    const orphan: Migration = {
      version: 3,
      name: 'orphan a child',
      up: (d) => d.exec('DELETE FROM parent WHERE id = 2'),
    };
    expect(() => migrate(db, [parentAndChild, rebuild, orphan])).toThrow(/1 broken references/);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM parent').pluck().get()).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('throws on an out-of-order migration list before touching the file', () => {
    const up = vi.fn();
    const list: Migration[] = [
      { version: 2, name: 'two', up },
      { version: 1, name: 'one', up },
    ];
    const db = raw();
    expect(() => migrate(db, list)).toThrow(/out of order/);
    expect(up).not.toHaveBeenCalled();
    expect(schemaVersion(db)).toBe(0);
  });

  it('throws on a list with a gap', () => {
    const up = vi.fn();
    const db = raw();
    expect(() =>
      migrate(db, [
        { version: 1, name: 'one', up },
        { version: 3, name: 'three', up },
      ]),
    ).toThrow(/out of order/);
    expect(up).not.toHaveBeenCalled();
  });
});
