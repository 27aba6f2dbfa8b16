import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { mayCall, ROLES, type Role } from '../../shared/permissions';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import {
  addUser,
  makeTestContext,
  makeTestRouter,
  storedTables,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';

/**
 * Every contract method × every role (a user holding just that role) and signed out, through the
 * real router. New methods and roles join the matrix by themselves.
 */

const METHODS = Object.keys(contract) as MethodName[];
type Caller = Role | 'signedOut';
const CALLERS: readonly Caller[] = [...ROLES, 'signedOut'];

/** Codes that mean "stopped at the door" rather than "let in, then refused or answered". */
const GATE_CODES: readonly ErrorCode[] = [
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'LOCKED',
];

/**
 * Writes whose `{}` is a complete, valid input (auth.lock, auth.logout, demo.load) would act: lock
 * or end the caller's session, load the demo site. They get this instead of `{}`; the permission
 * check runs before parsing, so it decides exactly as for `{}`, and the strict schema then refuses.
 */
const PROBE = { matrixProbe: true };
const actsOnEmptyInput = (method: MethodName): boolean =>
  contract[method].kind === 'write' && contract[method].input.safeParse({}).success;
const inputFor = (method: MethodName): object => (actsOnEmptyInput(method) ? PROBE : {});

const rolesOf = (caller: Caller): Role[] | null => (caller === 'signedOut' ? null : [caller]);
const usernameOf = (caller: Caller): string | null => (caller === 'signedOut' ? null : caller);

const codeOf = (result: ApiResult<unknown>): ErrorCode | 'ok' =>
  result.ok ? 'ok' : result.error.code;

describe('permission matrix', () => {
  let t: TestContext;
  let r: TestRouter;
  const results = new Map<string, ErrorCode | 'ok'>();
  const resultOf = (caller: Caller, method: MethodName): ErrorCode | 'ok' => {
    const code = results.get(`${caller} ${method}`);
    if (code === undefined) throw new Error(`No result for ${caller} ${method}`);
    return code;
  };
  const wasLetIn = (caller: Caller, method: MethodName): boolean =>
    !(GATE_CODES as readonly string[]).includes(resultOf(caller, method));

  /** Every table but the audit log, row by row (sorted, so no rowid is assumed). */
  let contentsBefore: Record<string, string[]>;
  let contentsAfter: Record<string, string[]>;
  let newAuditRows: { username: string | null; method: string; outcome: string }[];

  function tableContents(): Record<string, string[]> {
    return Object.fromEntries(
      storedTables(t.ctx.db)
        .filter((table) => table !== 'audit_log')
        .map((table) => [
          table,
          (t.ctx.db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
            .map((row) => JSON.stringify(row))
            .sort(),
        ]),
    );
  }

  beforeAll(async () => {
    t = makeTestContext();
    for (const role of ROLES) addUser(t, role, [role]);
    r = makeTestRouter(t);
    const handles = new Map<Caller, SessionHandle>();
    for (const role of ROLES) handles.set(role, await r.signIn(role));
    handles.set('signedOut', memoryHandle());

    contentsBefore = tableContents();
    const lastAuditId = t.ctx.db
      .prepare('SELECT coalesce(max(id), 0) FROM audit_log')
      .pluck()
      .get() as number;

    for (const caller of CALLERS) {
      for (const method of METHODS) {
        const result = await r.router.invoke(method, inputFor(method), handles.get(caller)!);
        results.set(`${caller} ${method}`, codeOf(result));
      }
    }

    contentsAfter = tableContents();
    newAuditRows = t.ctx.db
      .prepare('SELECT username, method, outcome FROM audit_log WHERE id > ? ORDER BY id')
      .all(lastAuditId) as typeof newAuditRows;
  });
  afterAll(() => t?.close());

  it('covers every method for every role and for a signed-out caller', () => {
    expect(METHODS.length).toBeGreaterThan(0);
    expect(results.size).toBe(METHODS.length * CALLERS.length);
  });

  it.each(CALLERS)(
    '%s: let in exactly where mayCall allows, refused with the right code elsewhere',
    (caller) => {
      const wrong: string[] = [];
      for (const method of METHODS) {
        const code = resultOf(caller, method);
        const input = inputFor(method);
        if (!mayCall(contract[method].access, rolesOf(caller))) {
          const expected = caller === 'signedOut' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          if (code !== expected) wrong.push(`${method}: ${code}, expected ${expected}`);
        } else if (!wasLetIn(caller, method)) {
          wrong.push(`${method}: ${code}, expected to be let in`);
        } else if (!contract[method].input.safeParse(input).success && code !== 'INVALID_INPUT') {
          wrong.push(`${method}: ${code}, expected INVALID_INPUT for ${JSON.stringify(input)}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  // Pinned independently of ROLE_PERMISSIONS and mayCall: a wrong edit to the table fails here.
  const PINNED: [Caller, MethodName, 'allowed' | 'denied'][] = [
    ['viewer', 'rooms.create', 'denied'],
    ['viewer', 'users.create', 'denied'],
    ['viewer', 'audit.page', 'denied'],
    ['coordinator', 'rooms.bulkCreate', 'allowed'],
    ['coordinator', 'users.list', 'denied'],
    ['coordinator', 'audit.export', 'denied'],
    ['administrator', 'users.list', 'allowed'],
    ['administrator', 'audit.verify', 'allowed'],
    ['administrator', 'settings.updateSecurity', 'allowed'],
    ['administrator', 'rooms.setStatus', 'denied'],
    ['medical', 'rooms.board', 'allowed'],
    ['warehouse', 'rooms.board', 'allowed'],
    // People: coordinators register and allocate; medical staff and viewers read; the
    // administrator and the warehouse see no one.
    ['coordinator', 'arrivals.register', 'allowed'],
    ['coordinator', 'allocation.suggest', 'allowed'],
    ['coordinator', 'allocation.confirm', 'allowed'],
    ['coordinator', 'stays.checkOut', 'allowed'],
    ['coordinator', 'rooms.disinfect', 'allowed'],
    ['coordinator', 'settings.updateObservation', 'denied'],
    ['medical', 'arrivals.members', 'allowed'],
    ['medical', 'stays.get', 'allowed'],
    ['medical', 'stays.extend', 'denied'],
    ['medical', 'allocation.suggest', 'denied'],
    ['viewer', 'rooms.occupants', 'allowed'],
    ['viewer', 'arrivals.register', 'denied'],
    ['viewer', 'rooms.disinfect', 'denied'],
    ['warehouse', 'arrivals.members', 'denied'],
    ['warehouse', 'stays.get', 'denied'],
    ['administrator', 'arrivals.members', 'denied'],
    ['administrator', 'allocation.confirm', 'denied'],
    ['administrator', 'settings.updateObservation', 'allowed'],
    // The end of the epidemic: administrators only (the archive also needs personal.reveal).
    ['administrator', 'archive.export', 'allowed'],
    ['administrator', 'privacy.purgePreview', 'allowed'],
    ['administrator', 'privacy.purge', 'allowed'],
    ['coordinator', 'archive.export', 'denied'],
    ['coordinator', 'privacy.purge', 'denied'],
    ['viewer', 'privacy.purgePreview', 'denied'],
    // Backups and restore replace everyone's data: administrators only.
    ['administrator', 'backups.create', 'allowed'],
    ['administrator', 'backups.restore', 'allowed'],
    ['coordinator', 'backups.restore', 'denied'],
    ['coordinator', 'backups.list', 'denied'],
    ['viewer', 'backups.create', 'denied'],
    ...ROLES.flatMap((role): [Caller, MethodName, 'allowed'][] => [
      [role, 'auth.lock', 'allowed'],
      [role, 'settings.setLanguage', 'allowed'],
    ]),
  ];

  it.each(PINNED)('%s → %s is %s', (caller, method, verdict) => {
    if (verdict === 'allowed') expect(wasLetIn(caller, method)).toBe(true);
    else expect(resultOf(caller, method)).toBe('FORBIDDEN');
  });

  it('lets a signed-out caller reach only the public methods', () => {
    const PUBLIC = [
      'app.info',
      'auth.login',
      'auth.status',
      'host.status',
      'settings.get',
      'setup.initialize',
    ];
    expect(METHODS.filter((m) => contract[m].access === 'public').sort()).toEqual(PUBLIC);
    expect(METHODS.filter((m) => wasLetIn('signedOut', m)).sort()).toEqual(PUBLIC);
    for (const method of METHODS.filter((m) => !PUBLIC.includes(m))) {
      expect(resultOf('signedOut', method), method).toBe('UNAUTHENTICATED');
    }
  });

  it('wrote nothing but one denied audit row per refused call', () => {
    expect(contentsAfter).toEqual(contentsBefore);
    expect(contentsAfter.audit_pending).toEqual([]);

    const refused = CALLERS.flatMap((caller) =>
      METHODS.filter((m) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(resultOf(caller, m))).map(
        (method) => `${usernameOf(caller) ?? '(signed out)'} ${method} denied`,
      ),
    );
    const audited = newAuditRows.map(
      (row) => `${row.username ?? '(signed out)'} ${row.method} ${row.outcome}`,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(audited.sort()).toEqual(refused.sort());
  });

  it('answered the allowed calls whose {} is valid, and failed nothing unexpectedly', () => {
    const answered = CALLERS.flatMap((caller) =>
      METHODS.filter((m) => resultOf(caller, m) === 'ok').map((m) => `${caller} ${m}`),
    );
    expect(answered).toContain('signedOut app.info');
    expect(answered).toContain('administrator audit.verify');
    expect(answered).toContain('viewer sites.list');
    expect([...results.values()]).not.toContain('INTERNAL');
    expect(r.logger.entries).toEqual([]);
  });

  it.each(ROLES)('%s can lock and sign out with {} (run on a fresh session)', async (role) => {
    const handle = await r.signIn(role);
    const locked = await r.router.invoke('auth.lock', {}, handle);
    expect(locked).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(codeOf(await r.router.invoke('sites.list', {}, handle))).toBe('LOCKED');
    const out = await r.router.invoke('auth.logout', {}, handle);
    expect(out).toMatchObject({ ok: true, value: { state: 'signedOut', user: null } });
    expect(handle.token).toBeNull();
  });
});
