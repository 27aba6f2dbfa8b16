import type { PurgeCounts } from '../../shared/privacy';
import type { Db } from '../db/open';

/** A person already purged carries this document number (no real document can look like it). */
export const purgedDocument = (personId: number): string => `purged:${personId}`;

/** Rows hung on a stay: they go with it. */
const STAY_CHILDREN = [
  ['due_events', 'stay_events'],
  ['due_readings', 'readings'],
  ['due_fevers', 'fever_cases'],
  ['due_transfers', 'transfers'],
  ['due_flags', 'contact_flags'],
] as const;

/**
 * The rows a purge with this cutoff concerns, as temp tables of ids (`temp.due_*`; the temp
 * database never reaches the data file): residents every one of whose stays ended before the
 * cutoff, their stays and everything hung on them; inactive staff with no shift since the cutoff;
 * staff time off that ended before it; individual donors with no document since it.
 */
export function collectDue(db: Db, cutoff: string): void {
  dropDue(db);
  db.exec(`
    CREATE TEMP TABLE due_people (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_stays (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_events (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_readings (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_fevers (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_transfers (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_flags (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_staff (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_unavailability (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE due_donors (id INTEGER PRIMARY KEY);
  `);
  db.prepare(
    `INSERT INTO temp.due_people (id)
     SELECT p.id FROM people p
     WHERE p.document_number <> 'purged:' || p.id AND p.created_at < @cutoff
       AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.person_id = p.id
                       AND (s.checked_out_at IS NULL OR s.checked_out_at >= @cutoff))`,
  ).run({ cutoff });
  db.exec(
    'INSERT INTO temp.due_stays (id) SELECT s.id FROM stays s JOIN temp.due_people p ON p.id = s.person_id',
  );
  for (const [due, table] of STAY_CHILDREN) {
    db.exec(
      `INSERT INTO temp.${due} (id) SELECT c.id FROM ${table} c JOIN temp.due_stays s ON s.id = c.stay_id`,
    );
  }
  db.prepare(
    `INSERT INTO temp.due_staff (id)
     SELECT st.id FROM staff st
     WHERE st.active = 0 AND st.phone <> '' AND st.updated_at < @cutoff
       AND NOT EXISTS (SELECT 1 FROM roster_assignments a WHERE a.staff_id = st.id AND a.ends_at >= @cutoff)`,
  ).run({ cutoff });
  db.prepare(
    'INSERT INTO temp.due_unavailability (id) SELECT id FROM staff_unavailability WHERE ends_at < @cutoff',
  ).run({ cutoff });
  db.prepare(
    `INSERT INTO temp.due_donors (id)
     SELECT sp.id FROM stock_parties sp
     WHERE sp.kind = 'individual' AND (sp.contact <> '' OR sp.phone <> '')
       AND NOT EXISTS (SELECT 1 FROM stock_documents d WHERE d.party_id = sp.id AND d.occurred_at >= @cutoff)`,
  ).run({ cutoff });
}

export function dropDue(db: Db): void {
  for (const t of [
    'people',
    'stays',
    'events',
    'readings',
    'fevers',
    'transfers',
    'flags',
    'staff',
    'unavailability',
    'donors',
  ]) {
    db.exec(`DROP TABLE IF EXISTS temp.due_${t}`);
  }
}

/**
 * Audit entries that carry personal values of the due rows: every value of a resident's rows and
 * of time off that goes; only the phone of staff, only contact and phone of donors.
 */
export const AUDIT_SCOPES: readonly { entity: string; due: string; fields: 'all' | string[] }[] = [
  { entity: 'person', due: 'due_people', fields: 'all' },
  { entity: 'stay', due: 'due_stays', fields: 'all' },
  { entity: 'stay_event', due: 'due_events', fields: 'all' },
  { entity: 'reading', due: 'due_readings', fields: 'all' },
  { entity: 'fever_case', due: 'due_fevers', fields: 'all' },
  { entity: 'transfer', due: 'due_transfers', fields: 'all' },
  { entity: 'contact_flag', due: 'due_flags', fields: 'all' },
  { entity: 'staff_unavailability', due: 'due_unavailability', fields: 'all' },
  { entity: 'staff', due: 'due_staff', fields: ['phone'] },
  { entity: 'stock_party', due: 'due_donors', fields: ['contact', 'phone'] },
];

/** Ids of the audit entries to redact, with the fields of each (call after collectDue). */
export function auditEntriesDue(db: Db): Map<number, 'all' | string[]> {
  const due = new Map<number, 'all' | string[]>();
  for (const scope of AUDIT_SCOPES) {
    const ids = db
      .prepare<[string], number>(
        `SELECT a.id FROM audit_log a JOIN temp.${scope.due} d ON d.id = a.entity_id WHERE a.entity = ?`,
      )
      .pluck()
      .all(scope.entity);
    for (const id of ids) due.set(id, scope.fields);
  }
  return due;
}

const count = (db: Db, table: string): number =>
  db.prepare(`SELECT count(*) FROM temp.${table}`).pluck().get() as number;

export function dueCounts(db: Db, auditEntries: number): PurgeCounts {
  return {
    people: count(db, 'due_people'),
    stays: count(db, 'due_stays'),
    stayEvents: count(db, 'due_events'),
    readings: count(db, 'due_readings'),
    feverCases: count(db, 'due_fevers'),
    transfers: count(db, 'due_transfers'),
    contactFlags: count(db, 'due_flags'),
    staffPhones: count(db, 'due_staff'),
    staffUnavailability: count(db, 'due_unavailability'),
    donorContacts: count(db, 'due_donors'),
    auditEntries,
  };
}
