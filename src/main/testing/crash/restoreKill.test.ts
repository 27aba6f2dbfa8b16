import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../platform/dataDir';
import { verifyAuditChain } from '../../accounts/audit';
import { defaultBackupFolder } from '../../backups/backupSettings';
import { allRows, allRowsOfFile, seedDataDir, startTestCore } from '../backupTesting';
import { makeTempDir, TEST_NOW } from '../tempDb';
import { buildWriter } from './harness';

const REPO = resolve(__dirname, '../../../..');
/** The restore's steps (see restorer.ts): two while preparing the copy, six in the swap. */
const STEPS = 8;
/** Steps after which the marker exists: from there on the restore must go forward. */
const FIRST_STEP_AFTER_MARKER = 3;

type Rows = Record<string, string[]>;
const without = (rows: Rows, ...tables: string[]): Rows =>
  Object.fromEntries(Object.entries(rows).filter(([table]) => !tables.includes(table)));
/** The restore's own row (the call's row, "backups.restore" without detail, is in the old data). */
const restoreRows = (rows: Rows): string[] =>
  rows.audit_log!.filter((row) =>
    ((JSON.parse(row) as { detail: string | null }).detail ?? '').startsWith('Restored from'),
  );

function runRestorer(
  bundle: string,
  dataDir: string,
  name: string,
  stopAt: number,
): Promise<{ how: NodeJS.Signals | number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bundle, dataDir, name, String(stopAt)], {
    env: { ...process.env, ISD_CRASH_WRITER: '1', NODE_PATH: join(REPO, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) =>
    child.on('exit', (code, signal) => done({ how: signal ?? code, stdout, stderr })),
  );
}

describe('a restore killed (SIGKILL) after each of its steps, then started again', () => {
  const temp = makeTempDir();
  const template = join(temp.dir, 'template');
  let bundle: string;
  let backupName: string;
  let before: Rows;
  let backup: Rows;

  beforeAll(async () => {
    bundle = await buildWriter(join(temp.dir, 'out'), 'restorer');
    seedDataDir(template);
    const tc = await startTestCore(template);
    // An hour earlier than the restorer's clock: its own backups never take this name.
    tc.clock.now = new Date(TEST_NOW.getTime() - 3_600_000);
    backupName = (await tc.core.backups.backup(tc.core.db, 'manual')).name;
    // After the backup: the data now differs from it, so either outcome can be told apart.
    tc.core.db.prepare("INSERT INTO settings (key, value) VALUES ('restore-kill', 'old')").run();
    tc.core.close();
    before = allRowsOfFile(join(template, DATABASE_FILE));
    backup = allRowsOfFile(join(defaultBackupFolder(template), backupName));
  }, 60_000);
  afterAll(() => temp.remove());

  it('finds the old data or the backup, whole, never an empty desk; the restore audited when it took effect', async () => {
    const outcomes: string[] = [];
    for (let stopAt = 1; stopAt <= STEPS + 1; stopAt++) {
      const dir = join(temp.dir, `kill-${stopAt}`);
      cpSync(template, dir, { recursive: true });
      const run = await runRestorer(bundle, dir, backupName, stopAt);
      if (stopAt <= STEPS) expect(run.how, `${stopAt}: ${run.stderr}`).toBe('SIGKILL');
      else
        expect(run, 'the restore runs to its end').toMatchObject({ how: 0, stdout: `${STEPS}\n` });

      const tc = await startTestCore(dir);
      try {
        expect(tc.core.damage, `killed after step ${stopAt}`).toBeNull();
        expect(tc.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = allRows(tc.core.db);
        const restored = stopAt >= FIRST_STEP_AFTER_MARKER;
        if (restored) {
          expect(without(rows, 'audit_log'), `${stopAt}: the backup's data`).toEqual(
            without(backup, 'audit_log'),
          );
          expect(restoreRows(rows), `${stopAt}: the restore's own audit row`).toHaveLength(1);
          // The backup's trail, then what the data before had written since (carried), then
          // the restore's own row, last; and the chain walks clean.
          const trail = new Set(rows.audit_log);
          expect(backup.audit_log!.filter((row) => !trail.has(row))).toEqual([]);
          expect(trail.size).toBeGreaterThan(backup.audit_log!.length + 1);
          const last = tc.core.db
            .prepare('SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1')
            .pluck()
            .get() as string;
          expect(last).toMatch(/^Restored from .*were carried over/);
          expect(verifyAuditChain(tc.core.db)).toMatchObject({ ok: true, count: trail.size });
        } else {
          // The child's sign-in moved the pending audit into the trail and set its last sign-in.
          const audit = ['audit_log', 'audit_pending', 'users'];
          expect(without(rows, ...audit), `${stopAt}: the old data`).toEqual(
            without(before, ...audit),
          );
          expect(restoreRows(rows)).toEqual([]);
        }
        expect(readdirSync(dir).filter((name) => name.startsWith(DATABASE_FILE))).toEqual([
          DATABASE_FILE,
          `${DATABASE_FILE}-shm`,
          `${DATABASE_FILE}-wal`,
        ]);
        outcomes.push(restored ? 'backup' : 'old');
      } finally {
        tc.core.close();
      }
    }
    expect(outcomes).toEqual([...Array(2).fill('old'), ...Array(STEPS - 1).fill('backup')]);
  }, 120_000);
});
