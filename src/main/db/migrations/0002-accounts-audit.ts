import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/** Accounts with roles, the append-only hash-chained audit log, and change capture feeding it. */
export const accountsAndAudit: Migration = {
  version: 2,
  name: 'accounts-audit',
  up: (db) => {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled_at TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_login_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('administrator','coordinator','medical','warehouse','viewer')),
        PRIMARY KEY (user_id, role)
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        username TEXT,
        method TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok','denied','failed')),
        entity TEXT,
        entity_id INTEGER,
        changes TEXT NOT NULL DEFAULT '{}',
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_user ON audit_log(user_id, id);
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE INDEX audit_log_method ON audit_log(method, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      -- INSERT OR REPLACE deletes without firing delete triggers: only new ids may be inserted.
      CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
        WHEN NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log)
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Filled by the capture triggers, emptied by the router in the same transaction.
      CREATE TABLE audit_pending (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        op TEXT NOT NULL,
        before TEXT,
        after TEXT
      ) STRICT;
    `);
    for (const table of [
      'sites',
      'buildings',
      'floors',
      'rooms',
      'room_status_log',
      'settings',
      'user_roles',
    ]) {
      installChangeCapture(db, table);
    }
    // Never copy a password hash into the audit trail (the method name says a password changed);
    // sign-in bookkeeping is audited as login events instead.
    installChangeCapture(db, 'users', [
      'password_hash',
      'failed_attempts',
      'locked_until',
      'last_login_at',
    ]);
  },
};
