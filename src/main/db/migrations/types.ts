import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … in order, never reused. A shipped migration is never edited: add a new one. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
