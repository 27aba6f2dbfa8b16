import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * Roster assignments no longer keep `created_at`: when an assignment was made, and by whom, is in
 * the audit trail (its insert row), and nothing reads the column. At district scale it was 24
 * bytes of text on each of 500,000 assignments, about 12 MB of the 400 MB file budget, which the
 * record versions of migration 0015 had pushed to 403 MB.
 *
 * DROP COLUMN rewrites the table's rows (0.9 s for 500,000); an existing file keeps its size, the
 * room freed inside the table's pages taking later assignments, and a new one grows 12 MB less.
 * The capture triggers name the column, so they go first and are rebuilt from the columns left.
 */
export const leanRosterAssignments: Migration = {
  version: 18,
  name: 'lean-roster-assignments',
  up: (db) => {
    for (const op of ['insert', 'update', 'delete'])
      db.exec(`DROP TRIGGER roster_assignments_capture_${op}`);
    db.exec('ALTER TABLE roster_assignments DROP COLUMN created_at');
    installChangeCapture(db, 'roster_assignments');
  },
};
