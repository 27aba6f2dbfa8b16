import type { Migration } from './types';

/**
 * Signed-in devices, so that a restart of the host keeps the other PCs signed in. A session is
 * known by the SHA-256 of its token, never the token: a copy of the file (a backup) opens no
 * session. Not captured for the audit: signing in and out, locking and ending a session are
 * audited by their methods, and a row per "last active" update would flood the trail. A restore
 * empties the table (prepareIncoming). No foreign key to users: ending a session never has to
 * wait for an account, and a removed account's sessions are refused by the router anyway.
 */
export const sessions: Migration = {
  version: 16,
  name: 'sessions',
  up: (db) => {
    db.exec(`
      CREATE TABLE sessions (
        token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
        user_id INTEGER NOT NULL,
        address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 64),
        user_agent TEXT NOT NULL CHECK (length(user_agent) <= 256),
        via TEXT NOT NULL CHECK (via IN ('local', 'host')),
        started_at INTEGER NOT NULL,
        last_active_at INTEGER NOT NULL,
        locked INTEGER NOT NULL CHECK (locked IN (0, 1))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
