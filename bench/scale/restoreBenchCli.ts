import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../src/main/app';
import { memoryHandle } from '../../src/main/accounts/sessionStore';
import { openDatabase } from '../../src/main/db/open';
import { DATABASE_FILE } from '../../src/main/platform/dataDir';
import { seedDemoWithAdmin } from '../../src/main/testing/backupTesting';
import { TEST_PASSWORD } from '../../src/main/testing/tempDb';
import type { ApiResult } from '../../src/shared/errors';
import { fillAsAfterWeeks } from '../auditHeavy';
import { time } from './measure';

/**
 * A restore of an encrypted backup (`--plain`: a plain one) through the router, as the backups
 * page asks for it, on a desk made here: the demo site, an administrator and `--rows` audit rows
 * (default 300,000, about 100 MB). Each restore includes the backup of the data before it
 * (encrypted too). Also counts how often each restore opened and checked the backup.
 */
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rows = arg('--rows', 300_000);
const runs = arg('--runs', 3);
const plain = process.argv.includes('--plain');
const dataDir = mkdtempSync(join(tmpdir(), 'isd-bench-restore-'));
const valueOf = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

const seeded = openDatabase(join(dataDir, DATABASE_FILE));
fillAsAfterWeeks(
  seeded,
  rows,
  () => new Date(),
  () => seedDemoWithAdmin(seeded),
);
seeded.close();

let passes = 0;
const core = await startCore({
  dataDir,
  shell: 'browser',
  logger: { error: (message) => void process.stderr.write(`${message}\n`) },
  onBackupChecked: () => passes++,
});
try {
  await core.startupBackup;
  const signIn = async () => {
    const handle = memoryHandle();
    valueOf(
      await core.router.invoke(
        'auth.login',
        { username: 'admin', password: TEST_PASSWORD },
        handle,
      ),
    );
    return handle;
  };
  let admin = await signIn();
  if (!plain) valueOf(await core.router.invoke('backups.createRecoveryKey', {}, admin));
  const backup = valueOf<{ name: string; sizeBytes: number }>(
    await core.router.invoke('backups.create', {}, admin),
  );
  const restore = async () => {
    admin = await signIn();
    valueOf(await core.router.invoke('backups.restore', { name: backup.name }, admin));
  };
  const timing = await time(restore, { warmup: 0, minRuns: runs, maxRuns: runs, budgetMs: 0 });
  process.stdout.write(
    `restore of ${plain ? 'a plain' : 'an encrypted'} backup (${(backup.sizeBytes / 2 ** 20).toFixed(0)} MB, ${rows} audit rows): ` +
      `p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms (${timing.runs} runs); ` +
      `backup opened and checked ${passes / timing.runs} times per restore\n`,
  );
} finally {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
