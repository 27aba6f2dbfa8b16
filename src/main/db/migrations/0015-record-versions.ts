import { installChangeCapture } from '../changeCapture';
import { presentedReading, READING_PRESENTATION, type ReadingColumn } from '../readingColumns';
import type { Migration } from './types';

/**
 * The records two desks may edit at once, each with the version its last write left: a write
 * based on an older version is refused (CONFLICT) instead of overwriting what another desk saved.
 * Every UPDATE of these tables sets `version = version + 1` itself (see services/versions.ts).
 *
 * ADD COLUMN with a constant default rewrites no row, so a district's millions of readings migrate
 * in the time of a schema change; the capture triggers are rebuilt to carry the new column, and
 * the readings view re-made to show it.
 */
export const VERSIONED_TABLES = [
  'rooms',
  'people',
  'stock_items',
  'roster_assignments',
  'readings',
] as const;

export const recordVersions: Migration = {
  version: 15,
  name: 'record-versions',
  up: (db) => {
    for (const table of VERSIONED_TABLES) {
      db.exec(
        `ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)`,
      );
      installChangeCapture(db, table);
    }
    db.exec(`
      DROP VIEW reading_records;
      CREATE VIEW reading_records AS
        SELECT ${presentedReading('r', Object.keys(READING_PRESENTATION) as ReadingColumn[])}, r.version
        FROM readings r;
    `);
  },
};
