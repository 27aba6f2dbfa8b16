import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

/** The file was written by a newer version of the app: we refuse to touch it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This data file has schema version ${fileVersion}, but this version of Isolation Site Desk ` +
        `only knows up to ${appVersion}. Install the newer version of the app; the file was not changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotFromFuture(db: Database, known: number = MIGRATIONS.length): void {
  const current = schemaVersion(db);
  if (current > known) throw new DatabaseTooNewError(current, known);
}

/** Applies every pending migration in one immediate transaction; all or nothing. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} is out of order`);
  });
  const target = migrations.length;
  assertNotFromFuture(db, target);
  const current = schemaVersion(db);
  if (current === target) return current;

  // A migration may rebuild a table by SQLite's own procedure (new table, copy, drop, rename):
  // with foreign keys on, the drop would delete the referenced rows or be refused. They are off
  // for the migration (the pragma is ignored inside a transaction) and checked before it commits.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of migrations.slice(current)) m.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`The migration would leave ${broken.length} broken references`);
      }
      // PRAGMA cannot be parameterised; the value is an integer we computed.
      db.pragma(`user_version = ${target}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return target;
}

/** Above this share of free pages after migrating, the file is rewritten. */
const MOSTLY_FREE = 0.25;

/**
 * A migration that rebuilds a big table (0009: the readings) leaves the old pages free: SQLite
 * reuses them, but the file keeps its size. When more than a quarter of the file is free, VACUUM
 * rewrites it once from the live rows (about 4 s for a district's 3,000,000 readings). Outside any
 * transaction; returns whether it ran.
 */
export function compactIfMostlyFree(db: Database): boolean {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (pages === 0 || free / pages <= MOSTLY_FREE) return false;
  db.exec('VACUUM');
  return true;
}
