import { OP_ID_PATTERN } from '../../shared/api';
import type { Db } from '../db/open';
import { DomainError } from '../services/errors';

/** How long a submission can be retried and still be recognised. */
export const APPLIED_OPERATION_DAYS = 7;

interface AppliedRow {
  method: string;
  user_id: number;
  result_json: string;
}

/** The operation id of a call's envelope: absent, or well formed (else the call is refused). */
export function opIdOf(options: unknown): string | undefined | DomainError {
  if (typeof options !== 'object' || options === null) return undefined;
  const opId = (options as { opId?: unknown }).opId;
  if (opId === undefined) return undefined;
  if (typeof opId === 'string' && OP_ID_PATTERN.test(opId)) return opId;
  return new DomainError('INVALID_INPUT', 'Malformed operation id', undefined, {
    opId: 'invalid_format',
  });
}

/**
 * The first result of an operation already applied, wrapped so that `undefined` survives;
 * `null` when the id is new. The same id from another user or for another method is refused:
 * it is a mistake (or a replayed request), never a retry.
 */
export function findApplied(
  db: Db,
  opId: string,
  method: string,
  userId: number,
): { value: unknown } | null {
  const row = db
    .prepare<[string], AppliedRow>(
      'SELECT method, user_id, result_json FROM applied_operations WHERE op_id = ?',
    )
    .get(opId);
  if (!row) return null;
  if (row.method !== method || row.user_id !== userId) {
    throw new DomainError('OPERATION_ID_REUSED', `Operation id already used for ${row.method}`, {
      method: row.method,
    });
  }
  return JSON.parse(row.result_json) as { value: unknown };
}

/**
 * Records an applied operation (call inside the write's transaction, so that the record and the
 * write commit or vanish together) and forgets those older than APPLIED_OPERATION_DAYS.
 */
export function recordApplied(
  db: Db,
  entry: { opId: string; method: string; userId: number; at: Date; value: unknown },
): void {
  const cutoff = new Date(entry.at.getTime() - APPLIED_OPERATION_DAYS * 86_400_000);
  db.prepare('DELETE FROM applied_operations WHERE at < ?').run(cutoff.toISOString());
  db.prepare(
    'INSERT INTO applied_operations (op_id, method, user_id, at, result_json) VALUES (?, ?, ?, ?, ?)',
  ).run(
    entry.opId,
    entry.method,
    entry.userId,
    entry.at.toISOString(),
    JSON.stringify({ value: entry.value }),
  );
}
