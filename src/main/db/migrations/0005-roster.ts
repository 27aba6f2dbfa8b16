import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * Staff, their unavailability, posts and the shifts each post runs, roster periods (draft →
 * published, with a version) and their assignments, and the log of changes made after publishing.
 * Assignment instants are stored (UTC) beside the site day and shift, so overlap and rest checks
 * are plain comparisons, midnight-crossing shifts included.
 */
export const roster: Migration = {
  version: 5,
  name: 'roster',
  up: (db) => {
    db.exec(`
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('doctor','nurse','security','cleaning','logistics','coordinator','community','driver','other')),
        unit TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills) AND json_type(skills) = 'array'),
        max_hours_week INTEGER NOT NULL DEFAULT 48 CHECK (max_hours_week BETWEEN 1 AND 168),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff_unavailability (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX staff_unavailability_staff ON staff_unavailability(staff_id, starts_at);

      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        name TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array' AND json_array_length(roles) > 0),
        head_count INTEGER NOT NULL CHECK (head_count BETWEEN 1 AND 50),
        sort_order INTEGER NOT NULL DEFAULT 0,
        retired_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX posts_active_name ON posts(site_id, name) WHERE retired_at IS NULL;

      CREATE TABLE shift_templates (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        name TEXT NOT NULL,
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        retired_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE post_shifts (
        post_id INTEGER NOT NULL REFERENCES posts(id),
        template_id INTEGER NOT NULL REFERENCES shift_templates(id),
        PRIMARY KEY (post_id, template_id)
      ) STRICT;

      CREATE TABLE roster_periods (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','published')),
        version INTEGER NOT NULL DEFAULT 0,
        published_at TEXT,
        published_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK (ends_on >= starts_on),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX roster_periods_start ON roster_periods(site_id, starts_on);

      CREATE TABLE roster_assignments (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES roster_periods(id),
        post_id INTEGER NOT NULL REFERENCES posts(id),
        template_id INTEGER NOT NULL REFERENCES shift_templates(id),
        day TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (ends_at > starts_at),
        UNIQUE (post_id, template_id, day, staff_id)
      ) STRICT;
      CREATE INDEX roster_assignments_staff ON roster_assignments(staff_id, starts_at);
      CREATE INDEX roster_assignments_period ON roster_assignments(period_id, day);

      CREATE TABLE roster_changes (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES roster_periods(id),
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('assign','unassign','swap')),
        post_id INTEGER NOT NULL REFERENCES posts(id),
        template_id INTEGER NOT NULL REFERENCES shift_templates(id),
        day TEXT NOT NULL,
        from_staff_id INTEGER REFERENCES staff(id),
        to_staff_id INTEGER REFERENCES staff(id),
        reason TEXT NOT NULL,
        changed_by INTEGER REFERENCES users(id),
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_changes_period ON roster_changes(period_id, id);
    `);
    for (const table of [
      'staff',
      'staff_unavailability',
      'posts',
      'shift_templates',
      'post_shifts',
      'roster_periods',
      'roster_assignments',
      'roster_changes',
    ]) {
      installChangeCapture(db, table);
    }
  },
};
