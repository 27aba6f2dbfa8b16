import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/backups';
import { errorOf, valueOf } from '../testing/authTesting';
import {
  allRows,
  dataRows,
  seedDataDir,
  startTestCore,
  type TestCore,
} from '../testing/backupTesting';
import { makeTempDir } from '../testing/tempDb';
import { DATABASE_FILE } from '../platform/dataDir';
import type { SessionHandle } from '../accounts/sessionStore';
import { defaultBackupFolder } from './backupSettings';
import { listBackups } from './folder';
import { backupWorkFolder } from './vault/workFolder';

describe('a restore opens and checks the backup once', () => {
  let dir: string;
  let remove: () => void;
  let tc: TestCore;
  let admin: SessionHandle;
  /** Each pass that opened (an encrypted backup: decrypted) and checked a backup. */
  let checked: { name: string; sealed: boolean }[];
  /** Set to a step name to make the restore's file swap fail there. */
  let failAt: string | null;
  const call = async <T>(method: string, input: unknown = {}) =>
    valueOf<T>(await tc.core.router.invoke(method, input, admin));
  const later = () => (tc.clock.now = new Date(tc.clock.now.getTime() + 60_000));
  const workFolder = () => readdirSync(backupWorkFolder(dir));
  const backupNames = () => listBackups(defaultBackupFolder(dir)).map((b) => b.name);

  beforeEach(async () => {
    ({ dir, remove } = makeTempDir());
    seedDataDir(dir);
    checked = [];
    failAt = null;
    tc = await startTestCore(dir, {
      onBackupChecked: (name, sealed) => checked.push({ name, sealed }),
      restoreStep: (step) => {
        if (step === failAt) throw new Error(`The swap failed at ${step}`);
      },
    });
    admin = await tc.signIn();
  });
  afterEach(() => {
    tc.core.close();
    remove();
  });

  /** A backup (encrypted once the desk has a key), then a change it does not hold. */
  async function backupThenChange(): Promise<{ backup: BackupInfo; expected: object }> {
    later();
    const backup = await call<BackupInfo>('backups.create');
    const expected = dataRows(allRows(tc.core.db));
    await call('settings.updateStock', { stockExpiryDays: 60 });
    expect(dataRows(allRows(tc.core.db))).not.toEqual(expected);
    later();
    return { backup, expected };
  }

  it('decrypts and checks an encrypted backup once, swaps in that copy and removes it', async () => {
    await call('backups.createRecoveryKey');
    const { backup, expected } = await backupThenChange();
    expect(backup.encrypted).toBe(true);
    await call('backups.restore', { name: backup.name });
    expect(checked).toEqual([{ name: backup.name, sealed: true }]);
    expect(dataRows(allRows(tc.core.db))).toEqual(expected);
    expect(workFolder()).toEqual([]);
  });

  it('checks a plain backup once', async () => {
    const { backup, expected } = await backupThenChange();
    expect(backup.encrypted).toBe(false);
    await call('backups.restore', { name: backup.name });
    expect(checked).toEqual([{ name: backup.name, sealed: false }]);
    expect(dataRows(allRows(tc.core.db))).toEqual(expected);
  });

  it('releases the opened copy when the call rolls back after the check, and nothing is swapped', async () => {
    await call('backups.createRecoveryKey');
    const { backup } = await backupThenChange();
    const live = dataRows(allRows(tc.core.db));
    const before = backupNames();
    // The call's own audit row is refused: its transaction rolls back after the handler returned.
    tc.core.db.exec(`CREATE TEMP TRIGGER refuse_restore_row BEFORE INSERT ON audit_log
      WHEN NEW.method = 'backups.restore' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const refused = errorOf(
      await tc.core.router.invoke('backups.restore', { name: backup.name }, admin),
    );
    expect(refused.code).toBe('INTERNAL');
    expect(checked).toHaveLength(1);
    expect(workFolder()).toEqual([]);
    expect(dataRows(allRows(tc.core.db))).toEqual(live);
    // The deferred swap never ran: no backup of the data before it was taken.
    expect(backupNames()).toEqual(before);

    tc.core.db.exec('DROP TRIGGER refuse_restore_row');
    await call('backups.restore', { name: backup.name });
    expect(checked).toHaveLength(2);
    expect(workFolder()).toEqual([]);
  });

  it('releases the opened copy when the swap fails, and the data stays as it was', async () => {
    await call('backups.createRecoveryKey');
    const { backup } = await backupThenChange();
    const live = dataRows(allRows(tc.core.db));
    failAt = 'incoming copied';
    const failed = errorOf(
      await tc.core.router.invoke('backups.restore', { name: backup.name }, admin),
    );
    expect(failed.code).toBe('INTERNAL');
    expect(checked).toEqual([{ name: backup.name, sealed: true }]);
    expect(workFolder()).toEqual([]);
    expect(dataRows(allRows(tc.core.db))).toEqual(live);
  });

  it('restores from the recovery screen with one opening, and leaves nothing behind', async () => {
    await call('backups.createRecoveryKey');
    const { backup, expected } = await backupThenChange();
    tc.core.close();
    writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(8192, 7));
    tc = await startTestCore(dir, {
      at: later(),
      onBackupChecked: (name, sealed) => checked.push({ name, sealed }),
    });
    expect(tc.core.damage).not.toBeNull();
    const folder = defaultBackupFolder(dir);
    valueOf(await tc.core.router.invoke('recovery.restore', { folder, name: backup.name }, admin));
    expect(checked).toEqual([{ name: backup.name, sealed: true }]);
    expect(tc.core.damage).toBeNull();
    expect(dataRows(allRows(tc.core.db))).toEqual(expected);
    expect(workFolder()).toEqual([]);
  });
});
