/** setInterval/clearInterval, injectable so tests drive the schedule by hand. */
export interface Timer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimer: Timer = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    // A pending backup tick must not keep a closing process alive.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ScheduleOptions {
  now: () => Date;
  /** Changes whenever the data changes (see changeMark); compared, never interpreted. */
  changeMark: () => string;
  intervalMinutes: () => number;
  /** Takes one scheduled backup; false when it could not run (another was running). */
  backup: () => Promise<boolean>;
  timer?: Timer;
  /** How often to look; the interval itself comes from the setting. */
  tickMs?: number;
}

export interface Schedule {
  /** One look: backs up if the interval has passed and the data changed since the last one. */
  tick(): Promise<boolean>;
  /** Call after any backup taken outside the schedule (start, manual): the clock restarts. */
  backedUp(mark: string, at: Date): void;
  stop(): void;
}

/**
 * Every N minutes while data changed: an unchanged database is not backed up again, so a quiet
 * night does not push the day's good backups out of the rotation with identical copies.
 */
export function startBackupSchedule(options: ScheduleOptions): Schedule {
  const timer = options.timer ?? realTimer;
  let lastMark = options.changeMark();
  let lastAt = options.now().getTime();
  let busy = false;

  async function tick(): Promise<boolean> {
    if (busy) return false;
    const now = options.now();
    if (now.getTime() - lastAt < options.intervalMinutes() * 60_000) return false;
    const mark = options.changeMark();
    if (mark === lastMark) return false;
    busy = true;
    try {
      if (!(await options.backup())) return false;
      lastMark = mark;
      lastAt = now.getTime();
      return true;
    } finally {
      busy = false;
    }
  }

  const handle = timer.setInterval(
    () => void tick().catch(() => undefined),
    options.tickMs ?? 60_000,
  );
  return {
    tick,
    backedUp(mark, at) {
      lastMark = mark;
      lastAt = at.getTime();
    },
    stop: () => timer.clearInterval(handle),
  };
}

/**
 * What changed: `total_changes()` counts this connection's writes, `data_version` moves when
 * another connection commits. Together they change exactly when the data may have.
 */
export function changeMark(db: {
  prepare(sql: string): { get(): unknown };
  pragma(sql: string, o: { simple: true }): unknown;
}): string {
  const total = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${String(db.pragma('data_version', { simple: true }))}:${total}`;
}
