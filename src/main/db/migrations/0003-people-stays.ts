import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/** Streets and communities named in the Chongchuan district bulletin (shared/seed). */
const ORIGINS: [string, string][] = [
  ['和平桥街道', ''],
  ['和平桥街道', '濠西社区'],
  ['和平桥街道', '八厂社区'],
  ['城东街道', ''],
  ['城东街道', '板桥社区'],
  ['城东街道', '小石桥社区'],
  ['虹桥街道', ''],
  ['虹桥街道', '跃龙社区'],
  ['虹桥街道', '光明社区'],
  ['狼山镇街道', ''],
  ['狼山镇街道', '三角桥社区'],
  ['狼山镇街道', '狼山社区'],
  ['学田街道', ''],
  ['学田街道', '果园社区'],
  ['学田街道', '学田北苑社区'],
  ['任港街道', ''],
  ['任港街道', '南通港社区'],
  ['文峰街道', ''],
  ['新城桥街道', ''],
  ['观音山街道', ''],
  ['观音山街道', '新胜社区'],
  ['钟秀街道', ''],
  ['钟秀街道', '濠东社区'],
];

/** People, arrival batches, stays with their events, disinfection records; the origin list. */
export const peopleAndStays: Migration = {
  version: 3,
  name: 'people-stays',
  up: (db) => {
    db.exec(`
      CREATE TABLE origins (
        id INTEGER PRIMARY KEY,
        street TEXT NOT NULL,
        community TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        UNIQUE (street, community)
      ) STRICT;

      CREATE TABLE arrival_batches (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        label TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        expected_count INTEGER CHECK (expected_count IS NULL OR expected_count BETWEEN 1 AND 2000),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male','female')),
        birth_date TEXT NOT NULL,
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
        UNIQUE (document_type, document_number)
      ) STRICT;

      CREATE TABLE stays (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        batch_id INTEGER REFERENCES arrival_batches(id),
        household TEXT,
        room_id INTEGER REFERENCES rooms(id),
        status TEXT NOT NULL CHECK (status IN ('registered','active','released','transferred','checked_out')),
        check_in_at TEXT,
        last_exposure_date TEXT,
        observation_days INTEGER NOT NULL CHECK (observation_days BETWEEN 1 AND 60),
        observation_end TEXT,
        checked_out_at TEXT,
        checkout_kind TEXT CHECK (checkout_kind IS NULL OR checkout_kind IN ('release','transfer','other')),
        hospital TEXT,
        checkout_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'active') = (room_id IS NOT NULL AND check_in_at IS NOT NULL AND checked_out_at IS NULL) OR status <> 'active')
      ) STRICT;
      -- One open stay per person: a second registration names the first.
      CREATE UNIQUE INDEX stays_one_open_per_person ON stays(person_id) WHERE status IN ('registered','active');
      CREATE INDEX stays_active_room ON stays(room_id) WHERE status = 'active';
      CREATE INDEX stays_batch ON stays(batch_id);

      CREATE TABLE stay_events (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays(id),
        kind TEXT NOT NULL CHECK (kind IN ('check_in','move','extend','check_out')),
        at TEXT NOT NULL,
        from_room_id INTEGER REFERENCES rooms(id),
        to_room_id INTEGER REFERENCES rooms(id),
        days INTEGER,
        reason TEXT
      ) STRICT;
      CREATE INDEX stay_events_stay ON stay_events(stay_id, id);

      CREATE TABLE disinfections (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        operator TEXT NOT NULL,
        performed_at TEXT NOT NULL,
        agent TEXT NOT NULL,
        concentration TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX disinfections_room ON disinfections(room_id, id);
    `);
    const insert = db.prepare('INSERT INTO origins (street, community) VALUES (?, ?)');
    for (const [street, community] of ORIGINS) insert.run(street, community);
    for (const table of [
      'origins',
      'arrival_batches',
      'people',
      'stays',
      'stay_events',
      'disinfections',
    ]) {
      installChangeCapture(db, table);
    }
  },
};
