import type { ServiceContext } from './context';
import { ConflictError } from './errors';

/** Who wrote a record last and when, from the audit trail (null for a record older than it). */
export function lastChangeOf(
  ctx: ServiceContext,
  entity: string,
  id: number,
): { by: string | null; at: string | null } {
  const row = ctx.db
    .prepare<[string, number], { by: string | null; at: string }>(
      `SELECT coalesce(u.display_name, a.username) AS by, a.at FROM audit_log a
       LEFT JOIN users u ON u.id = a.user_id
       WHERE a.entity = ? AND a.entity_id = ? AND a.outcome = 'ok' ORDER BY a.id DESC LIMIT 1`,
    )
    .get(entity, id);
  return { by: row?.by ?? null, at: row?.at ?? null };
}

/**
 * A write edits the record the form showed, or nothing: when another desk saved it since (its
 * version moved on), the write is refused with the record as it now stands and who changed it.
 * Every UPDATE of a versioned table sets `version = version + 1` (the tables: migration 0015).
 *
 * `changed` overrides the audit trail where the row itself says who wrote it (a reading's nurse).
 */
export function assertVersion<R extends { id: number; version: number }>(
  ctx: ServiceContext,
  entity: string,
  record: R,
  expected: number,
  changed?: { by: string | null; at: string | null },
): void {
  if (record.version === expected) return;
  const last = changed ?? lastChangeOf(ctx, entity, record.id);
  throw new ConflictError(entity, record.id, expected, {
    version: record.version,
    record,
    ...last,
  });
}
