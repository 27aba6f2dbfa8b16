import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import type { Role } from '../../shared/permissions';
import type { ApiError, ApiResult } from '../../shared/errors';
import type { TestContext, TestRouter } from './tempDb';
import { addUser, countRows, storedTables } from './tempDb';

/**
 * A session put straight into the router's store, exactly as auth.login makes one, without paying
 * for a scrypt check. For tests that are not about signing in; auth tests use `signIn`.
 */
export function sessionFor(tr: TestRouter, userId: number): SessionHandle {
  return memoryHandle(tr.sessions.create(userId, tr.clock.now.getTime()).token);
}

/** A user with these roles and a live session for them (see sessionFor). */
export function userWithSession(
  t: TestContext,
  tr: TestRouter,
  username: string,
  roles: readonly Role[],
): { userId: number; handle: SessionHandle } {
  const userId = addUser(t, username, roles);
  return { userId, handle: sessionFor(tr, userId) };
}

/** The value of an ok envelope; anything else fails the test with the error it carries. */
export function valueOf<T = unknown>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The error of a failed envelope; an ok envelope fails the test. */
export function errorOf(result: ApiResult<unknown>): ApiError {
  if (result.ok) throw new Error(`Expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Every table of the database that stores rows (see storedTables). */
export function tableNames(t: TestContext): string[] {
  return storedTables(t.ctx.db);
}

/** Row count of every table, by name. */
export function tableCounts(t: TestContext): Record<string, number> {
  return Object.fromEntries(tableNames(t).map((name) => [name, countRows(t.ctx, name)]));
}

export interface AuditRowRaw {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  method: string;
  outcome: 'ok' | 'denied' | 'failed';
  entity: string | null;
  entity_id: number | null;
  changes: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Audit rows straight from the table, oldest first, optionally only those after `afterId`. */
export function auditRows(t: TestContext, afterId = 0): AuditRowRaw[] {
  return t.ctx.db
    .prepare<[number], AuditRowRaw>('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
    .all(afterId);
}

/** The id of the newest audit row, 0 for an empty log. */
export function lastAuditId(t: TestContext): number {
  return (
    t.ctx.db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }
  ).id;
}

/**
 * Empties audit_pending. Setup written straight to the database (addUser, services called without
 * the router) leaves captured rows there that only the next routed write would clear; tests that
 * assert the queue is empty start from an empty one.
 */
export function discardPendingCapture(t: TestContext): void {
  t.ctx.db.prepare('DELETE FROM audit_pending').run();
}
