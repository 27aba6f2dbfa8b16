import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { assertNotFromFuture, schemaVersion } from './migrate';
import { SCHEMA_VERSION } from './migrations';
import type { Db, OpenOptions } from './open';

/** The data file cannot be opened for writing, and is older than this app: it cannot be read as is. */
export class ReadOnlyTooOldError extends Error {
  constructor(readonly fileVersion: number) {
    super(
      `The data folder is read-only and its file (schema version ${fileVersion}) must be upgraded ` +
        `to version ${SCHEMA_VERSION} before this app can use it. Restore write access and start again.`,
    );
    this.name = 'ReadOnlyTooOldError';
  }
}

/** Whether opening failed because the file or its folder may not be written. */
export function isReadOnlyOpenFailure(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_READONLY') ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS')
  );
}

/**
 * Opens a copy of the file (and of its -wal, which holds the last committed writes if the app
 * stopped abruptly) in a temporary folder. SQLite cannot read a WAL database in a folder where it
 * may not create its -shm file, so this is how a write-protected data folder stays readable. The
 * copy itself is writable so that signing in (which counts attempts and audits) works; the router,
 * told `readOnly`, refuses every other write. `remove` deletes the copy once it is closed.
 */
export function openReadOnlyCopy(
  file: string,
  options: OpenOptions = {},
): { db: Db; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'isd-read-only-'));
  const copy = join(dir, basename(file));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let db: Db | undefined;
  try {
    for (const suffix of existsSync(`${file}-wal`) ? ['', '-wal'] : ['']) {
      copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
      // The copy keeps the original's mode: a write-protected file would make a read-only copy.
      chmodSync(`${copy}${suffix}`, 0o600);
    }
    db = new Database(copy, { nativeBinding: options.nativeBinding });
    assertNotFromFuture(db);
    const version = schemaVersion(db);
    if (version !== SCHEMA_VERSION) throw new ReadOnlyTooOldError(version);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    return { db, remove };
  } catch (error) {
    db?.close();
    remove();
    throw error;
  }
}
