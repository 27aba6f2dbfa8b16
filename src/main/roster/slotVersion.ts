import type { RosterPeriod, RosterSlot } from '../../shared/roster';
import type { Db } from '../db/open';
import type { ServiceContext } from '../services/context';
import { ConflictError, notFound } from '../services/errors';

/** One post × shift × day. */
export interface SlotKey {
  postId: number;
  templateId: number;
  day: string;
}

/**
 * The version of a slot is a token derived from who is on it: the key and its assignments' ids
 * and staff. Roster assignments are only ever inserted and deleted (a swap deletes and inserts),
 * never updated, so a row's id and staff member are its whole state, and any assign, unassign,
 * swap or auto-fill on the slot changes the token. Derived, it needs no counter table (no
 * migration) and cannot drift from the rows; a slot that returns to exactly what a desk saw
 * (the same rows) is rightly not a conflict. The key is in the hash so a token never fits another
 * slot.
 *
 * The hash only tells one state of a slot from the next (no secret rides on it; anyone who could
 * forge a collision may write the slot anyway), so it is a fast 48-bit one, cyrb53's mixing: a
 * month grid computes 630 tokens, and SHA-256 there cost 1–3 ms, more than the grid's SQL.
 */
export function slotVersionOf(
  key: SlotKey,
  assignments: { id: number; staffId: number }[],
): number {
  const rows = assignments
    .map((a) => `${a.id}:${a.staffId}`)
    .sort()
    .join(',');
  return hash48(`${key.postId}/${key.templateId}/${key.day}|${rows}`);
}

/** cyrb53 (public domain, bryc), cut to 48 bits: an integer the contract's version carries as it is. */
function hash48(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0xffff) * 2 ** 32 + (h1 >>> 0);
}

/** The slot's version as it stands in the file (also what a writer outside the app reads). */
export function currentSlotVersion(db: Db, periodId: number, key: SlotKey): number {
  const rows = db
    .prepare<[number, number, number, string], { id: number; staffId: number }>(
      `SELECT id, staff_id AS staffId FROM roster_assignments
       WHERE period_id = ? AND post_id = ? AND template_id = ? AND day = ?`,
    )
    .all(periodId, key.postId, key.templateId, key.day);
  return slotVersionOf(key, rows);
}

/**
 * Who changed the slot last and when: the newest audited insert or delete of an assignment on it
 * (assign, unassign, swap and auto-fill are all captured row by row).
 */
function lastSlotChange(
  ctx: ServiceContext,
  key: SlotKey,
): { by: string | null; at: string | null } {
  const side = (column: string) =>
    `coalesce(json_extract(a.changes, '$.${column}[1]'), json_extract(a.changes, '$.${column}[0]'))`;
  const row = ctx.db
    .prepare<[number, number, string], { by: string | null; at: string }>(
      `SELECT coalesce(u.display_name, a.username) AS by, a.at FROM audit_log a
       LEFT JOIN users u ON u.id = a.user_id
       WHERE a.entity = 'roster_assignment' AND a.outcome = 'ok'
         AND ${side('post_id')} = ? AND ${side('template_id')} = ? AND ${side('day')} = ?
       ORDER BY a.id DESC LIMIT 1`,
    )
    .get(key.postId, key.templateId, key.day);
  return { by: row?.by ?? null, at: row?.at ?? null };
}

/**
 * A write on a slot is based on the slot as the grid showed it, or nothing is written: when
 * another desk changed the slot since, CONFLICT with the slot as it now stands (its people) and
 * who changed it last. `currentSlot` builds that slot only when refusing.
 */
export function assertSlotVersion(
  ctx: ServiceContext,
  period: RosterPeriod,
  key: SlotKey,
  expected: number,
  currentSlot: () => RosterSlot,
): void {
  if (currentSlotVersion(ctx.db, period.id, key) === expected) return;
  const record = currentSlot();
  throw new ConflictError('roster_slot', period.id, expected, {
    version: record.version,
    record,
    ...lastSlotChange(ctx, key),
  });
}

/**
 * The period and slot of an assignment, also once another desk removed it (then from its audited
 * delete, so the refusal can show the slot as it is now); `exists` says whether it is still there.
 */
export function slotOfAssignment(
  ctx: ServiceContext,
  id: number,
): { periodId: number; key: SlotKey; exists: boolean } {
  const row = ctx.db
    .prepare<[number], { periodId: number; postId: number; templateId: number; day: string }>(
      `SELECT period_id AS periodId, post_id AS postId, template_id AS templateId, day
       FROM roster_assignments WHERE id = ?`,
    )
    .get(id);
  if (row) return { periodId: row.periodId, key: row, exists: true };
  const gone = ctx.db
    .prepare<[number], { periodId: number; postId: number; templateId: number; day: string }>(
      `SELECT json_extract(changes, '$.period_id[0]') AS periodId,
         json_extract(changes, '$.post_id[0]') AS postId,
         json_extract(changes, '$.template_id[0]') AS templateId,
         json_extract(changes, '$.day[0]') AS day
       FROM audit_log WHERE entity = 'roster_assignment' AND entity_id = ? AND detail = 'delete'
       ORDER BY id DESC LIMIT 1`,
    )
    .get(id);
  if (!gone || gone.periodId === null) throw notFound('roster_assignment', id);
  return { periodId: gone.periodId, key: gone, exists: false };
}
