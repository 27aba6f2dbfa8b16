import { createHash } from 'node:crypto';
import type { AuditChainFault, AuditEntry, AuditOutcome, AuditPage } from '../../shared/accounts';
import type { AuditFilter } from '../../shared/contract';
import type { RowChange } from '../../shared/live';
import type { Db } from '../db/open';
import type { ServiceContext } from '../services/context';
import { maskDeep, maskIdNumber, maskPersonalNumbersOrNull, maskPhone } from '../services/masking';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  userId: number;
  username: string;
}

export interface AuditEvent {
  at: string;
  actor: AuditActor | null;
  /** For sign-in attempts: the name that was typed, when there is no actor. */
  username?: string | null;
  method: string;
  outcome: AuditOutcome;
  entity?: string | null;
  entityId?: number | null;
  changes?: Record<string, [unknown, unknown]>;
  detail?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  method: string;
  outcome: AuditOutcome;
  entity: string | null;
  entity_id: number | null;
  changes: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain link: this row's content hashed onto the previous row's hash. */
export function rowHash(prev: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([
    r.id,
    r.at,
    r.user_id,
    r.username,
    r.method,
    r.outcome,
    r.entity,
    r.entity_id,
    r.changes,
    r.detail,
  ]);
  return createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
}

/** Appends one row to the chain. Call inside a transaction: id and previous hash must not move. */
export function appendAudit(db: Db, event: AuditEvent): void {
  const last = db
    .prepare<[], { id: number; hash: string }>(
      'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    .get();
  const row = {
    id: (last?.id ?? 0) + 1,
    at: event.at,
    user_id: event.actor?.userId ?? null,
    username: maskPersonalNumbersOrNull(event.actor?.username ?? event.username ?? null),
    method: event.method,
    outcome: event.outcome,
    entity: event.entity ?? null,
    entity_id: event.entityId ?? null,
    changes: JSON.stringify(maskDeep(event.changes ?? {})),
    detail: maskPersonalNumbersOrNull(event.detail ?? null),
  };
  const prev = last?.hash ?? GENESIS_HASH;
  db.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, method, outcome, entity, entity_id, changes, detail, prev_hash, hash)
     VALUES (@id, @at, @user_id, @username, @method, @outcome, @entity, @entity_id, @changes, @detail, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prev, hash: rowHash(prev, row) });
}

const ENTITY_OF_TABLE: Record<string, string> = {
  sites: 'site',
  buildings: 'building',
  floors: 'floor',
  rooms: 'room',
  room_status_log: 'room_status',
  settings: 'setting',
  users: 'user',
  user_roles: 'user_role',
  origins: 'origin',
  arrival_batches: 'arrival_batch',
  people: 'person',
  stays: 'stay',
  stay_events: 'stay_event',
  disinfections: 'disinfection',
  readings: 'reading',
  fever_cases: 'fever_case',
  transfers: 'transfer',
  contact_flags: 'contact_flag',
  staff: 'staff',
  staff_unavailability: 'staff_unavailability',
  posts: 'post',
  shift_templates: 'shift_template',
  post_shifts: 'post_shift',
  roster_periods: 'roster_period',
  roster_assignments: 'roster_assignment',
  roster_changes: 'roster_change',
  stock_items: 'stock_item',
  stock_item_units: 'stock_item_unit',
  stock_item_aliases: 'stock_item_alias',
  stock_locations: 'stock_location',
  stock_parties: 'stock_party',
  stock_lots: 'stock_lot',
  stock_documents: 'stock_document',
  stock_movements: 'stock_movement',
};

/** Columns whose values are personal numbers: masked before they reach the trail. */
const SENSITIVE_COLUMNS: Record<string, Record<string, (value: string) => string>> = {
  people: { document_number: maskIdNumber, phone: maskPhone, emergency_phone: maskPhone },
};

function maskRow(
  table: string,
  row: Record<string, unknown> | null,
): Record<string, unknown> | null {
  const masks = SENSITIVE_COLUMNS[table];
  if (!row || !masks) return row;
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && masks[k] ? masks[k](v) : v]),
  );
}

/**
 * Bookkeeping columns that change on every write and say nothing (a record's version counts its
 * writes, which the trail lists anyway).
 */
const NOISE = new Set(['updated_at', 'version']);

function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    if (NOISE.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

/** The row's `version` column (tables that have one), for a change notice. */
function versionOf(row: Record<string, unknown> | null): number | undefined {
  const version = row?.['version'];
  return typeof version === 'number' ? version : undefined;
}

/**
 * Turns the rows the capture triggers collected during this call into audit rows, one per changed
 * database row, and empties the queue. Returns how many rows it wrote; `seen`, when given, gets
 * each changed row's table, id, operation and version (what a change notice may say).
 */
export function drainCapturedChanges(
  db: Db,
  base: Omit<AuditEvent, 'entity' | 'entityId' | 'changes' | 'outcome'>,
  seen?: RowChange[],
): number {
  const pending = db
    .prepare<
      [],
      { tbl: string; row_id: number; op: string; before: string | null; after: string | null }
    >('SELECT tbl, row_id, op, before, after FROM audit_pending ORDER BY id')
    .all();
  db.prepare('DELETE FROM audit_pending').run();
  let written = 0;
  for (const p of pending) {
    const before = p.before ? (JSON.parse(p.before) as Record<string, unknown>) : null;
    const after = p.after ? (JSON.parse(p.after) as Record<string, unknown>) : null;
    const changes = diff(maskRow(p.tbl, before), maskRow(p.tbl, after));
    if (p.op === 'update' && Object.keys(changes).length === 0) continue;
    const version = versionOf(after ?? before);
    seen?.push({
      table: p.tbl,
      id: p.row_id,
      op: p.op as RowChange['op'],
      ...(version === undefined ? {} : { version }),
    });
    appendAudit(db, {
      ...base,
      outcome: 'ok',
      entity: ENTITY_OF_TABLE[p.tbl] ?? p.tbl,
      entityId: p.row_id,
      changes,
      detail: p.op === 'update' ? null : p.op,
    });
    written++;
  }
  return written;
}

export type ChainWalk =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBrokenId: number; reason: AuditChainFault };

/**
 * Walks the chain from the first row; names the first row whose link or content does not hold.
 * It cannot see a cut tail or a chain re-hashed throughout: see auditAnchors/verify.
 */
export function verifyAuditChain(db: Db): ChainWalk {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
    if (row.id !== expectedId)
      return { ok: false, count, firstBrokenId: row.id, reason: 'missing_rows' };
    if (row.prev_hash !== prev)
      return { ok: false, count, firstBrokenId: row.id, reason: 'broken_link' };
    if (rowHash(prev, row) !== row.hash)
      return { ok: false, count, firstBrokenId: row.id, reason: 'altered' };
    prev = row.hash;
    expectedId++;
    count++;
  }
  return { ok: true, count };
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    method: r.method,
    outcome: r.outcome,
    entity: r.entity,
    entityId: r.entity_id,
    changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]>,
    detail: r.detail,
  };
}

function filterSql(filter: AuditFilter): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.userId !== undefined) {
    where.push('user_id = ?');
    params.push(filter.userId);
  }
  if (filter.method) {
    // `rooms` matches every rooms.* method; `rooms.setStatus` matches itself.
    where.push("(method = ? OR method LIKE ? ESCAPE '\\')");
    params.push(filter.method, `${filter.method.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  }
  if (filter.entity) {
    where.push('entity = ?');
    params.push(filter.entity);
  }
  if (filter.outcome) {
    where.push('outcome = ?');
    params.push(filter.outcome);
  }
  if (filter.from) {
    where.push('at >= ?');
    params.push(new Date(filter.from).toISOString());
  }
  if (filter.to) {
    where.push('at < ?');
    params.push(new Date(filter.to).toISOString());
  }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

/** Newest first, keyset by id. */
export function auditPage(
  ctx: ServiceContext,
  input: { filter: AuditFilter; cursor?: number | undefined; limit: number },
): AuditPage {
  const { where, params } = filterSql(input.filter);
  const rows = ctx.db
    .prepare<(string | number)[], AuditRow>(
      `SELECT * FROM audit_log WHERE ${where} AND id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, input.cursor ?? Number.MAX_SAFE_INTEGER, input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    rows: page.map(toEntry),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export const MAX_EXPORT_ROWS = 100_000;

export function auditRowsForExport(db: Db, filter: AuditFilter): AuditEntry[] {
  const { where, params } = filterSql(filter);
  return db
    .prepare<(string | number)[], AuditRow>(
      `SELECT * FROM audit_log WHERE ${where} ORDER BY id LIMIT ?`,
    )
    .all(...params, MAX_EXPORT_ROWS)
    .map(toEntry);
}
