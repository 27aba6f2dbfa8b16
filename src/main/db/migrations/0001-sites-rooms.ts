import type { Migration } from './types';

/** Sites, buildings, floors and rooms, with the log of manual status changes. */
export const sitesAndRooms: Migration = {
  version: 1,
  name: 'sites-rooms',
  up: (db) => {
    db.exec(`
      CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX sites_active_name ON sites(name) WHERE retired_at IS NULL;

      CREATE TABLE buildings (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX buildings_active_code ON buildings(site_id, code) WHERE retired_at IS NULL;

      CREATE TABLE floors (
        id INTEGER PRIMARY KEY,
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        level INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (id, building_id)
      ) STRICT;
      CREATE UNIQUE INDEX floors_active_level ON floors(building_id, level) WHERE retired_at IS NULL;

      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        floor_id INTEGER NOT NULL,
        building_id INTEGER NOT NULL,
        number TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 20),
        type TEXT NOT NULL CHECK (type IN ('single','double','family','accessible')),
        features TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(features)),
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'available' CHECK (status IN
          ('available','reserved','occupied','awaiting_disinfection','out_of_service')),
        status_reason TEXT,
        ever_used INTEGER NOT NULL DEFAULT 0 CHECK (ever_used IN (0,1)),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- A room's building is its floor's building: the composite key makes that impossible to break.
        FOREIGN KEY (floor_id, building_id) REFERENCES floors(id, building_id)
      ) STRICT;
      CREATE UNIQUE INDEX rooms_active_number ON rooms(building_id, number) WHERE retired_at IS NULL;
      CREATE INDEX rooms_floor ON rooms(floor_id);
      CREATE INDEX rooms_status ON rooms(status);

      CREATE TABLE room_status_log (
        id INTEGER PRIMARY KEY,
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        reason TEXT,
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX room_status_log_room ON room_status_log(room_id, id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
