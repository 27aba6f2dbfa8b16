import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/** Triggers and indexes whose SQL names `people`, as the file holds them (capture ones aside). */
function dependents(db: Parameters<Migration['up']>[0]): { name: string; sql: string }[] {
  return db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master
       WHERE type IN ('trigger', 'index') AND sql IS NOT NULL
         AND (tbl_name = 'people' OR sql LIKE '%people%') AND name NOT LIKE 'people_capture_%'`,
    )
    .all();
}

/**
 * What the district's arrivals lists carry: a passport or permit holder's birth date may be
 * unknown (district lists often have no birth-date column), and the person keeps where they came
 * from as the list writes it (来源街道 / 来源地), their registered residence (户籍地) and the train
 * or flight they came by (车次/航班). SQLite cannot drop a NOT NULL: the table is rebuilt by its own
 * procedure (new table, copy, drop, rename); the triggers and indexes that name it are dropped
 * first and put back as they were, and the audit's capture triggers rebuilt for the new columns.
 */
export const peopleArrivalDetails: Migration = {
  version: 13,
  name: 'people-arrival-details',
  up: (db) => {
    const kept = dependents(db);
    for (const d of kept) {
      const kind = /^\s*CREATE\s+(UNIQUE\s+)?INDEX/i.test(d.sql) ? 'INDEX' : 'TRIGGER';
      db.exec(`DROP ${kind} ${d.name}`);
    }
    db.exec(`
      CREATE TABLE people_new (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male','female')),
        birth_date TEXT,
        document_type TEXT NOT NULL CHECK (document_type IN ('resident_id','passport','hk_macau_permit','taiwan_permit','other')),
        document_number TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('close_contact','secondary_contact','high_risk_area','inbound','other')),
        origin_id INTEGER REFERENCES origins(id),
        pregnant INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0,1)),
        chronic_illness INTEGER NOT NULL DEFAULT 0 CHECK (chronic_illness IN (0,1)),
        disability INTEGER NOT NULL DEFAULT 0 CHECK (disability IN (0,1)),
        emergency_contact TEXT NOT NULL DEFAULT '',
        emergency_phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        origin_place TEXT NOT NULL DEFAULT '',
        registered_residence TEXT NOT NULL DEFAULT '',
        travel TEXT NOT NULL DEFAULT '',
        UNIQUE (document_type, document_number)
      ) STRICT;
      INSERT INTO people_new (id, full_name, gender, birth_date, document_type, document_number, phone,
        category, origin_id, pregnant, chronic_illness, disability, emergency_contact, emergency_phone,
        notes, created_at, updated_at)
      SELECT id, full_name, gender, birth_date, document_type, document_number, phone,
        category, origin_id, pregnant, chronic_illness, disability, emergency_contact, emergency_phone,
        notes, created_at, updated_at FROM people;
      DROP TABLE people;
      ALTER TABLE people_new RENAME TO people;
    `);
    for (const d of kept) db.exec(d.sql);
    installChangeCapture(db, 'people');
  },
};
