import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/main/db/open';
import { newRecoveryKey } from '../../src/main/backups/vault/recoveryKey';
import { wrapDataKey } from '../../src/main/backups/vault/wrap';
import { writeBackup } from '../../src/main/backups/writer';
import { timePair } from './measure';
import type { Row } from './results';

/**
 * The same database backed up plain and encrypted, call for call in one run (see timePair): the
 * encrypted one adds sealing its checked copy chunk by chunk. Each file is removed after it is
 * timed, so a district-sized run needs room for two copies, not dozens.
 */
export async function measureEncryptedBackup(
  db: Db,
  record: (key: string, value: number) => number,
  ms: (v: number) => string,
  runs = 3,
): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'isd-bench-backup-'));
  const dataKey = randomBytes(32);
  const key = { dataKey, wrap: wrapDataKey(dataKey, newRecoveryKey(), 'recovery-key') };
  let n = 0;
  let size = 0;
  const once = (sealed: boolean) => async () => {
    const folder = join(dir, 'backups');
    const info = await writeBackup(db, folder, {
      kind: 'manual',
      now: new Date(Date.UTC(2026, 10, 29, 8) + n++),
      ...(sealed ? { sealing: { key, workDir: join(dir, 'work') } } : {}),
    });
    size = Math.max(size, info.sizeBytes);
    rmSync(join(folder, info.name), { force: true });
  };
  try {
    const [plain, sealed] = await timePair(once(false), once(true), {
      warmup: 1,
      minRuns: runs,
      maxRuns: runs,
      budgetMs: 0,
    });
    const ratio = sealed.p50 / plain.p50;
    record('backup.plain.p50', plain.p50);
    record('backup.encrypted.p50', sealed.p50);
    record('backup.encryptedRatio', ratio);
    return {
      group: 'Backups',
      name: `checked backup of the database (${(size / 2 ** 20).toFixed(0)} MB), plain and encrypted side by side`,
      figure: `plain p50 ${ms(plain.p50)} ms, encrypted p50 ${ms(sealed.p50)} ms, ×${ratio.toFixed(2)} (${plain.runs} runs each)`,
      target: 'encrypted ≤ 1.5× plain',
      ok: ratio <= 1.5,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
