import type { Db } from './open';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending checkpoint must not keep a shell (or a test) alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface IdleCheckpointer {
  /** A write committed: checkpoint once the desk has been quiet for `idleMs`. */
  noteWrite(): void;
  /** Stops the timer (the final checkpoint is `checkpointNow` on close). */
  stop(): void;
}

/**
 * Folds the WAL back into the database file and truncates it. Never waits for another process's
 * readers: with them present it does what it can and the next idle period finishes the job.
 * Returns whether the whole log was folded in.
 */
export function checkpointNow(db: Db): boolean {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return row?.busy === 0;
  } catch {
    // Another connection is mid-write (SQLITE_BUSY): nothing lost, the next idle period retries.
    return false;
  } finally {
    db.pragma(`busy_timeout = ${Number(previous)}`);
  }
}

/**
 * Checkpoints after `idleMs` without writes, so that a busy day's log does not stay on disk (SQLite's
 * own auto-checkpoint runs only when a write pushes the log past 1000 pages, and never truncates).
 */
export function idleCheckpointer(db: Db, idleMs = 30_000, timers = realTimers): IdleCheckpointer {
  let pending: unknown = null;
  const stop = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return {
    noteWrite: () => {
      stop();
      pending = timers.setTimeout(() => {
        pending = null;
        if (db.open) checkpointNow(db);
      }, idleMs);
    },
    stop,
  };
}
