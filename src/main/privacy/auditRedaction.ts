import type { Db } from '../db/open';
import { GENESIS_HASH, rowHash, type AuditRow } from '../accounts/audit';

/** What a personal value in the audit trail becomes. */
export const REDACTED = '[已清除]';

const NO_UPDATE_TRIGGER = 'audit_log_no_update';
const BATCH = 5_000;

function redactChanges(changes: string, fields: 'all' | readonly string[]): string {
  const parsed = JSON.parse(changes) as Record<string, [unknown, unknown]>;
  const mark = (v: unknown) => (v === null ? null : REDACTED);
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(parsed).map(([k, pair]) =>
        fields === 'all' || fields.includes(k) ? [k, [mark(pair[0]), mark(pair[1])]] : [k, pair],
      ),
    ),
  );
}

type ChainRow = Omit<AuditRow, 'prev_hash' | 'hash'>;

/**
 * The one sanctioned edit of the append-only audit trail, inside the purge's transaction: the
 * personal values of the given entries are replaced by REDACTED (who, when, method, record and
 * which fields changed stay), and the hash chain is recomputed from the first of them so that
 * "verify" holds again. The no-update trigger is dropped for this and recreated from its own
 * stored SQL before the transaction ends; a failure anywhere rolls all of it back.
 * Returns the first resealed id and the chain head before the purge (the purge's audit entry
 * records it), or null when nothing needed redacting.
 */
export function redactAuditEntries(
  db: Db,
  due: ReadonlyMap<number, 'all' | readonly string[]>,
): { fromId: number; previousHead: string } | null {
  if (due.size === 0) return null;
  if (!db.inTransaction) throw new Error('Audit redaction must run inside the purge transaction');
  const triggerSql = db
    .prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
    .pluck()
    .get(NO_UPDATE_TRIGGER);
  if (!triggerSql) throw new Error(`Trigger ${NO_UPDATE_TRIGGER} is missing`);
  const previousHead = db
    .prepare<[], string>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')
    .pluck()
    .get()!;
  let fromId = Number.MAX_SAFE_INTEGER;
  for (const id of due.keys()) fromId = Math.min(fromId, id);

  db.exec(`DROP TRIGGER ${NO_UPDATE_TRIGGER}`);
  const page = db.prepare<[number, number], ChainRow>(
    `SELECT id, at, user_id, username, method, outcome, entity, entity_id, changes, detail
     FROM audit_log WHERE id >= ? ORDER BY id LIMIT ?`,
  );
  const update = db.prepare<[string, string, string, number]>(
    'UPDATE audit_log SET changes = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  let prev =
    db
      .prepare<[number], string>('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(fromId) ?? GENESIS_HASH;
  // Pages by id: better-sqlite3 cannot write while a statement is still being iterated.
  for (let next = fromId; ;) {
    const rows = page.all(next, BATCH);
    for (const row of rows) {
      const fields = due.get(row.id);
      const changes = fields ? redactChanges(row.changes, fields) : row.changes;
      const hash = rowHash(prev, { ...row, changes });
      update.run(changes, prev, hash, row.id);
      prev = hash;
    }
    if (rows.length < BATCH) break;
    next = rows[rows.length - 1]!.id + 1;
  }
  db.exec(triggerSql);
  return { fromId, previousHead };
}
