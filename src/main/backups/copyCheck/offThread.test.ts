import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestGapDuring } from '../../testing/eventLoopGap';
import { makeTempDir, TEST_NOW } from '../../testing/tempDb';
import { BackupCheckError, writeBackup } from '../writer';
import { settleAndCheckCopy } from './checkCopy';
import { checkCopyOffThread } from './offThread';

/** A database with enough rows and an index that integrity_check takes a while (about 80 MB). */
function bigDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE readings (id INTEGER PRIMARY KEY, person TEXT NOT NULL, note BLOB NOT NULL);
    CREATE INDEX readings_person ON readings(person);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000)
    INSERT INTO readings (person, note) SELECT hex(randomblob(12)), randomblob(120) FROM n;
  `);
  return db;
}

describe('checking a backup copy on a worker thread', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let syncCheckMs: number;
  beforeAll(() => {
    temp = makeTempDir();
    db = bigDatabase(join(temp.dir, 'live.sqlite'));
    // What the old check on the main thread cost, on a copy of the same data.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = join(temp.dir, 'sync-copy.sqlite');
    copyFileSync(join(temp.dir, 'live.sqlite'), copy);
    const started = performance.now();
    expect(settleAndCheckCopy(copy)).toMatchObject({ ok: true });
    syncCheckMs = performance.now() - started;
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it('keeps the main thread running timers while a backup is checked', async () => {
    // The premise: checked here, the copy would hold the main thread for well over 200 ms.
    expect(syncCheckMs).toBeGreaterThan(200);
    const folder = join(temp.dir, 'backups');
    const { result, gapMs } = await longestGapDuring(() =>
      writeBackup(db, folder, { kind: 'manual', now: TEST_NOW }),
    );
    expect(readdirSync(folder)).toEqual([result.name]);
    expect(gapMs).toBeLessThan(syncCheckMs / 2);
  });

  it('refuses a damaged copy, and the backup keeps nothing under a backup name', async () => {
    const copy = join(temp.dir, 'damaged.sqlite');
    copyFileSync(join(temp.dir, 'sync-copy.sqlite'), copy);
    // Page 3 onwards: b-tree pages of the table and its index, overwritten with 0xff.
    const fd = openSync(copy, 'r+');
    try {
      writeSync(fd, Buffer.alloc(4096 * 20, 0xff), 0, 4096 * 20, 4096 * 2);
    } finally {
      closeSync(fd);
    }
    const check = await checkCopyOffThread(copy);
    expect(check.ok).toBe(false);

    const damagedDb = new Database(copy);
    const folder = join(temp.dir, 'damaged-backups');
    try {
      await expect(
        writeBackup(damagedDb, folder, { kind: 'manual', now: TEST_NOW }),
      ).rejects.toThrow();
    } finally {
      damagedDb.close();
    }
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('passes on a failure that is not damage with its SQLite code', async () => {
    await expect(checkCopyOffThread(join(temp.dir, 'no-such.sqlite'))).rejects.toMatchObject({
      code: 'SQLITE_CANTOPEN',
    });
  });

  it('opens the copy with the driver build it is given', async () => {
    const copy = join(temp.dir, 'sync-copy.sqlite');
    const nodeBuild = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
    await expect(checkCopyOffThread(copy, nodeBuild)).resolves.toMatchObject({ ok: true });
    await expect(checkCopyOffThread(copy, join(temp.dir, 'none.node'))).rejects.toThrow(
      /none\.node/,
    );
  });

  it('names a failed check as before', () => {
    expect(new BackupCheckError('row 1 missing').message).toBe(
      'The new backup failed its integrity check: row 1 missing',
    );
  });
});
