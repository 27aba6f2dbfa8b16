import { installChangeCapture } from '../changeCapture';
import { presentedReading, READING_PRESENTATION, type ReadingColumn } from '../readingColumns';
import type { Migration } from './types';

const msOf = (iso: string): string => `CAST(round(unixepoch(${iso}, 'subsec') * 1000) AS INTEGER)`;

/**
 * Readings, compact (see readingColumns.ts): at 3,000,000 readings the table and its three indexes
 * took 451 MB, two thirds of a district's database. Rebuilt by SQLite's own procedure (new table,
 * copy, drop, rename; migrate() runs it with foreign keys off and checks them before committing),
 * keeping every id, so fever cases still point at their readings.
 *
 * One unique index on (stay, day, slot) replaces three: it finds a stay's readings, and keeps one
 * reading per person per round (a re-check has no slot, and SQLite's NULLs never collide). A
 * re-check of a day is found through a small partial index; a round's readings are found person
 * by person through the first.
 */
export const compactReadings: Migration = {
  version: 9,
  name: 'compact-readings',
  up: (db) => {
    db.exec(`
      CREATE TABLE readings_compact (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays(id),
        round_day INTEGER NOT NULL CHECK (round_day BETWEEN 0 AND 100000),
        round_slot INTEGER CHECK (round_slot IS NULL OR round_slot BETWEEN 0 AND 5),
        temperature_tenths INTEGER NOT NULL CHECK (temperature_tenths BETWEEN 340 AND 425),
        symptoms TEXT CHECK (symptoms IS NULL OR (json_valid(symptoms)
          AND json_type(symptoms) = 'array' AND json_array_length(symptoms) > 0)),
        taken_at INTEGER NOT NULL CHECK (taken_at > 0),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at INTEGER CHECK (recorded_at IS NULL OR recorded_at > 0)
      ) STRICT;
      INSERT INTO readings_compact (id, stay_id, round_day, round_slot, temperature_tenths, symptoms,
                                    taken_at, recorded_by, recorded_at)
        SELECT id, stay_id, unixepoch(round_day) / 86400, round_slot, temperature_tenths,
               nullif(symptoms, '[]'), ${msOf('taken_at')}, recorded_by,
               nullif(${msOf('recorded_at')}, ${msOf('taken_at')})
        FROM readings ORDER BY id;
      DROP TABLE readings;
      ALTER TABLE readings_compact RENAME TO readings;
      CREATE UNIQUE INDEX readings_by_stay ON readings(stay_id, round_day, round_slot);
      CREATE INDEX readings_rechecks_by_day ON readings(round_day) WHERE round_slot IS NULL;
      CREATE VIEW reading_records AS
        SELECT ${presentedReading('r', Object.keys(READING_PRESENTATION) as ReadingColumn[])}
        FROM readings r;
    `);
    installChangeCapture(db, 'readings');
  },
};
