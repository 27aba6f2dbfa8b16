import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { fillAsAfterWeeks } from '../auditHeavy';
import { measureEncryptedBackup } from './backupBench';

/**
 * The backup rows alone, on a database made here: the demo site and `--rows` audit rows (default
 * 300,000, about 100 MB), or on a copy of `--file` (e.g. bench/.data/district.sqlite, left as it
 * is). `npm run bench` runs the same rows on the district database.
 */
const argOf = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const rows = Number(argOf('--rows') ?? 300_000);
const source = argOf('--file');
const dir = mkdtempSync(join(tmpdir(), 'isd-bench-db-'));
const file = join(dir, 'bench.sqlite');
if (source) copyFileSync(source, file);
const db = openDatabase(file);
try {
  if (!source) fillAsAfterWeeks(db, rows, () => new Date('2026-11-29T08:00:00Z'));
  for (const row of await measureEncryptedBackup(
    db,
    (_k, v) => v,
    (v) => v.toFixed(0),
  )) {
    process.stdout.write(
      `${row.name}: ${row.figure} — ${row.target}: ${row.ok ? 'met' : 'MISSED'}\n`,
    );
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
