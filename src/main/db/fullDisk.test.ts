import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/domain';
import { startCore } from '../app';
import { memoryHandle } from '../auth/sessionStore';
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
});
