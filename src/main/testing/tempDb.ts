import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import type { HandlerContext } from '../ipc/handlers';
import type { Logger } from '../ipc/router';
import { DomainError } from '../services/errors';

/** The fixed clock every test context runs on. */
export const TEST_NOW = new Date('2026-11-29T08:00:00Z');

/** A fresh directory under the OS temp dir, removed by the returned `remove()`. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'isd-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
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
