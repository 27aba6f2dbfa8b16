import type { Migration } from './types';

/**
 * Writes already applied, by the operation id the renderer made for the submission: a retry after
 * a lost answer finds its id here and gets the first result instead of writing twice. Kept only
 * for a week (the router prunes it), and not captured for the audit: the write it records already
 * is. No foreign key to users, so that removing an account never has to touch this table.
 */
export const appliedOperations: Migration = {
  version: 7,
  name: 'applied-operations',
  up: (db) => {
    db.exec(`
      CREATE TABLE applied_operations (
        op_id TEXT NOT NULL PRIMARY KEY CHECK (length(op_id) BETWEEN 8 AND 64),
        method TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        result_json TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX applied_operations_at ON applied_operations(at);
    `);
  },
};
