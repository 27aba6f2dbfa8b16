import Database from 'better-sqlite3';
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isReadOnlyOpenFailure } from '../db/openReadOnly';
import { isDiskFullFailure } from '../db/diskFull';
import { makePrivate } from './dataDir';

/** SQLite's lock on this file is the folder's lock: the OS drops it when the holder dies. */
export const LOCK_FILE = 'desk.lock';
/** Beside it, who holds it: only for the refusal message, never trusted as the lock itself. */
export const HOLDER_FILE = 'desk.lock.json';

const holderSchema = z.object({
  pid: z.number(),
  shell: z.string(),
  startedAt: z.string(),
  host: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

/** Another process (or another core in this one) has the data folder open. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      `The data folder ${dataDir} is already open` +
        (holder
          ? ` in the ${holder.shell} shell (process ${holder.pid} on ${holder.host}, since ${holder.startedAt})`
          : ' in another process') +
        '. Close it there first: one program owns a data folder at a time.',
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * fcntl locks belong to the process, so two cores in one process would not shut each other out
 * through the OS: this registry does it for them.
 */
const heldHere = new Set<string>();

function readHolder(dataDir: string): LockHolder | null {
  try {
    return holderSchema.parse(JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')));
  } catch {
    return null;
  }
}

const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown }).code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_BUSY');

/**
 * Takes the data folder for this process, or throws DataFolderInUseError naming the holder. The
 * lock is an empty SQLite file with an exclusive transaction held open: its OS lock (fcntl,
 * LockFileEx) lasts while the connection is open and is released by the OS when the process ends,
 * even by kill -9. A folder that may not be written is not locked: a read-only copy is opened
 * there, and nothing can be lost from it.
 */
export function lockDataFolder(
  dataDir: string,
  shell: string,
  options: { nativeBinding?: string } = {},
): FolderLock {
  const key = realpathSync(dataDir);
  if (heldHere.has(key)) throw new DataFolderInUseError(dataDir, readHolder(dataDir));
  let db: Database.Database;
  try {
    db = new Database(join(dataDir, LOCK_FILE), {
      nativeBinding: options.nativeBinding,
      timeout: 0,
    });
  } catch (error) {
    if (isReadOnlyOpenFailure(error)) return { release: () => undefined };
    throw error;
  }
  try {
    makePrivate(join(dataDir, LOCK_FILE));
    db.pragma('locking_mode = EXCLUSIVE');
    // Written once, while the disk has room: an empty file's first transaction must write its
    // first page, a file with one need not.
    db.exec('CREATE TABLE IF NOT EXISTS held (x)');
    // An exclusive transaction left open: the lock, without writing a byte (a full disk locks too).
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataFolderInUseError(dataDir, readHolder(dataDir));
    // Nothing can be written here: the desk opens a read-only copy, so nothing can be lost.
    if (isReadOnlyOpenFailure(error) || isDiskFullFailure(error))
      return { release: () => undefined };
    throw error;
  }
  heldHere.add(key);
  const holder: LockHolder = {
    pid: process.pid,
    shell,
    startedAt: new Date().toISOString(),
    host: hostname(),
  };
  try {
    writeFileSync(join(dataDir, HOLDER_FILE), JSON.stringify(holder), { mode: 0o600 });
  } catch {
    // Only the message's detail; the lock holds without it.
  }
  return {
    release: () => {
      if (!db.open) return;
      rmSync(join(dataDir, HOLDER_FILE), { force: true });
      db.close();
      heldHere.delete(key);
    },
  };
}
