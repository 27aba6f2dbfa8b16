import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRows, seedDemoWithAdmin } from '../testing/backupTesting';
import { makeTestContext, TEST_NOW, type TestContext } from '../testing/tempDb';
import { checkDatabaseFile } from './checkFile';
import { listBackups } from './folder';
import { partialName } from './names';
import { writeBackup } from './writer';

describe('writing a backup', () => {
  let t: TestContext;
  let folder: string;
  beforeEach(() => {
    t = makeTestContext();
    seedDemoWithAdmin(t.ctx.db);
    folder = join(t.dir, 'backups');
  });
  afterEach(() => t.close());

  it('copies the live database with db.backup into a checked, self-contained file', async () => {
    const info = await writeBackup(t.ctx.db, folder, { kind: 'manual', now: TEST_NOW });
    const file = join(folder, info.name);
    expect(info).toEqual({
      name: 'desk-2026-11-29T08-00-00-000Z-manual.sqlite',
      kind: 'manual',
      takenAt: TEST_NOW.toISOString(),
      sizeBytes: statSync(file).size,
      encrypted: false,
    });
    // One file, nothing left under a temporary name, no -wal or -shm needed beside it.
    expect(readdirSync(folder)).toEqual([info.name]);
    expect(checkDatabaseFile(file, { full: true, readonly: true })).toMatchObject({ ok: true });
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(allRows(copy)).toEqual(allRows(t.ctx.db));
    } finally {
      copy.close();
    }
    expect(listBackups(folder)).toEqual([info]);
  });

  it('writes under a temporary name and renames only once checked', async () => {
    const seen: { partial: boolean; final: boolean }[] = [];
    const name = 'desk-2026-11-29T08-00-00-000Z-scheduled.sqlite';
    await writeBackup(t.ctx.db, folder, {
      kind: 'scheduled',
      now: TEST_NOW,
      onProgress: (fraction) => {
        if (fraction < 1)
          seen.push({
            partial: existsSync(join(folder, partialName(name))),
            final: existsSync(join(folder, name)),
          });
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.partial && !s.final)).toBe(true);
    expect(readdirSync(folder)).toEqual([name]);
  });

  it('keeps nothing under a backup name when the copy fails', async () => {
    // A folder path that is a file: SQLite cannot write the copy.
    const blocked = join(t.dir, 'desk.sqlite');
    await expect(
      writeBackup(t.ctx.db, join(blocked, 'sub'), { kind: 'manual', now: TEST_NOW }),
    ).rejects.toThrow();
    expect(listBackups(folder)).toEqual([]);
  });
});
