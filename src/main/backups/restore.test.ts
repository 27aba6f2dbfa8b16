import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BackupInfo,
  BackupOverview,
  BackupStatus,
  RestoreOutcome,
} from '../../shared/backups';
import { prepareIncomingCopy } from '../db/incomingCopy';
import { swapInRestoredFile } from '../db/replaceFile';
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
import type { SessionHandle } from '../accounts/sessionStore';
import { defaultBackupFolder } from './backupSettings';
import { listBackups } from './folder';

/** Overwrites a whole page in the middle of the file with a pattern. */
function damagePage(file: string, page: number): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('back up now and restore, through the router', () => {
  let dir: string;
  let remove: () => void;
  let tc: TestCore;
  let admin: SessionHandle;
  const call = async <T>(method: string, input: unknown = {}, handle = admin) =>
    valueOf<T>(await tc.core.router.invoke(method, input, handle));
  const auditCount = () =>
    tc.core.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

  beforeEach(async () => {
    ({ dir, remove } = makeTempDir());
    seedDataDir(dir);
    tc = await startTestCore(dir);
    admin = await tc.signIn();
  });
  afterEach(() => {
    tc.core.close();
    remove();
  });

  it('backs up at start, and on request with progress, into <data>/backups', async () => {
    const atStart = await tc.core.startupBackup;
    expect(atStart?.kind).toBe('start');
    tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
    const manual = await call<BackupInfo>('backups.create');
    expect(manual.kind).toBe('manual');
    const status = await call<BackupStatus>('backups.status');
    expect(status).toMatchObject({ running: false, last: manual, lastError: null });
    const overview = await call<BackupOverview>('backups.list');
    expect(overview).toMatchObject({
      folder: defaultBackupFolder(dir),
      isDefaultFolder: true,
      onNetworkPath: false,
      intervalMinutes: 30,
    });
    expect(overview.backups.map((b) => b.name)).toEqual([manual.name, atStart!.name]);
    const rows = tc.core.db
      .prepare("SELECT method, outcome FROM audit_log WHERE method LIKE 'backups.%'")
      .all();
    expect(rows).toEqual([{ method: 'backups.create', outcome: 'ok' }]);
  });

  it('backs up on schedule only when the interval has passed and the data changed', async () => {
    const schedule = tc.core.schedule!;
    // Signing in (an audited write) changed the data since the start backup.
    tc.clock.now = new Date(tc.clock.now.getTime() + 29 * 60_000);
    expect(await schedule.tick()).toBe(false);
    tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
    expect(await schedule.tick()).toBe(true);
    tc.clock.now = new Date(tc.clock.now.getTime() + 120 * 60_000);
    expect(await schedule.tick()).toBe(false);
    // (The session has locked by now; any write counts, whoever makes it.)
    tc.core.db.prepare("INSERT INTO settings (key, value) VALUES ('stockExpiryDays', '60')").run();
    tc.clock.now = new Date(tc.clock.now.getTime() + 30 * 60_000);
    expect(await schedule.tick()).toBe(true);
    const kinds = listBackups(defaultBackupFolder(dir)).map((b) => b.kind);
    expect(kinds).toEqual(['scheduled', 'scheduled', 'start']);
  });

  it('restores exactly the data of the backup, keeps a backup of what was there, signs everyone out', async () => {
    await tc.core.startupBackup;
    tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
    const backup = await call<BackupInfo>('backups.create');
    const backupFile = join(defaultBackupFolder(dir), backup.name);
    const expected = allRowsOfFile(backupFile);

    // Work after the backup: it must disappear with the restore.
    await call('users.create', {
      username: 'later',
      displayName: 'Later',
      password: 'Haohe-river-2026',
      roles: ['viewer'],
    });
    await call('settings.updateStock', { stockExpiryDays: 60 });
    const beforeRestore = allRows(tc.core.db);
    expect(beforeRestore).not.toEqual(expected);

    tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
    const outcome = await call<RestoreOutcome>('backups.restore', { name: backup.name });
    expect(outcome.restoredFrom).toBe(backup.name);
    expect(outcome.savedAs).toMatch(/-pre-restore\.sqlite$/);

    // Every table equal, row for row, except the audit trail: nothing written since the backup is
    // lost from it. It holds the entries of the data before (the backup's, then those since,
    // carried over as they were), then the restore itself.
    const restored = allRows(tc.core.db);
    const restoreRow = tc.core.db
      .prepare('SELECT method, username, detail FROM audit_log ORDER BY id DESC LIMIT 1')
      .get();
    expect(restoreRow).toMatchObject({ method: 'backups.restore', username: 'admin' });
    expect((restoreRow as { detail: string }).detail).toContain('were carried over');
    // The backup holds the admin's session (its token's hash); the restored file holds none.
    expect(expected.sessions).toHaveLength(1);
    expect(restored.sessions).toEqual([]);
    expect({ ...restored, audit_log: [] }).toEqual({ ...expected, audit_log: [], sessions: [] });
    const saved = allRowsOfFile(join(defaultBackupFolder(dir), outcome.savedAs!));
    expect(saved.audit_log!.length).toBeGreaterThan(expected.audit_log!.length);
    expect(restored.audit_log).toHaveLength(saved.audit_log!.length + 1);
    const restoredAudit = tc.core.db
      .prepare('SELECT * FROM audit_log WHERE id <= ?')
      .all(saved.audit_log!.length)
      .map((row) => JSON.stringify(row))
      .sort();
    expect(restoredAudit).toEqual(saved.audit_log);
    // The chain goes on unbroken from the restored rows (signing in again adds one more).
    const again = await tc.signIn();
    expect(valueOf(await tc.core.router.invoke('audit.verify', {}, again))).toMatchObject({
      ok: true,
      count: auditCount(),
      anchor: { reason: 'restore', source: backup.name },
    });

    // The data as it was before is in the pre-restore backup (the admin's session was active since).
    expect({ ...saved, audit_log: [], sessions: [] }).toEqual({
      ...beforeRestore,
      audit_log: [],
      sessions: [],
    });

    // The old session is gone.
    expect(errorOf(await tc.core.router.invoke('sites.list', {}, admin)).code).toBe(
      'SESSION_EXPIRED',
    );
    expect(tc.logger.entries).toEqual([]);
  });

  it('restores the oldest of the last ten, which the backup before the restore must not rotate away', async () => {
    const made: BackupInfo[] = [];
    for (let i = 0; i < 10; i++) {
      tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
      made.push(await call<BackupInfo>('backups.create'));
    }
    const oldest = made[0]!;
    const expected = allRowsOfFile(join(defaultBackupFolder(dir), oldest.name));
    tc.clock.now = new Date(tc.clock.now.getTime() + 60_000);
    await call<RestoreOutcome>('backups.restore', { name: oldest.name });
    expect({ ...allRows(tc.core.db), audit_log: [] }).toEqual({
      ...expected,
      audit_log: [],
      sessions: [],
    });
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await tc.core.startupBackup;
    const folder = defaultBackupFolder(dir);
    const good = listBackups(folder)[0]!;
    const badName = 'desk-2026-11-29T07-00-00-000Z-manual.sqlite';
    copyFileSync(join(folder, good.name), join(folder, badName));
    damagePage(join(folder, badName), 3);
    const before = allRows(tc.core.db);
    const audits = auditCount();
    const files = readdirSync(folder).sort();

    const refused = errorOf(
      await tc.core.router.invoke('backups.restore', { name: badName }, admin),
    );
    expect(refused.code).toBe('BACKUP_DAMAGED');
    expect(allRows(tc.core.db)).toEqual(before);
    expect(auditCount()).toBe(audits);
    expect(readdirSync(folder).sort()).toEqual(files);
    // Still signed in, still working.
    expect(await tc.core.router.invoke('sites.list', {}, admin)).toMatchObject({ ok: true });
  });

  it('refuses a name that is not a backup, or a path', async () => {
    for (const name of [
      '../isolation-site-desk.sqlite',
      'desk-2026-11-29T07-00-00-000Z-manual.sqlite',
    ]) {
      const result = await tc.core.router.invoke('backups.restore', { name }, admin);
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(errorOf(result).code);
    }
  });

  it('refuses back up now and restore to a non-administrator', async () => {
    tc.core.db.exec(
      "INSERT INTO users (username, display_name, password_hash, created_at, updated_at) SELECT 'clerk', 'Clerk', password_hash, created_at, updated_at FROM users WHERE username = 'admin'",
    );
    tc.core.db.exec(
      "INSERT INTO user_roles (user_id, role) SELECT id, 'coordinator' FROM users WHERE username = 'clerk'",
    );
    const clerk = await tc.signIn('clerk');
    for (const method of ['backups.create', 'backups.list', 'backups.status']) {
      expect(errorOf(await tc.core.router.invoke(method, {}, clerk)).code).toBe('FORBIDDEN');
    }
  });

  it('changes the folder and warns about a network path', async () => {
    const elsewhere = join(dir, 'usb-stick');
    const overview = await call<BackupOverview>('backups.updateSettings', {
      folder: elsewhere,
      intervalMinutes: 15,
    });
    expect(overview).toMatchObject({
      folder: elsewhere,
      isDefaultFolder: false,
      intervalMinutes: 15,
    });
    const info = await call<BackupInfo>('backups.create');
    expect(existsSync(join(elsewhere, info.name))).toBe(true);
    const refused = errorOf(
      await tc.core.router.invoke(
        'backups.updateSettings',
        { folder: 'relative/folder', intervalMinutes: 15 },
        admin,
      ),
    );
    expect(refused.code).toBe('BACKUP_FOLDER_UNUSABLE');

    // `//host/share` is a network path; on Linux `//tmp/...` is also a real folder to write to.
    const network = `/${join(dir, 'share')}`;
    const onShare = await call<BackupOverview>('backups.updateSettings', {
      folder: network,
      intervalMinutes: 30,
    });
    expect(onShare).toMatchObject({ folder: network, onNetworkPath: true });
  });

  it('reports a backup that cannot be written, and audits the failure', async () => {
    // The folder chosen earlier is now a file (a stick replaced by something else).
    const gone = join(dir, 'stick');
    await call('backups.updateSettings', { folder: gone, intervalMinutes: 30 });
    rmSync(gone, { recursive: true });
    writeFileSync(gone, 'not a folder');
    const failed = errorOf(await tc.core.router.invoke('backups.create', {}, admin));
    expect(failed.code).toBe('BACKUP_FAILED');
    expect(await call<BackupStatus>('backups.status')).toMatchObject({ running: false });
    expect((await call<BackupStatus>('backups.status')).lastError).toBeTruthy();
    const rows = tc.core.db
      .prepare(
        "SELECT outcome, username FROM audit_log WHERE method = 'backups.create' ORDER BY id",
      )
      .all();
    expect(rows).toEqual([
      { outcome: 'ok', username: 'admin' },
      { outcome: 'failed', username: 'admin' },
    ]);
    tc.logger.entries.length = 0;
  });

  it('removes a stale -wal left beside the file before the restored file opens', async () => {
    await tc.core.startupBackup;
    const backup = listBackups(defaultBackupFolder(dir))[0]!;
    const expected = allRowsOfFile(join(defaultBackupFolder(dir), backup.name));
    tc.core.close();
    // A real write-ahead log of other data, as a crash would leave it.
    const file = join(dir, DATABASE_FILE);
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO settings (key, value) VALUES ('stale', 'yes')").run();
    const staleWal = readFileSync(`${file}-wal`);
    writer.close();
    writeFileSync(`${file}-wal`, staleWal);
    prepareIncomingCopy(file, join(defaultBackupFolder(dir), backup.name), {
      prepare: () => undefined,
    });
    swapInRestoredFile(file).commit();
    expect(allRowsOfFile(file)).toEqual(expected);
  });
});
