import type { Database } from 'better-sqlite3';
import { READING_PRESENTATION } from './readingColumns';

/** Tables stored compactly: the audit shows their rows as the app presents them, not as stored. */
const PRESENTED: Partial<Record<string, Record<string, (row: string) => string>>> = {
  readings: READING_PRESENTATION,
};

/**
 * Row-level change capture for the audit trail: triggers copy each inserted, updated or deleted
 * row (as JSON, before and after) into `audit_pending`, which the router turns into audit rows
 * inside the same transaction. Every write is audited without each service having to remember.
 *
 * Call again after a migration changes a table's columns: the triggers are rebuilt from the
 * table's current columns.
 */
export function installChangeCapture(
  db: Database,
  table: string,
  exclude: readonly string[] = [],
): void {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Bad table name ${table}`);
  const presented = PRESENTED[table];
  const stored = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  // A stored column the presentation does not name (a row's version) is shown as stored.
  const columns = presented
    ? [...Object.keys(presented), ...stored.filter((c) => !Object.hasOwn(presented, c))]
    : stored;
  const valueOf = (row: 'OLD' | 'NEW', column: string): string =>
    presented?.[column]?.(row) ?? `${row}.${column}`;
  const json = (row: 'OLD' | 'NEW') =>
    `json_object(${columns
      .filter((c) => !exclude.includes(c))
      .map((c) => `'${c}', ${valueOf(row, c)}`)
      .join(', ')})`;
  for (const op of ['insert', 'update', 'delete'] as const) {
    db.exec(`DROP TRIGGER IF EXISTS ${table}_capture_${op}`);
  }
  db.exec(`
    CREATE TRIGGER ${table}_capture_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO audit_pending (tbl, row_id, op, before, after) VALUES ('${table}', NEW.rowid, 'insert', NULL, ${json('NEW')});
    END;
    CREATE TRIGGER ${table}_capture_update AFTER UPDATE ON ${table} BEGIN
      INSERT INTO audit_pending (tbl, row_id, op, before, after) VALUES ('${table}', NEW.rowid, 'update', ${json('OLD')}, ${json('NEW')});
    END;
    CREATE TRIGGER ${table}_capture_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO audit_pending (tbl, row_id, op, before, after) VALUES ('${table}', OLD.rowid, 'delete', ${json('OLD')}, NULL);
    END;
  `);
}
