import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/main/db/open';
import { newRecoveryKey } from '../../src/main/backups/vault/recoveryKey';
import { wrapDataKey } from '../../src/main/backups/vault/wrap';
import { writeBackup } from '../../src/main/backups/writer';
import { longestGapDuring } from '../../src/main/testing/eventLoopGap';
import { timePair } from './measure';
import type { Row } from './results';

/**
 * The same database backed up plain and encrypted, call for call in one run (see timePair): the
 * encrypted one adds sealing its checked copy chunk by chunk. Each file is removed after it is
 * timed, so a district-sized run needs room for two copies, not dozens. The same calls give the
 * longest the main thread was held meanwhile (every desk of a host waits that long at worst).
 */
export async function measureEncryptedBackup(
  db: Db,
  record: (key: string, value: number) => number,
  ms: (v: number) => string,
  runs = 3,
): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'isd-bench-backup-'));
  const dataKey = randomBytes(32);
  const key = { dataKey, wrap: wrapDataKey(dataKey, newRecoveryKey(), 'recovery-key') };
  let n = 0;
  let size = 0;
  const stall = { plain: 0, sealed: 0 };
  const once = (sealed: boolean) => async () => {
    const folder = join(dir, 'backups');
    const { result: info, gapMs } = await longestGapDuring(() =>
      writeBackup(db, folder, {
        kind: 'manual',
        now: new Date(Date.UTC(2026, 10, 29, 8) + n++),
        ...(sealed ? { sealing: { key, workDir: join(dir, 'work') } } : {}),
      }),
    );
    const which = sealed ? 'sealed' : 'plain';
    stall[which] = Math.max(stall[which], gapMs);
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
    record('backup.plain.longestStall', stall.plain);
    record('backup.encrypted.longestStall', stall.sealed);
    const mb = (size / 2 ** 20).toFixed(0);
    const longest = Math.max(stall.plain, stall.sealed);
    return [
      {
        group: 'Backups',
        name: `checked backup of the database (${mb} MB), plain and encrypted side by side`,
        figure: `plain p50 ${ms(plain.p50)} ms, encrypted p50 ${ms(sealed.p50)} ms, ×${ratio.toFixed(2)} (${plain.runs} runs each)`,
        target: 'encrypted ≤ 1.5× plain',
        ok: ratio <= 1.5,
      },
      {
        group: 'Backups',
        name: `longest main-thread stall during a backup (${mb} MB; a 10 ms timer's longest gap)`,
        figure: `plain ${ms(stall.plain)} ms, encrypted ${ms(stall.sealed)} ms (warm-up included)`,
        // Half a second: a pause someone typing at a desk barely notices (it was 3.1 s, the whole
        // integrity check); what is left is SQLite's last copy step, the new file's flush.
        target: '≤ 500 ms',
        ok: longest <= 500,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
