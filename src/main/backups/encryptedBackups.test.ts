import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupOverview, RecoveryState } from '../../shared/backups';
import { DATABASE_FILE } from '../platform/dataDir';
import { errorOf, valueOf } from '../testing/authTesting';
import {
  allRows,
  allRowsOfFile,
  dataRows,
  seedDataDir,
  seededCore,
  startTestCore,
  type SeededCore,
  type TestCore,
} from '../testing/backupTesting';
import { makeTempDir, TEST_NOW } from '../testing/tempDb';
import { person as registered } from '../testing/peopleTesting';
import type { SessionHandle } from '../accounts/sessionStore';
import { anchorSidecarOf } from '../accounts/auditAnchors/backupAnchor';
import { defaultBackupFolder } from './backupSettings';
import { listBackups } from './folder';
import { backupWorkFolder } from './vault/workFolder';
import { vaultPath } from './vault/vaultFile';

const minutesLater = (tc: TestCore, minutes = 1) =>
  (tc.clock.now = new Date(tc.clock.now.getTime() + minutes * 60_000));

describe('encrypted backups with a recovery key or passphrase', () => {
  let seeded: SeededCore;
  let dir: string;
  let tc: TestCore;
  let admin: SessionHandle;
  const cleanups: (() => void)[] = [];
  const call = async <T>(method: string, input: unknown = {}, on = tc, handle = admin) =>
    valueOf<T>(await on.core.router.invoke(method, input, handle));
  const refusal = async (method: string, input: unknown, on = tc, handle = admin) =>
    errorOf(await on.core.router.invoke(method, input, handle));
  const folder = () => defaultBackupFolder(dir);

  beforeEach(async () => {
    seeded = await seededCore();
    ({ dir, tc, admin } = seeded);
  });
  afterEach(() => {
    seeded.tc = tc;
    seeded.close();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /** Another PC: a fresh data folder with its own desk, started a day later. */
  async function secondPc() {
    const other = makeTempDir();
    seedDataDir(other.dir);
    const pc = await startTestCore(other.dir, { at: new Date(TEST_NOW.getTime() + 86_400_000) });
    cleanups.push(() => {
      pc.core.close();
      other.remove();
    });
    const handle = await pc.signIn();
    /** Copies a backup (and its anchor note) as a person would from a USB stick. */
    const bring = (name: string) => {
      const into = defaultBackupFolder(other.dir);
      mkdirSync(into, { recursive: true });
      copyFileSync(join(folder(), name), join(into, name));
      return name;
    };
    return { pc, handle, dir: other.dir, bring };
  }

  it('seals every backup once a recovery key exists: no ID number, name or phone in its bytes', async () => {
    // A resident as the registration desk writes them: name, resident ID number, mobile.
    const person = registered({ fullName: '顾海燕', gender: 'female', birthDate: '1983-05-17' });
    tc.core.db
      .prepare(
        `INSERT INTO people (full_name, gender, birth_date, document_type, document_number, phone, category, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        person.fullName,
        person.gender,
        person.birthDate,
        person.documentType,
        person.documentNumber,
        person.phone,
        person.category,
        TEST_NOW.toISOString(),
        TEST_NOW.toISOString(),
      );
    const needles = [person.fullName, person.documentNumber, person.phone!].map((value) =>
      Buffer.from(value!, 'utf8'),
    );
    minutesLater(tc);
    const plain = await call<BackupInfo>('backups.create');

    // Before a key: plain, and the person is there to be found (the test can fail).
    const before = await call<BackupOverview>('backups.list');
    expect(before.encryption).toMatchObject({ encrypted: false });
    expect(plain.name).toMatch(/\.sqlite$/);
    const plainBytes = readFileSync(join(folder(), plain.name));
    for (const needle of needles) expect(plainBytes.includes(needle)).toBe(true);

    const { recoveryKey } = await call<{ recoveryKey: string }>('backups.createRecoveryKey');
    expect(recoveryKey).toMatch(/^(\w{4}-){8}\w{4}$/);
    const overview = await call<BackupOverview>('backups.list');
    expect(overview.encryption).toMatchObject({
      encrypted: true,
      kind: 'recovery-key',
      protection: 'owner-only-file',
    });
    minutesLater(tc);
    const manual = await call<BackupInfo>('backups.create');
    minutesLater(tc, 31);
    // (The session has locked by now; any write counts, whoever makes it.)
    tc.core.db.prepare("INSERT INTO settings (key, value) VALUES ('stockExpiryDays', '45')").run();
    expect(await tc.core.schedule!.tick()).toBe(true);

    const sealed = listBackups(folder()).filter((b) => b.encrypted);
    expect(sealed.map((b) => b.kind)).toEqual(['scheduled', 'manual']);
    expect(sealed[1]).toMatchObject({ name: manual.name, encrypted: true });
    expect(manual.name).toMatch(/^desk-2026-11-29T08-02-00-000Z-manual\.isdbak$/);
    expect(readdirSync(folder()).filter((n) => n.endsWith('.partial'))).toEqual([]);
    for (const backup of sealed) {
      const bytes = readFileSync(join(folder(), backup.name));
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('ISDVAULT');
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
      expect(bytes.includes(Buffer.from(recoveryKey))).toBe(false);
    }
    // The key is in no file of the data folder, and no plain copy was left behind.
    expect(readFileSync(join(dir, DATABASE_FILE)).includes(Buffer.from(recoveryKey))).toBe(false);
    expect(readFileSync(vaultPath(dir)).includes(Buffer.from(recoveryKey))).toBe(false);
    expect(readdirSync(backupWorkFolder(dir))).toEqual([]);
  });

  it('keeps this PC’s copy of the key in an owner-only file', async () => {
    await call('backups.createRecoveryKey');
    if (process.platform !== 'win32') {
      expect(statSync(vaultPath(dir)).mode & 0o777).toBe(0o600);
      expect(statSync(backupWorkFolder(dir)).mode & 0o777).toBe(0o700);
    }
  });

  it('restores an encrypted backup on this PC without typing, every table row for row', async () => {
    await call('backups.createRecoveryKey');
    minutesLater(tc);
    const backup = await call<BackupInfo>('backups.create');
    const expected = allRows(tc.core.db);
    await call('settings.updateStock', { stockExpiryDays: 60 });
    expect(dataRows(allRows(tc.core.db))).not.toEqual(dataRows(expected));
    minutesLater(tc);
    const outcome = await call<{ savedAs: string }>('backups.restore', { name: backup.name });
    expect(outcome.savedAs).toMatch(/-pre-restore\.isdbak$/);
    expect(dataRows(allRows(tc.core.db))).toEqual(dataRows(expected));
    expect(readdirSync(backupWorkFolder(dir))).toEqual([]);
  });

  it('restores on a second PC with the recovery key alone, and refuses no key, a wrong or mistyped one', async () => {
    const { recoveryKey } = await call<{ recoveryKey: string }>('backups.createRecoveryKey');
    minutesLater(tc);
    const backup = await call<BackupInfo>('backups.create');
    const expected = dataRows(allRows(tc.core.db));

    const other = await secondPc();
    other.bring(backup.name);
    const untouched = dataRows(allRows(other.pc.core.db));
    const on = (secret?: string) =>
      refusal('backups.restore', { name: backup.name, secret }, other.pc, other.handle);
    expect(await on()).toMatchObject({
      code: 'BACKUP_KEY_NEEDED',
      params: { kind: 'recovery-key' },
    });
    const [first, ...rest] = recoveryKey.split('-');
    const typo = [first!.replace(/./, (c) => (c === 'A' ? 'B' : 'A')), ...rest].join('-');
    expect(await on(typo)).toMatchObject({
      code: 'RECOVERY_KEY_MISTYPED',
      fields: { secret: 'recovery_key_mistyped' },
    });
    const { recoveryKey: another } = await call<{ recoveryKey: string }>(
      'backups.createRecoveryKey',
      {},
      other.pc,
      other.handle,
    );
    expect(await on(another)).toMatchObject({ code: 'BACKUP_KEY_WRONG' });
    expect(dataRows(allRows(other.pc.core.db))).toEqual(untouched);
    expect(readdirSync(backupWorkFolder(other.dir))).toEqual([]);

    // Typed as a person would, in lower case with spaces.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await call('backups.restore', { name: backup.name, secret: typed }, other.pc, other.handle);
    expect(dataRows(allRows(other.pc.core.db))).toEqual(expected);
  });

  it('a PC with no key of its own keeps the one that opened the backup', async () => {
    const { recoveryKey } = await call<{ recoveryKey: string }>('backups.createRecoveryKey');
    minutesLater(tc);
    const backup = await call<BackupInfo>('backups.create');
    const other = await secondPc();
    other.bring(backup.name);
    await call(
      'backups.restore',
      { name: backup.name, secret: recoveryKey },
      other.pc,
      other.handle,
    );
    const handle = await other.pc.signIn();
    minutesLater(other.pc);
    const next = await call<BackupInfo>('backups.create', {}, other.pc, handle);
    expect(next.encrypted).toBe(true);
    // The same sheet opens the new PC's backups on a third.
    const third = await secondPc();
    copyFileSync(
      join(defaultBackupFolder(other.dir), next.name),
      join(defaultBackupFolder(third.dir), next.name),
    );
    await call('backups.restore', { name: next.name, secret: recoveryKey }, third.pc, third.handle);
  });

  it('refuses a flipped byte or a cut-off file with nothing changed', async () => {
    await call('backups.createRecoveryKey');
    minutesLater(tc);
    const backup = await call<BackupInfo>('backups.create');
    const file = join(folder(), backup.name);
    const original = readFileSync(file);
    await call('settings.updateStock', { stockExpiryDays: 60 });
    const live = dataRows(allRows(tc.core.db));
    const backupsBefore = listBackups(folder()).map((b) => b.name);

    const flipped = Buffer.from(original);
    flipped[original.length - 5000]! ^= 0x40;
    writeFileSync(file, flipped);
    expect(await refusal('backups.restore', { name: backup.name })).toMatchObject({
      code: 'BACKUP_DAMAGED',
      params: { name: backup.name },
    });
    writeFileSync(file, original);
    truncateSync(file, original.length - 20_000);
    expect(await refusal('backups.restore', { name: backup.name })).toMatchObject({
      code: 'BACKUP_TRUNCATED',
      params: { name: backup.name },
    });
    expect(dataRows(allRows(tc.core.db))).toEqual(live);
    expect(listBackups(folder()).map((b) => b.name)).toEqual(backupsBefore);
    expect(readdirSync(backupWorkFolder(dir))).toEqual([]);
  });

  it('still restores a plain backup made before the key', async () => {
    const plain = (await tc.core.startupBackup)!;
    const expected = dataRows(allRowsOfFile(join(folder(), plain.name)));
    await call('backups.createRecoveryKey');
    await call('settings.updateStock', { stockExpiryDays: 60 });
    minutesLater(tc);
    await call('backups.restore', { name: plain.name });
    expect(dataRows(allRows(tc.core.db))).toEqual(expected);
  });

  it('a new passphrase re-wraps the same key: here every backup opens; elsewhere each with its own', async () => {
    expect(await refusal('backups.setPassphrase', { passphrase: 'abc12345' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { passphrase: 'passphrase_short' },
    });
    expect(await refusal('backups.setPassphrase', { passphrase: '1qaz2wsx3edc' })).toMatchObject({
      code: 'WEAK_PASSWORD',
    });
    const oldPhrase = '濠河边的隔离点-2026';
    const newPhrase = 'Chongchuan-site-spring';
    await call('backups.setPassphrase', { passphrase: oldPhrase });
    minutesLater(tc);
    const before = await call<BackupInfo>('backups.create');
    const changed = await call<BackupOverview['encryption']>('backups.setPassphrase', {
      passphrase: newPhrase,
    });
    expect(changed).toMatchObject({ encrypted: true, kind: 'passphrase' });
    minutesLater(tc);
    const after = await call<BackupInfo>('backups.create');
    await call('settings.updateStock', { stockExpiryDays: 60 });

    // This PC: both open without typing.
    minutesLater(tc);
    await call('backups.restore', { name: before.name });
    admin = await tc.signIn();
    minutesLater(tc);
    await call('backups.restore', { name: after.name });

    // Another PC: each backup with the passphrase current when it was taken.
    const other = await secondPc();
    other.bring(before.name);
    other.bring(after.name);
    const restoreThere = (name: string, secret: string) =>
      other.pc.core.router.invoke('backups.restore', { name, secret }, other.handle);
    expect(errorOf(await restoreThere(before.name, newPhrase)).code).toBe('BACKUP_KEY_WRONG');
    expect(errorOf(await restoreThere(after.name, oldPhrase)).code).toBe('BACKUP_KEY_WRONG');
    valueOf(await restoreThere(before.name, oldPhrase));
    const again = await other.pc.signIn();
    valueOf(
      await other.pc.core.router.invoke(
        'backups.restore',
        { name: after.name, secret: newPhrase },
        again,
      ),
    );
  });

  it('offers on the recovery screen a backup it cannot open alone, and opens it with the key', async () => {
    const { recoveryKey } = await call<{ recoveryKey: string }>('backups.createRecoveryKey');
    minutesLater(tc);
    const backup = await call<BackupInfo>('backups.create');
    const expected = dataRows(allRows(tc.core.db));
    tc.core.close();
    // The disk died: a new data folder whose database is damaged, the stick's backups copied in.
    const other = makeTempDir();
    cleanups.push(other.remove);
    mkdirSync(defaultBackupFolder(other.dir), { recursive: true });
    copyFileSync(join(folder(), backup.name), join(defaultBackupFolder(other.dir), backup.name));
    writeFileSync(join(other.dir, DATABASE_FILE), Buffer.alloc(8192, 7));
    tc = await startTestCore(other.dir, { at: new Date(TEST_NOW.getTime() + 86_400_000) });
    const state = valueOf<RecoveryState>(await tc.core.router.invoke('recovery.state', {}, admin));
    expect(state.backups).toEqual([
      expect.objectContaining({ name: backup.name, good: true, needsKey: true }),
    ]);
    const input = { folder: defaultBackupFolder(other.dir), name: backup.name };
    expect(errorOf(await tc.core.router.invoke('recovery.restore', input, admin)).code).toBe(
      'BACKUP_KEY_NEEDED',
    );
    valueOf(
      await tc.core.router.invoke('recovery.restore', { ...input, secret: recoveryKey }, admin),
    );
    expect(dataRows(allRows(tc.core.db))).toEqual(expected);
    expect(existsSync(anchorSidecarOf(join(folder(), backup.name)))).toBe(true);
  });

  it('removes at start a plain copy a crash left in the work folder', async () => {
    await call('backups.createRecoveryKey');
    tc.core.close();
    const left = join(backupWorkFolder(dir), 'desk-2026-11-29T08-00-00-000Z-manual.sqlite.partial');
    writeFileSync(left, 'a whole plain copy');
    tc = await startTestCore(dir);
    expect(existsSync(left)).toBe(false);
    expect(tc.logger.entries.map((e) => e.message).join()).toContain('manual.sqlite.partial');
  });
});
