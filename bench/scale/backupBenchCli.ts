import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../src/main/accounts/audit';
import { loadDemo } from '../../src/main/accounts/demo';
import { openDatabase } from '../../src/main/db/open';
import { measureEncryptedBackup } from './backupBench';

/**
 * The encrypted-backup row alone, on a database made here: the demo site and `--rows` audit rows
 * (default 300,000, about 100 MB). `npm run bench` runs the same row on the district database.
 */
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 300_000;
const dir = mkdtempSync(join(tmpdir(), 'isd-bench-db-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
try {
  const now = () => new Date('2026-11-29T08:00:00Z');
  db.transaction(() => {
    loadDemo({ db, now });
    for (let i = 0; i < rows; i++) {
      appendAudit(db, {
        at: now().toISOString(),
        actor: { userId: 1, username: 'chief' },
        method: 'readings.record',
        outcome: 'ok',
        detail: `reading ${i} of the evening round, room A-${100 + (i % 900)}`,
      });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const row = await measureEncryptedBackup(
    db,
    (_k, v) => v,
    (v) => v.toFixed(0),
  );
  process.stdout.write(
    `${row.name}: ${row.figure} — ${row.target}: ${row.ok ? 'met' : 'MISSED'}\n`,
  );
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
