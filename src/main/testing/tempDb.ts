import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas, openDatabase, type Db } from '../db/open';
import type { Role } from '../../shared/permissions';
import {
  LOCAL_DEVICE,
  memoryHandle,
  SessionStore,
  type SessionHandle,
} from '../accounts/sessionStore';
import { SignInAttempts } from '../accounts/signInAttempts';
import type { HandlerContext, SessionControl } from '../services/context';
import type { Handlers } from '../ipc/handlers';
import { createRouter, type Logger, type Router, type RouterOptions } from '../ipc/router';
import { hashPassword } from '../accounts/passwords';
import { DomainError } from '../services/errors';

/** The fixed clock every test context runs on. */
export const TEST_NOW = new Date('2026-11-29T08:00:00Z');

/** A fresh directory under the OS temp dir, removed by the returned `remove()`. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'isd-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A database file with the app's pragmas and no schema yet, for a migration test to bring to the
 * version it starts from; `close()` closes it and deletes the temp directory.
 */
export function makeUnmigratedDb(): { db: Db; dir: string; close: () => void } {
  const { dir, remove } = makeTempDir();
  const db = new Database(join(dir, 'desk.sqlite'));
  applyPragmas(db);
  return {
    db,
    dir,
    close: () => {
      db.close();
      remove();
    },
  };
}

export interface TestContext {
  ctx: HandlerContext;
  file: string;
  dir: string;
  /** Closes the database and deletes the temp directory; safe to call twice. */
  close: () => void;
}

/** A real, migrated database file in a fresh temp directory, with a fixed clock. */
export function makeTestContext(): TestContext {
  const { dir, remove } = makeTempDir();
  const file = join(dir, 'desk.sqlite');
  const db = openDatabase(file);
  const ctx: HandlerContext = {
    db,
    now: () => new Date(TEST_NOW),
    shell: 'browser',
    version: '0.0.0-test',
    dataDir: dir,
    actor: null,
    session: inertSession,
    platform: {},
    signIns: new SignInAttempts(),
  };
  return {
    ctx,
    file,
    dir,
    close: () => {
      if (db.open) db.close();
      remove();
    },
  };
}

/** For calling services directly: nobody is signed in and nothing can sign in. */
export const inertSession: SessionControl = {
  state: () => 'signedOut',
  start: () => undefined,
  end: () => undefined,
  lock: () => undefined,
  unlock: () => undefined,
  endSessionsOf: () => undefined,
  device: LOCAL_DEVICE,
  id: () => null,
  list: () => [],
  endOther: () => undefined,
};

/** The password of every account made by addUser unless told otherwise. */
export const TEST_PASSWORD = 'quarantine-desk-test';
let cachedHash: string | undefined;

/**
 * An account straight in the database (scrypt at full cost takes a few hundred ms, so the hash of
 * TEST_PASSWORD is made once per test file).
 */
export function addUser(
  t: TestContext,
  username: string,
  roles: readonly Role[],
  disabled = false,
): number {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const at = TEST_NOW.toISOString();
  const { lastInsertRowid } = t.ctx.db
    .prepare(
      'INSERT INTO users (username, display_name, password_hash, disabled_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(username, username, cachedHash, disabled ? at : null, at, at);
  const id = Number(lastInsertRowid);
  for (const role of roles)
    t.ctx.db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, role);
  return id;
}

export interface TestRouter {
  router: Router;
  sessions: SessionStore;
  logger: ReturnType<typeof capturingLogger>;
  /** Moves the router's clock (idle lock and session limits). */
  clock: { now: Date };
  /** Signs in through the router and returns the caller's session handle. */
  signIn(username: string, password?: string): Promise<SessionHandle>;
}

/** The real router over the test database, with its own session store and a movable clock. */
export function makeTestRouter(
  t: TestContext,
  handlers?: Handlers,
  extra: Pick<RouterOptions, 'changes'> = {},
): TestRouter {
  const logger = capturingLogger();
  const sessions = new SessionStore(t.ctx.db, {
    onError: (message, error) => logger.error(message, error),
  });
  const clock = { now: new Date(TEST_NOW) };
  const router = createRouter({
    db: t.ctx.db,
    now: () => new Date(clock.now),
    sessions,
    logger,
    shell: 'browser',
    version: '0.0.0-test',
    dataDir: t.dir,
    ...(handlers ? { handlers } : {}),
    ...extra,
  });
  return {
    router,
    sessions,
    logger,
    clock,
    async signIn(username, password = TEST_PASSWORD) {
      const handle = memoryHandle();
      const result = await router.invoke('auth.login', { username, password }, handle);
      if (!result.ok) throw new Error(`Sign-in as ${username} failed: ${result.error.code}`);
      return handle;
    },
  };
}

/** A logger that keeps what it is given, for assertions. */
export function capturingLogger(): Logger & { entries: { message: string; error: unknown }[] } {
  const entries: { message: string; error: unknown }[] = [];
  return {
    entries,
    error(message, error) {
      entries.push({ message, error });
    },
  };
}

/**
 * Every table that stores rows (without SQLite's own): an index's virtual table (the names'
 * full-text index) is left out, its shadow tables hold what it stores.
 */
export function storedTables(db: Db): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
    )
    .pluck()
    .all() as string[];
}

/** Number of rows in a table (the name is ours, never user input). */
export function countRows(ctx: { db: HandlerContext['db'] }, table: string, where = '1'): number {
  return (
    ctx.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }
  ).n;
}

/** Runs `fn` and returns the DomainError it throws; anything else (or no throw) is rethrown as a failure. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown');
}
