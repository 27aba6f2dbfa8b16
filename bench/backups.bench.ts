import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openDatabase } from '../src/main/db/open';
import { checkDatabaseFile } from '../src/main/backups/checkFile';
import { writeBackup } from '../src/main/backups/writer';
import { fillAsAfterWeeks } from './auditHeavy';

/**
 * A site after weeks of use: the demo site plus 200,000 audit rows (about 70 MB). Goals: the check
 * at every start (quick_check) in ≤ 1 s; a checked backup (backup + integrity_check) in ≤ 5 s.
 */
const dir = mkdtempSync(join(tmpdir(), 'isd-bench-'));
const file = join(dir, 'bench.sqlite');
const db = openDatabase(file);
const now = () => new Date('2026-11-29T08:00:00Z');
fillAsAfterWeeks(db, 200_000, now);
let n = 0;

describe('backups', () => {
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  bench('quick_check at start', () => {
    checkDatabaseFile(file);
  });

  bench(
    'checked backup (db.backup + integrity_check + rename)',
    async () => {
      await writeBackup(db, join(dir, 'backups'), {
        kind: 'manual',
        now: new Date(now().getTime() + n++),
      });
    },
    { iterations: 3 },
  );
});
