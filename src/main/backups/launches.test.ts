import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, RestoreOutcome } from '../../shared/backups';
import { valueOf } from '../testing/authTesting';
import { seedDataDir, startTestCore } from '../testing/backupTesting';
import { makeTempDir, TEST_NOW } from '../testing/tempDb';
import { defaultBackupFolder } from './backupSettings';
import { listBackups } from './folder';
import { KEEP_LATEST } from './policy';

const MINUTE = 60_000;

describe('many launches in a day', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = makeTempDir()));
  afterEach(() => remove());

  it('back up at start only after a change, and never push out the manual or pre-restore copy', async () => {
    seedDataDir(dir);
    const first = await startTestCore(dir);
    const admin = await first.signIn();
    const call = async <T>(method: string, input: unknown = {}) =>
      valueOf<T>(await first.core.router.invoke(method, input, admin));
    first.clock.now = new Date(TEST_NOW.getTime() + MINUTE);
    const manual = await call<BackupInfo>('backups.create');
    first.clock.now = new Date(TEST_NOW.getTime() + 2 * MINUTE);
    const restored = await call<RestoreOutcome>('backups.restore', { name: manual.name });
    first.core.close();

    const startBackups: (string | null)[] = [];
    for (let launch = 1; launch <= 20; launch++) {
      const tc = await startTestCore(dir, {
        at: new Date(TEST_NOW.getTime() + launch * 10 * MINUTE),
      });
      try {
        startBackups.push((await tc.core.startupBackup)?.name ?? null);
        // Every other launch somebody signs in (a write); the others only look.
        if (launch % 2 === 1) await tc.signIn();
      } finally {
        tc.core.close();
      }
    }

    // The first launch follows the restore (a change); then one backup after each launch that wrote.
    const taken = startBackups.filter((name) => name !== null);
    expect(startBackups[0]).not.toBeNull();
    // Launch i + 1 follows launch i: a backup after a launch that signed in, none after one that looked.
    startBackups.forEach((name, i) => {
      if (i > 0) expect(name === null, `launch ${i + 1}`).toBe(i % 2 === 0);
    });
    expect(taken.length).toBeGreaterThan(KEEP_LATEST);

    const names = listBackups(defaultBackupFolder(dir)).map((b) => b.name);
    expect(names).toContain(manual.name);
    expect(names).toContain(restored.savedAs);
    // The automatic ones rotate as before: the last 10 (all from today).
    expect(names.filter((name) => name.endsWith('-start.sqlite'))).toHaveLength(KEEP_LATEST);
  });
});
