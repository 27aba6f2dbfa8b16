import type { UserSummary } from '../../shared/accounts';
import { ROLES, type Role } from '../../shared/permissions';
import type { Db } from '../db/open';
import type { Actor, SessionControl } from '../services/context';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertAcceptablePassword, hashPassword } from './passwords';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
}

export type UserRecord = UserRow;

function rolesOf(db: Db, userId: number): Role[] {
  const held = new Set(
    db
      .prepare<[number], { role: Role }>('SELECT role FROM user_roles WHERE user_id = ?')
      .all(userId)
      .map((r) => r.role),
  );
  return ROLES.filter((r) => held.has(r));
}

export function findUserByName(db: Db, username: string): UserRecord | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
}

export function findUser(db: Db, id: number): UserRecord | undefined {
  return db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
}

/** The caller as of this moment: a disabled account or a removed role counts at once. */
export function loadActor(db: Db, userId: number): Actor | null {
  const user = findUser(db, userId);
  if (!user || user.disabled_at) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: rolesOf(db, user.id),
  };
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

function toSummary(db: Db, u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: rolesOf(db, u.id),
    disabled: u.disabled_at !== null,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
  };
}

export function listUsers(ctx: ServiceContext): UserSummary[] {
  return ctx.db
    .prepare<[], UserRow>('SELECT * FROM users ORDER BY disabled_at IS NOT NULL, username')
    .all()
    .map((u) => toSummary(ctx.db, u));
}

function getSummary(ctx: ServiceContext, id: number): UserSummary {
  const user = findUser(ctx.db, id);
  if (!user) throw notFound('user', id);
  return toSummary(ctx.db, user);
}

function setRoles(db: Db, userId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(userId, role);
}

export function createUser(
  ctx: ServiceContext,
  input: { username: string; displayName: string; password: string; roles: Role[] },
): UserSummary {
  if (findUserByName(ctx.db, input.username)) {
    throw new DomainError(
      'DUPLICATE',
      `User ${input.username} exists`,
      { value: input.username },
      { username: 'duplicate' },
    );
  }
  assertAcceptablePassword(input.password, input.username);
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(input.username, input.displayName, hashPassword(input.password), at, at);
  const id = Number(lastInsertRowid);
  setRoles(ctx.db, id, input.roles);
  return getSummary(ctx, id);
}

/** Active administrators other than `exceptId`: someone must always be able to manage accounts. */
function otherActiveAdmins(db: Db, exceptId: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE r.role = 'administrator' AND u.disabled_at IS NULL AND u.id <> ?`,
      )
      .get(exceptId)?.n ?? 0
  );
}

function assertNotLastAdmin(ctx: ServiceContext, userId: number): void {
  const user = getSummary(ctx, userId);
  if (
    user.roles.includes('administrator') &&
    !user.disabled &&
    otherActiveAdmins(ctx.db, userId) === 0
  ) {
    throw new DomainError('LAST_ADMIN', 'At least one active administrator must remain');
  }
}

export function updateUser(
  ctx: ServiceContext,
  input: { id: number; displayName: string; roles: Role[] },
): UserSummary {
  if (!input.roles.includes('administrator')) assertNotLastAdmin(ctx, input.id);
  getSummary(ctx, input.id);
  ctx.db
    .prepare('UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?')
    .run(input.displayName, isoNow(ctx), input.id);
  setRoles(ctx.db, input.id, input.roles);
  return getSummary(ctx, input.id);
}

/** A service that may end other users' sessions (see SessionControl.endSessionsOf). */
type SessionEndingContext = ServiceContext & { session: Pick<SessionControl, 'endSessionsOf'> };

/** Disabling an account signs it out everywhere at once. */
export function setUserDisabled(
  ctx: SessionEndingContext,
  input: { id: number; disabled: boolean },
): UserSummary {
  if (input.disabled) assertNotLastAdmin(ctx, input.id);
  const at = isoNow(ctx);
  getSummary(ctx, input.id);
  ctx.db
    .prepare('UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?')
    .run(input.disabled ? at : null, at, input.id);
  if (input.disabled) ctx.session.endSessionsOf(input.id);
  return getSummary(ctx, input.id);
}

/**
 * A new password ends the user's other sessions at once: whoever knew the old one (the reason
 * for a reset, often) is signed out. The caller's own session stays.
 */
export function setPassword(ctx: SessionEndingContext, userId: number, password: string): void {
  const user = findUser(ctx.db, userId);
  if (!user) throw notFound('user', userId);
  assertAcceptablePassword(password, user.username);
  ctx.db
    .prepare(
      'UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
    )
    .run(hashPassword(password), isoNow(ctx), userId);
  ctx.session.endSessionsOf(userId);
}

export function resetPassword(
  ctx: SessionEndingContext,
  input: { id: number; password: string },
): UserSummary {
  setPassword(ctx, input.id, input.password);
  return getSummary(ctx, input.id);
}
