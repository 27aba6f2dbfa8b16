import type { AuthStatus } from '../../shared/accounts';
import { permissionsOf } from '../../shared/permissions';
import type { AddressAttempts, NameAttempts } from './signInAttempts';
import type { HandlerContext } from '../services/context';
import { appendAudit } from './audit';
import { isoNow } from '../services/context';
import { DomainError } from '../services/errors';
import { dummyHash, verifyPassword } from './passwords';
import { getSettings } from './settings';
import { findUser, findUserByName, loadActor, setPassword, type UserRecord } from './users';

/** After this many wrong passwords in a row, an account waits before it may try again. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;
/**
 * Per caller address (a PC), whatever the names tried: more free attempts than one account has,
 * since several people sign in at one desk, then the same waiting rule. A correct password does
 * not clear an address's count (one valid account must not wash out guesses at others); an hour
 * without a failure does.
 */
export const ADDRESS_FREE_ATTEMPTS = 10;
const ADDRESS_QUIET_MS = 60 * 60_000;

export function authStatus(ctx: HandlerContext): AuthStatus {
  const state = ctx.session.state();
  const user = ctx.actor;
  return {
    state,
    user:
      user && state !== 'signedOut'
        ? {
            id: user.userId,
            username: user.username,
            displayName: user.displayName,
            roles: user.roles,
            permissions: permissionsOf(user.roles),
          }
        : null,
    idleLockMinutes: getSettings(ctx).idleLockMinutes,
  };
}

/** The envelope's message: the same whatever the reason, the audit row keeps the detail. */
const CREDENTIAL_MESSAGES = {
  BAD_CREDENTIALS: 'Wrong username or password',
  THROTTLED: 'Too many wrong passwords; wait before trying again',
  ACCOUNT_DISABLED: 'This account is disabled',
} as const;

function waitSeconds(failures: number, free: number): number {
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - free), MAX_WAIT_SECONDS);
}

/** When a count of failures makes its holder wait until (epoch ms; 0: no wait). */
const lockedUntilAfter = (failures: number, free: number, now: number): number =>
  failures >= free ? now + waitSeconds(failures, free) * 1000 : 0;

/** The caller's address's failures, as of now (forgotten after a quiet hour). */
function addressRecord(ctx: HandlerContext, now: number): AddressAttempts {
  const known = ctx.signIns.addressAttempts(ctx.session.device.address);
  const fresh = { failures: 0, lockedUntil: 0, lastFailureAt: 0 };
  if (!known) return fresh;
  return known.lockedUntil <= now && now - known.lastFailureAt > ADDRESS_QUIET_MS ? fresh : known;
}

/**
 * Checks a password for an account with throttling: wrong answers are counted and audited, and
 * after FREE_ATTEMPTS the account must wait (30 s, doubling, at most 15 min). Refusals persist
 * their bookkeeping (DomainError with persist) so a failure cannot be retried for free.
 */
function checkPassword(
  ctx: HandlerContext,
  method: string,
  typedName: string,
  user: UserRecord | undefined,
  password: string,
): UserRecord {
  const now = ctx.now();
  const fail = (
    code: 'BAD_CREDENTIALS' | 'THROTTLED' | 'ACCOUNT_DISABLED',
    detail: string,
    params: Record<string, number> = {},
  ) => {
    appendAudit(ctx.db, {
      at: now.toISOString(),
      actor: null,
      username: typedName,
      method,
      outcome: 'failed',
      entity: 'user',
      entityId: user?.id ?? null,
      detail,
    });
    return new DomainError(code, CREDENTIAL_MESSAGES[code], params, undefined, true);
  };
  // A name that does not exist is counted and throttled like one that does (in memory only, so
  // that guessing names cannot fill the database): the answers must not tell which names exist.
  const record: NameAttempts = user
    ? {
        failures: user.failed_attempts,
        lockedUntil: user.locked_until ? Date.parse(user.locked_until) : 0,
      }
    : (ctx.signIns.unknownNameAttempts(typedName.toLowerCase()) ?? {
        failures: 0,
        lockedUntil: 0,
      });
  // Checked before the password: a right one from a throttled address waits like a wrong one.
  const fromAddress = addressRecord(ctx, now.getTime());
  const until = Math.max(record.lockedUntil, fromAddress.lockedUntil);
  if (until > now.getTime()) {
    throw fail(
      'THROTTLED',
      record.lockedUntil > now.getTime() ? 'throttled' : 'address throttled',
      {
        seconds: Math.ceil((until - now.getTime()) / 1000),
      },
    );
  }
  // Unknown names pay for a hash check too: timing does not tell who exists either. (The dummy
  // hash is fetched for every name, so that making it on first use does not tell either.)
  const fallbackHash = dummyHash();
  if (!verifyPassword(password, user?.password_hash ?? fallbackHash) || !user) {
    const failures = record.failures + 1;
    const lockedUntil = lockedUntilAfter(failures, FREE_ATTEMPTS, now.getTime());
    const addressFailures = fromAddress.failures + 1;
    ctx.signIns.rememberAddress(ctx.session.device.address, {
      failures: addressFailures,
      lockedUntil: lockedUntilAfter(addressFailures, ADDRESS_FREE_ATTEMPTS, now.getTime()),
      lastFailureAt: now.getTime(),
    });
    if (user) {
      ctx.db
        .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
        .run(failures, lockedUntil ? new Date(lockedUntil).toISOString() : null, user.id);
    } else {
      ctx.signIns.rememberUnknownName(typedName.toLowerCase(), { failures, lockedUntil });
    }
    throw fail('BAD_CREDENTIALS', user ? 'wrong password' : 'unknown user', {
      remaining: Math.max(
        Math.min(FREE_ATTEMPTS - failures, ADDRESS_FREE_ATTEMPTS - addressFailures),
        0,
      ),
    });
  }
  if (user.disabled_at) throw fail('ACCOUNT_DISABLED', 'account disabled');
  ctx.db
    .prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?')
    .run(user.id);
  return user;
}

export function login(
  ctx: HandlerContext,
  input: { username: string; password: string },
): AuthStatus {
  const user = checkPassword(
    ctx,
    'auth.login',
    input.username,
    findUserByName(ctx.db, input.username),
    input.password,
  );
  ctx.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(isoNow(ctx), user.id);
  ctx.session.start(user.id);
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: { userId: user.id, username: user.username },
    method: 'auth.login',
    outcome: 'ok',
    entity: 'user',
    entityId: user.id,
  });
  return refreshed(ctx, user);
}

/** The status after a call that changed who is signed in (ctx.actor is the caller from before). */
function refreshed(ctx: HandlerContext, user: UserRecord | null): AuthStatus {
  return authStatus({ ...ctx, actor: user ? loadActor(ctx.db, user.id) : null });
}

export function logout(ctx: HandlerContext): AuthStatus {
  ctx.session.end();
  return refreshed(ctx, null);
}

export function lock(ctx: HandlerContext): AuthStatus {
  ctx.session.lock();
  return authStatus(ctx);
}

export function unlock(ctx: HandlerContext, input: { password: string }): AuthStatus {
  const actor = ctx.actor!;
  checkPassword(ctx, 'auth.unlock', actor.username, findUser(ctx.db, actor.userId), input.password);
  ctx.session.unlock();
  return authStatus(ctx);
}

export function changePassword(
  ctx: HandlerContext,
  input: { current: string; next: string },
): AuthStatus {
  const actor = ctx.actor!;
  checkPassword(
    ctx,
    'auth.changePassword',
    actor.username,
    findUser(ctx.db, actor.userId),
    input.current,
  );
  setPassword(ctx, actor.userId, input.next);
  return authStatus(ctx);
}
