import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { restoringName } from '../db/replaceFile';
import { seedDataDir, startTestCore } from '../testing/backupTesting';
import { makeTempDir } from '../testing/tempDb';
import { defaultBackupFolder } from './backupSettings';
import { isBackupLeftover } from './names';

const CUT_SHORT = 'desk-2026-11-28T10-00-00-000Z-scheduled.sqlite.partial';
/** Files the app did not write: they stay whatever their names look like. */
const FOREIGN = ['notes.txt', 'desk-2026-11-28T10-00-00-000Z-other.sqlite.partial', 'x.partial'];

describe('what interrupted work left in the folders', () => {
  let dir: string;
  let remove: () => void;
  let file: string;
  let backups: string;
  beforeEach(() => {
    ({ dir, remove } = makeTempDir());
    file = seedDataDir(dir);
    backups = defaultBackupFolder(dir);
    mkdirSync(backups, { recursive: true });
  });
  afterEach(() => remove());

  /** A backup killed while copying: a whole copy of the data and SQLite's journals beside it. */
  function plantCutShortBackup(): string[] {
    const planted = [CUT_SHORT, ...['-journal', '-wal', '-shm'].map((s) => CUT_SHORT + s)];
    copyFileSync(file, join(backups, CUT_SHORT));
    for (const name of planted.slice(1)) writeFileSync(join(backups, name), 'journal');
    return planted;
  }

  it('recognises only our own leftovers by name', () => {
    expect(plantCutShortBackup().every(isBackupLeftover)).toBe(true);
    expect(FOREIGN.some(isBackupLeftover)).toBe(false);
    expect(isBackupLeftover('desk-2026-11-28T10-00-00-000Z-scheduled.sqlite')).toBe(false);
  });

  it('are removed at start (backups cut short, a restore copy never swapped in), others kept', async () => {
    plantCutShortBackup();
    for (const name of FOREIGN) writeFileSync(join(backups, name), 'theirs');
    copyFileSync(file, restoringName(file));
    const tc = await startTestCore(dir);
    try {
      expect(
        readdirSync(backups)
          .filter((name) => !/-start\.sqlite(\.anchor\.json)?$/.test(name))
          .sort(),
      ).toEqual([...FOREIGN].sort());
      expect(existsSync(restoringName(file))).toBe(false);
      expect(tc.logger.entries.map((e) => e.message).join('\n')).toContain(CUT_SHORT);

      // And by the rotation after each backup.
      plantCutShortBackup();
      tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
      await tc.core.backups.backup(tc.core.db, 'manual');
      expect(readdirSync(backups).filter(isBackupLeftover)).toEqual([]);
    } finally {
      tc.core.close();
    }
  });

  it('a file left mostly free (a compaction cut short) is compacted at the next start', async () => {
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (b BLOB)');
    const insert = db.prepare('INSERT INTO filler (b) VALUES (zeroblob(65536))');
    for (let i = 0; i < 200; i++) insert.run();
    db.exec('DROP TABLE filler');
    db.close();
    const before = statSync(file).size;
    const check = openDatabase(file, { readonly: true });
    const freeShare =
      (check.pragma('freelist_count', { simple: true }) as number) /
      (check.pragma('page_count', { simple: true }) as number);
    check.close();
    expect(freeShare).toBeGreaterThan(0.25);

    const tc = await startTestCore(dir);
    try {
      expect(tc.core.db.pragma('freelist_count', { simple: true })).toBe(0);
    } finally {
      tc.core.close();
    }
    expect(statSync(file).size).toBeLessThan(before / 2);
  });
});
