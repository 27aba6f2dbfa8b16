import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { makePrivate, makePrivateFolder } from '../platform/dataDir';
import { sidecarsOf } from './replaceFile';
import { assertNotFromFuture, compactIfMostlyFree, migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron uses its own). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the one database file and brings its schema up to date.
 * A file from a newer app version throws DatabaseTooNewError before anything is written.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  makePrivateFolder(dirname(file));
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    // SQLite gives the -wal and -shm it creates the database file's permissions.
    if (!options.readonly) for (const path of [file, ...sidecarsOf(file)]) makePrivate(path);
    // Before any pragma that writes (journal_mode rewrites the header): a newer file stays untouched.
    assertNotFromFuture(db);
    applyPragmas(db);
    if (!options.readonly) for (const path of sidecarsOf(file)) makePrivate(path);
    migrate(db);
    // After a migration or a purge, and at the next start if that compaction was cut short.
    if (!options.readonly) compactIfMostlyFree(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  // In WAL mode better-sqlite3 would otherwise run at NORMAL, which can lose the last
  // committed transaction on power loss. An isolation site's records are worth the fsync.
  db.pragma('synchronous = FULL');
  // After each checkpoint that empties the log, cut the -wal file back to 4 MB at most.
  db.pragma('journal_size_limit = 4194304');
}
