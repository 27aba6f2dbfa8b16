import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecoveryState } from '../../shared/backups';
import { migrate } from '../db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../db/migrations';
import { DATABASE_FILE } from '../platform/dataDir';
import { errorOf, valueOf } from '../testing/authTesting';
import {
  allRows,
  allRowsOfFile,
  seedDataDir,
  startTestCore,
  type TestCore,
} from '../testing/backupTesting';
import { makeTempDir } from '../testing/tempDb';
import { memoryHandle } from '../accounts/sessionStore';
import { defaultBackupFolder } from './backupSettings';
import { listBackups } from './folder';

describe('at start', () => {
  let dir: string;
  let remove: () => void;
  let file: string;
  const cores: TestCore[] = [];
  const start = async () => {
    const tc = await startTestCore(dir);
    cores.push(tc);
    return tc;
  };

  beforeEach(() => {
    ({ dir, remove } = makeTempDir());
    file = join(dir, DATABASE_FILE);
  });
  afterEach(() => {
    for (const tc of cores.splice(0)) tc.core.close();
    remove();
  });

  it('backs up a file with pending migrations before migrating it', async () => {
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, SCHEMA_VERSION - 1));
    old.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run();
    old.close();
    const before = allRowsOfFile(file);

    const tc = await start();
    expect(tc.core.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const backups = listBackups(defaultBackupFolder(dir));
    const preMigration = backups.find((b) => b.kind === 'pre-migration')!;
    const copy = join(defaultBackupFolder(dir), preMigration.name);
    expect(new Database(copy, { readonly: true }).pragma('user_version', { simple: true })).toBe(
      SCHEMA_VERSION - 1,
    );
    expect(allRowsOfFile(copy)).toEqual(before);
  });

  it('takes no backup of a brand-new data folder, nor before migrating it', async () => {
    await start();
    expect(listBackups(defaultBackupFolder(dir))).toEqual([]);
  });

  describe('on a damaged database', () => {
    let good: string;
    beforeEach(async () => {
      seedDataDir(dir);
      const tc = await start();
      good = (await tc.core.startupBackup)!.name;
      tc.core.close();
      cores.splice(0);
      // A damaged backup, newer than the good one: listed, but marked bad.
      writeFileSync(
        join(defaultBackupFolder(dir), 'desk-2026-11-29T09-00-00-000Z-manual.sqlite'),
        Buffer.alloc(8192, 7),
      );
      // Not a database at all any more.
      writeFileSync(file, Buffer.alloc(16_384, 0x41));
    });

    it('sets the file aside, creates nothing, and answers only the recovery calls', async () => {
      const tc = await start();
      expect(tc.core.damage).toMatchObject({ reason: 'not_a_database' });
      expect(existsSync(file)).toBe(false);
      const aside = readdirSync(dir).filter((n) => n.includes('.damaged-'));
      expect(aside).toEqual([`${DATABASE_FILE}.damaged-2026-11-29T08-00-00Z`]);
      expect(() => tc.core.db).toThrow();

      const info = valueOf<{ recovery: boolean }>(
        await tc.core.router.invoke('app.info', {}, memoryHandle()),
      );
      expect(info.recovery).toBe(true);
      for (const method of ['auth.login', 'sites.list', 'backups.restore', 'setup.initialize']) {
        expect(errorOf(await tc.core.router.invoke(method, {}, memoryHandle())).code).toBe(
          'RECOVERY_MODE',
        );
      }
      const state = valueOf<RecoveryState>(
        await tc.core.router.invoke('recovery.state', {}, memoryHandle()),
      );
      expect(state.damagedFile).toBe(join(dir, aside[0]!));
      expect(state.backups.map((b) => [b.name, b.good])).toEqual([
        ['desk-2026-11-29T09-00-00-000Z-manual.sqlite', false],
        [good, true],
      ]);
    });

    it('restores the chosen good backup, keeps the damaged file, and opens the desk', async () => {
      const tc = await start();
      const folder = defaultBackupFolder(dir);
      const expected = allRowsOfFile(join(folder, good));
      const bad = await tc.core.router.invoke(
        'recovery.restore',
        { folder, name: 'desk-2026-11-29T09-00-00-000Z-manual.sqlite' },
        null!,
      );
      expect(errorOf(bad).code).toBe('BACKUP_DAMAGED');
      expect(tc.core.damage).not.toBeNull();
      const elsewhere = await tc.core.router.invoke(
        'recovery.restore',
        { folder: '/tmp', name: good },
        null!,
      );
      expect(errorOf(elsewhere).code).toBe('NOT_FOUND');

      valueOf(
        await tc.core.router.invoke('recovery.restore', { folder, name: good }, memoryHandle()),
      );
      expect(tc.core.damage).toBeNull();
      const restored = allRows(tc.core.db);
      expect({ ...restored, audit_log: [] }).toEqual({ ...expected, audit_log: [] });
      expect(restored.audit_log).toHaveLength(expected.audit_log!.length + 1);
      expect(readdirSync(dir).some((n) => n.includes('.damaged-'))).toBe(true);
      // Back to the normal desk: recovery calls are unknown, sign-in works.
      expect(errorOf(await tc.core.router.invoke('recovery.state', {}, memoryHandle())).code).toBe(
        'UNKNOWN_METHOD',
      );
      await tc.signIn();
    });

    it('never lets one damaged file replace another', async () => {
      const first = await start();
      expect(first.core.damage?.damagedFile).toBe(`${file}.damaged-2026-11-29T08-00-00Z`);
      first.core.close();
      writeFileSync(file, Buffer.alloc(16_384, 0x43));
      const second = await start();
      expect(second.core.damage?.damagedFile).toBe(`${file}.damaged-2026-11-29T08-00-00Z-2`);
      expect(readdirSync(dir).filter((n) => n.includes('.damaged-'))).toHaveLength(2);
    });

    it('starts empty only when asked to', async () => {
      const tc = await start();
      const info = valueOf<{ needsSetup: boolean }>(
        await tc.core.router.invoke('recovery.startEmpty', {}, memoryHandle()),
      );
      expect(info.needsSetup).toBe(true);
      expect(tc.core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
      expect(
        tc.core.db
          .prepare("SELECT detail FROM audit_log WHERE method = 'recovery.startEmpty'")
          .pluck()
          .get(),
      ).toContain('.damaged-');
    });
  });
});
