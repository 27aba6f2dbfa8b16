import { contract, type MethodInput, type MethodName } from '../../shared/contract';
import type { AuthState } from '../../shared/accounts';
import type { ApiError, ApiResult, ErrorCode } from '../../shared/errors';
import { mayCall } from '../../shared/permissions';
import {
  LOCAL_DEVICE,
  sessionIdOf,
  type SessionHandle,
  type SessionStore,
} from '../accounts/sessionStore';
import type { Db } from '../db/open';
import { appendAudit, drainCapturedChanges } from '../accounts/audit';
import { Deferred } from '../services/deferred';
import { ConflictError, DomainError } from '../services/errors';
import { getSettings } from '../accounts/settings';
import { loadActor } from '../accounts/users';
import type {
  Actor,
  AppFacts,
  BackupControl,
  CallerPlatform,
  HandlerContext,
  HostControl,
  SessionControl,
} from '../services/context';
import { handlers as defaultHandlers, type Handlers } from './handlers';
import { fieldErrorsOf } from '../../shared/fieldErrors';
import { findApplied, opIdOf, recordApplied } from './appliedOperations';
import { noticeOrigin } from '../live/noticeOrigin';
import { storageFailureOf } from './storageFailure';
import { DiskFullSignIn } from './diskFullSignIn';
import type { ChangeFeed } from '../live/changeFeed';
import type { RowChange } from '../../shared/live';
import { domainOfMethod } from './domainOfMethod';

export interface Logger {
  error(message: string, error?: unknown): void;
}

export interface Router {
  /** Never rejects: every outcome is an envelope. */
  invoke(
    method: unknown,
    input: unknown,
    session: SessionHandle,
    platform?: CallerPlatform,
    /** The envelope's `CallOptions` as received (untrusted): `{ opId }`. */
    options?: unknown,
  ): Promise<ApiResult<unknown>>;
}

export interface RouterOptions extends AppFacts {
  db: Db;
  now: () => Date;
  sessions: SessionStore;
  logger: Logger;
  handlers?: Handlers;
  /** Told after each committed write (the idle WAL checkpoint starts counting again). */
  afterWrite?: () => void;
  backups?: BackupControl;
  /** Told of the rows each committed write changed (never of a rolled-back one or a repeat). */
  changes?: ChangeFeed;
  host?: HostControl;
}

/** Writes that only change who is signed in: allowed on a read-only copy of the data. */
const SESSION_WRITES: readonly MethodName[] = [
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
];

/** On a locked session only these get through: the lock screen's own calls. */
const ALLOWED_WHILE_LOCKED: readonly MethodName[] = [
  'auth.unlock',
  'auth.logout',
  'auth.status',
  'app.info',
  'settings.get',
];

const isMethodName = (method: unknown): method is MethodName =>
  typeof method === 'string' && Object.hasOwn(contract, method);

type AnyHandler = (ctx: HandlerContext, input: unknown) => unknown;

const failure = (
  code: ErrorCode,
  message: string,
  extra: Partial<ApiError> = {},
): ApiResult<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/**
 * The one router both shells use: look the method up among the contract's own keys, find the
 * caller's session (idle lock, absolute limit, disabled account — all decided here, now), check
 * the method's permission, parse the input with its schema, run the service (a write in one
 * immediate transaction, with its audit rows), and wrap the outcome in an envelope.
 */
export function createRouter(options: RouterOptions): Router {
  const { db, sessions, logger } = options;
  const handlers = options.handlers ?? defaultHandlers;
  const diskFull = new DiskFullSignIn();

  /** Applies the session rules as of `now`; returns the live session and its user, if any. */
  function resolve(
    handle: SessionHandle,
    now: number,
  ): { actor: Actor | null; state: AuthState; expired: boolean } {
    const session = sessions.get(handle.token);
    if (!session) return { actor: null, state: 'signedOut', expired: handle.token !== null };
    const settings = getSettings({ db, now: options.now });
    const actor = loadActor(db, session.userId);
    if (!actor || now - session.startedAt > settings.sessionMaxHours * 3_600_000) {
      sessions.end(session.id);
      handle.setToken(null);
      return { actor: null, state: 'signedOut', expired: true };
    }
    if (now - session.lastActiveAt > settings.idleLockMinutes * 60_000) sessions.lock(session.id);
    return { actor, state: session.locked ? 'locked' : 'active', expired: false };
  }

  function sessionControl(handle: SessionHandle, now: number): SessionControl {
    const device = handle.device ?? LOCAL_DEVICE;
    return {
      device,
      state: () => {
        const s = sessions.get(handle.token);
        return s ? (s.locked ? 'locked' : 'active') : 'signedOut';
      },
      start: (userId) => {
        if (handle.token) sessions.delete(handle.token);
        // Sign-ins add sessions: the ones past the absolute limit that nobody came back to go now.
        sessions.prune(now, getSettings({ db, now: options.now }).sessionMaxHours * 3_600_000);
        handle.setToken(sessions.create(userId, now, device).token);
      },
      end: () => {
        if (handle.token) sessions.delete(handle.token);
        handle.setToken(null);
      },
      lock: () => {
        const s = sessions.get(handle.token);
        if (s) sessions.lock(s.id);
      },
      unlock: () => {
        const s = sessions.get(handle.token);
        if (s) sessions.unlock(s.id, now);
      },
      endSessionsOf: (userId) => {
        sessions.endAllOf(userId, handle.token);
      },
      id: () => (handle.token && sessions.get(handle.token) ? sessionIdOf(handle.token) : null),
      list: () => sessions.list(),
      endOther: (id) => sessions.end(id),
    };
  }

  function auditDenied(at: string, actor: Actor | null, method: string, reason: string): void {
    try {
      db.transaction(() =>
        appendAudit(db, { at, actor, method, outcome: 'denied', detail: reason }),
      ).immediate();
    } catch (error) {
      // A full disk or a read-only file: the refusal still stands, and the log says what was lost.
      logger.error(`Could not audit a denied ${method} (${reason})`, error);
    }
  }

  async function invoke(
    method: unknown,
    input: unknown,
    handle: SessionHandle,
    platform: CallerPlatform = {},
    callOptions: unknown = {},
  ): Promise<ApiResult<unknown>> {
    if (!isMethodName(method) || !Object.hasOwn(handlers, method)) {
      return failure(
        'UNKNOWN_METHOD',
        `Unknown method ${typeof method === 'string' ? method.slice(0, 64) : typeof method}`,
      );
    }
    const def = contract[method];
    const nowDate = options.now();
    const now = nowDate.getTime();
    const at = nowDate.toISOString();
    const caller = resolve(handle, now);

    if (def.access !== 'public') {
      if (!caller.actor) {
        auditDenied(at, null, method, caller.expired ? 'session expired' : 'signed out');
        return failure(caller.expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', 'Please sign in');
      }
      if (caller.state === 'locked' && !ALLOWED_WHILE_LOCKED.includes(method)) {
        return failure('LOCKED', 'The session is locked');
      }
      if (!mayCall(def.access, caller.actor.roles)) {
        auditDenied(at, caller.actor, method, `needs ${def.access}`);
        return failure('FORBIDDEN', `Not allowed: ${def.access}`, {
          params: { permission: def.access },
        });
      }
    }

    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      return failure('INVALID_INPUT', 'Invalid input', { fields: fieldErrorsOf(parsed.error) });
    }
    if (options.readOnly && def.kind === 'write' && !SESSION_WRITES.includes(method)) {
      return failure('READ_ONLY', 'The data folder is read-only; the change was not saved');
    }

    const ctx: HandlerContext = {
      db,
      now: options.now,
      shell: options.shell,
      version: options.version,
      dataDir: options.dataDir,
      readOnly: options.readOnly ?? false,
      diskFull: options.diskFull ?? false,
      ...(options.backups ? { backups: options.backups } : {}),
      ...(options.host ? { host: options.host } : {}),
      actor: caller.actor,
      session: sessionControl(handle, now),
      signIns: sessions.attempts,
      platform,
    };
    const handler = handlers[method] as AnyHandler;
    // Deferred work the handler returned: abandoned (what it holds given up) if the call fails first.
    let deferred: Deferred<unknown> | null = null;
    try {
      const opId = opIdOf(callOptions);
      if (opId instanceof DomainError) throw opId;
      const value =
        def.kind === 'write'
          ? runWrite(ctx, method, handler, parsed.data, handle, nowDate, opId)
          : handler(ctx, parsed.data);
      if (value instanceof Deferred) deferred = value;
      if (def.kind === 'write') options.afterWrite?.();
      if (value instanceof DomainError) throw value;
      if (caller.state === 'active') {
        const session = sessions.get(handle.token);
        if (session) sessions.touch(session.id, now);
      }
      return { ok: true, value: deferred ? await deferred.run() : value };
    } catch (caught) {
      deferred?.abandon();
      const storage = storageFailureOf(caught);
      if (storage) logger.error(`${storage.code} in ${method}`, caught);
      if (storage?.code === 'DISK_FULL' && method === 'auth.login') {
        try {
          return {
            ok: true,
            value: diskFull.signIn(ctx, parsed.data as MethodInput<'auth.login'>),
          };
        } catch {
          // Refused as the disk being full, whatever the reason: below.
        }
      }
      const error = storage ?? caught;
      if (error instanceof DomainError) {
        return failure(error.code, error.message, {
          ...(error.params ? { params: error.params } : {}),
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error instanceof ConflictError ? { current: error.current } : {}),
        });
      }
      logger.error(`Unexpected failure in ${method}`, error);
      return failure('INTERNAL', 'Something went wrong; the change was not saved. See the log.');
    }
  }

  /**
   * One immediate transaction: the service's writes, then an audit row for each changed row (or one
   * for the call). A refusal rolls everything back, except one marked `persist` (a failed sign-in
   * keeps its count and its audit row), which is returned rather than thrown.
   *
   * A signed-in caller's write that carries an operation id is applied once: the id is recorded
   * in the same transaction, and a repeat (a retry after a lost answer) gets the first result
   * without running again. Work deferred past the commit (exports) is not recorded: running it
   * again writes nothing but its audit row.
   */
  function runWrite(
    ctx: HandlerContext,
    method: string,
    handler: AnyHandler,
    input: unknown,
    handle: SessionHandle,
    nowDate: Date,
    opId: string | undefined,
  ): unknown {
    const at = nowDate.toISOString();
    const userId = ctx.actor?.userId;
    const key = opId !== undefined && userId !== undefined ? { opId, userId } : null;
    let waited = 0;
    const changed: RowChange[] = [];
    let returned: unknown;
    const transaction = db.transaction(() => {
      // Sign-ins the full disk kept from the trail come first, atomically with this write.
      waited = diskFull.writeWaiting(db);
      if (key) {
        const applied = findApplied(db, key.opId, method, key.userId);
        if (applied) return applied.value;
      }
      db.prepare('DELETE FROM audit_pending').run();
      const lastAuditId = (): number =>
        (db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
      const before = lastAuditId();
      let result: unknown;
      try {
        result = returned = handler(ctx, input);
      } catch (error) {
        if (error instanceof DomainError && error.persist) {
          db.prepare('DELETE FROM audit_pending').run();
          return error;
        }
        throw error;
      }
      // Sign-in and setup change who the caller is: attribute the rows to the new session's user.
      const session = sessions.get(handle.token);
      const actor = (session ? loadActor(db, session.userId) : null) ?? ctx.actor;
      const auditActor = actor ? { userId: actor.userId, username: actor.username } : null;
      const written = drainCapturedChanges(db, { at, actor: auditActor, method }, changed);
      if (written === 0 && lastAuditId() === before)
        appendAudit(db, { at, actor: auditActor, method, outcome: 'ok' });
      if (key && !(result instanceof Deferred))
        recordApplied(db, { ...key, method, at: nowDate, value: result });
      return result;
    });
    let value: unknown;
    try {
      value = transaction.immediate();
    } catch (error) {
      // Rolled back after the handler returned: its deferred work never runs, so give up what it holds.
      if (returned instanceof Deferred) returned.abandon();
      throw error;
    }
    diskFull.written(waited);
    options.changes?.publish({
      at,
      method,
      domain: domainOfMethod(method),
      changes: changed,
      ...(opId !== undefined && { origin: noticeOrigin(opId) }),
    });
    return value;
  }

  return { invoke };
}
