import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/domain';
import { startCore } from '../app';
import { memoryHandle } from '../accounts/sessionStore';
import { seedDataDir } from '../testing/backupTesting';
import { fillDisk, mountSmallDisk } from '../testing/smallDisk';
import { capturingLogger, makeTempDir, TEST_PASSWORD } from '../testing/tempDb';

describe('a full disk at start', () => {
  let temp: { dir: string; remove: () => void };
  let disk: { unmount: () => void } | null;
  let dataDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    const mount = join(temp.dir, 'disk');
    disk = mountSmallDisk(mount, 8192);
    dataDir = join(mount, 'data');
  });
  afterEach(() => {
    disk?.unmount();
    temp.remove();
  });

  it('opens read-only with its reason instead of exiting: sign-in and reads work, writes are refused', async (context) => {
    if (!disk) return context.skip('mounting a small tmpfs is not permitted here');
    seedDataDir(dataDir);
    // An earlier day's run: the folder has its lock file and a backup.
    (await startCore({ dataDir, shell: 'browser', logger: capturingLogger() })).close();
    const space = fillDisk(dataDir);
    const core = await startCore({ dataDir, shell: 'browser', logger: capturingLogger() });
    try {
      expect(core.readOnly).toBe(true);
      const handle = memoryHandle();
      const login = await core.router.invoke(
        'auth.login',
        { username: 'admin', password: TEST_PASSWORD },
        handle,
      );
      expect(login.ok).toBe(true);
      const info = await core.router.invoke('app.info', {}, handle);
      expect(info).toMatchObject({ ok: true, value: { readOnly: true, diskFull: true } });
      expect((info as { value: AppInfo }).value.hasSite).toBe(true);
      const write = await core.router.invoke('backups.create', {}, handle);
      expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    } finally {
      core.close();
    }

    // With space again, the next start is the ordinary desk.
    space.free();
    const again = await startCore({ dataDir, shell: 'browser', logger: capturingLogger() });
    try {
      expect(again.readOnly).toBe(false);
      const info = await again.router.invoke('app.info', {}, memoryHandle());
      expect(info).toMatchObject({ ok: true, value: { readOnly: false, diskFull: false } });
    } finally {
      again.close();
    }
  });

  it('lets people sign in when the disk fills while the app runs; the audit row is written once space returns', async (context) => {
    if (!disk) return context.skip('mounting a small tmpfs is not permitted here');
    seedDataDir(dataDir);
    const logger = capturingLogger();
    const core = await startCore({ dataDir, shell: 'browser', logger });
    try {
      await core.startupBackup;
      // The log emptied and cut back: the next write needs new space on the disk.
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const space = fillDisk(dataDir);
      const signIn = (password: string) =>
        core.router.invoke('auth.login', { username: 'admin', password }, memoryHandle());
      const trail = () =>
        core.db
          .prepare("SELECT detail FROM audit_log WHERE method = 'auth.login' ORDER BY id")
          .pluck()
          .all();
      const before = trail();

      const handle = memoryHandle();
      const login = await core.router.invoke(
        'auth.login',
        { username: 'admin', password: TEST_PASSWORD },
        handle,
      );
      expect(login).toMatchObject({
        ok: true,
        value: { state: 'active', user: { username: 'admin' } },
      });
      // The ordinary sign-in was tried and refused by the disk first.
      expect(logger.entries.map((e) => e.message)).toContain('DISK_FULL in auth.login');
      expect(trail()).toEqual(before);
      const read = await core.router.invoke('backups.list', {}, handle);
      expect(read.ok).toBe(true);

      // Wrong passwords are still counted (in memory): after five, the name waits for space.
      for (let i = 0; i < 5; i++)
        expect(await signIn('wrong')).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(await signIn(TEST_PASSWORD)).toMatchObject({
        ok: false,
        error: { code: 'DISK_FULL' },
      });

      space.free();
      const logout = await core.router.invoke('auth.logout', {}, handle);
      expect(logout.ok).toBe(true);
      expect(trail()).toEqual([
        ...before,
        'Signed in while the disk was full; recorded once space returned',
      ]);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }
  });
});
