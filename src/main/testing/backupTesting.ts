import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../app';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { openDatabase, type Db } from '../db/open';
import { DATABASE_FILE } from '../platform/dataDir';
import { drainCapturedChanges } from '../accounts/audit';
import { loadDemo } from '../accounts/demo';
import { hashPassword } from '../accounts/passwords';
import type { Timer } from '../backups/scheduler';
import { capturingLogger, makeTempDir, storedTables, TEST_NOW, TEST_PASSWORD } from './tempDb';

let cachedHash: string | undefined;

/** The demo site and one administrator, `admin` / TEST_PASSWORD, written into `db`. */
export function seedDemoWithAdmin(db: Db): void {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const at = TEST_NOW.toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM audit_pending').run();
    loadDemo({ db, now: () => new Date(TEST_NOW) });
    const { lastInsertRowid } = db
      .prepare(
        'INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run('admin', 'Admin', cachedHash, at, at);
    db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(
      Number(lastInsertRowid),
      'administrator',
    );
    drainCapturedChanges(db, { at, actor: null, method: 'test.seed' });
  }).immediate();
}

/** A data folder whose database holds the demo site and an administrator. */
export function seedDataDir(dataDir: string): string {
  const file = join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  try {
    seedDemoWithAdmin(db);
  } finally {
    db.close();
  }
  return file;
}

/** Every table, every row, sorted (so no rowid order is assumed): what "the same data" means. */
export function allRows(db: Db): Record<string, string[]> {
  const tables = storedTables(db);
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

/** The site's data: the audit trail grows with the restore itself, and a restore ends every session. */
export const dataRows = (rows: Record<string, string[]>) => ({
  ...rows,
  audit_log: [],
  sessions: [],
});

/** allRows of a file on disk (a backup), read-only. */
export function allRowsOfFile(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return allRows(db);
  } finally {
    db.close();
  }
}

/** A timer that never fires by itself: tests call `schedule.tick()`. */
export const manualTimer: Timer = { setInterval: () => 0, clearInterval: () => undefined };

export interface TestCore {
  core: Core;
  clock: { now: Date };
  logger: ReturnType<typeof capturingLogger>;
  signIn(username?: string): Promise<SessionHandle>;
}

/** A core on `dataDir` with a clock that stands still at `at` (TEST_NOW) until a test moves it. */
export async function startTestCore(
  dataDir: string,
  {
    at = TEST_NOW,
    ...extra
  }: Pick<CoreOptions, 'restoreStep' | 'onBackupChecked'> & { at?: Date } = {},
): Promise<TestCore> {
  const clock = { now: new Date(at) };
  const logger = capturingLogger();
  const core = await startCore({
    dataDir,
    shell: 'browser',
    logger,
    now: () => new Date(clock.now),
    timer: manualTimer,
    ...extra,
  });
  // The start backup runs in the background; tests begin once it is done.
  await core.startupBackup;
  return {
    core,
    clock,
    logger,
    async signIn(username = 'admin') {
      const handle = memoryHandle();
      const result = await core.router.invoke(
        'auth.login',
        { username, password: TEST_PASSWORD },
        handle,
      );
      if (!result.ok) throw new Error(`Sign-in failed: ${result.error.code}`);
      return handle;
    },
  };
}

/** A seeded data folder with a core over it and the administrator signed in. */
export interface SeededCore {
  dir: string;
  /** Replace it to restart the desk on the same folder; `close` closes whichever is current. */
  tc: TestCore;
  admin: SessionHandle;
  close(): void;
}

export async function seededCore(): Promise<SeededCore> {
  const { dir, remove } = makeTempDir();
  seedDataDir(dir);
  const tc = await startTestCore(dir);
  const seeded: SeededCore = {
    dir,
    tc,
    admin: await tc.signIn(),
    close: () => {
      seeded.tc.core.close();
      remove();
    },
  };
  return seeded;
}
