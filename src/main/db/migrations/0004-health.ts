import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * Temperature readings (round and re-check), fever cases, hospital transfers and the roommates a
 * transfer flags. Temperatures are whole tenths of a degree (373 = 37.3 °C), never floats.
 */
export const health: Migration = {
  version: 4,
  name: 'health',
  up: (db) => {
    db.exec(`
      CREATE TABLE readings (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays(id),
        kind TEXT NOT NULL CHECK (kind IN ('round','recheck')),
        round_day TEXT NOT NULL,
        round_slot INTEGER CHECK (round_slot IS NULL OR round_slot BETWEEN 0 AND 5),
        temperature_tenths INTEGER NOT NULL CHECK (temperature_tenths BETWEEN 340 AND 425),
        symptoms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(symptoms) AND json_type(symptoms) = 'array'),
        taken_at TEXT NOT NULL,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK ((kind = 'round') = (round_slot IS NOT NULL))
      ) STRICT;
      -- One round reading per person per round; a correction updates it (the audit keeps the old value).
      CREATE UNIQUE INDEX readings_one_per_round ON readings(stay_id, round_day, round_slot) WHERE kind = 'round';
      CREATE INDEX readings_round ON readings(round_day, round_slot);
      CREATE INDEX readings_stay ON readings(stay_id, taken_at);

      CREATE TABLE fever_cases (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays(id),
        reading_id INTEGER NOT NULL REFERENCES readings(id),
        opened_at TEXT NOT NULL,
        recheck_due_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open','cleared','transferred')),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        note TEXT,
        CHECK ((status = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX fever_cases_one_open ON fever_cases(stay_id) WHERE status = 'open';
      CREATE INDEX fever_cases_opened ON fever_cases(opened_at);

      CREATE TABLE transfers (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL UNIQUE REFERENCES stays(id),
        fever_case_id INTEGER REFERENCES fever_cases(id),
        hospital TEXT NOT NULL,
        departed_at TEXT NOT NULL,
        escort TEXT NOT NULL,
        vehicle TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE contact_flags (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays(id),
        transfer_id INTEGER NOT NULL REFERENCES transfers(id),
        observation_restarted INTEGER NOT NULL CHECK (observation_restarted IN (0,1)),
        created_at TEXT NOT NULL,
        UNIQUE (stay_id, transfer_id)
      ) STRICT;
    `);
    for (const table of ['readings', 'fever_cases', 'transfers', 'contact_flags']) {
      installChangeCapture(db, table);
    }
  },
};
