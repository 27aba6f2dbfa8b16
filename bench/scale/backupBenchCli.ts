import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { fillAsAfterWeeks } from '../auditHeavy';
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
  fillAsAfterWeeks(db, rows, () => new Date('2026-11-29T08:00:00Z'));
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
