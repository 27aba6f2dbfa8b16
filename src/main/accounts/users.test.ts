import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '../../shared/accounts';
import type { ApiResult } from '../../shared/errors';
import { memoryHandle, type SessionHandle } from './sessionStore';
import { auditRows, errorOf, lastAuditId, sessionFor, valueOf } from '../testing/authTesting';
import {
  addUser,
  countRows,
  makeTestContext,
  makeTestRouter,
  TEST_NOW,
  TEST_PASSWORD,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';

const NEW_PASSWORD = 'Haohe-river-2026';

describe('users (through the router)', () => {
  let t: TestContext;
  let tr: TestRouter;
  let adminId: number;
  let admin: SessionHandle;

  const invoke = (method: string, input: unknown, handle: SessionHandle = admin) =>
    tr.router.invoke(method, input, handle);
  const codeOf = async (result: Promise<ApiResult<unknown>>): Promise<string> => {
    const r = await result;
    return r.ok ? 'ok' : r.error.code;
  };
  const rolesOf = (id: number): string[] =>
    t.ctx.db
      .prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role')
      .pluck()
      .all(id) as string[];
  const disabledAt = (id: number): string | null =>
    t.ctx.db.prepare('SELECT disabled_at FROM users WHERE id = ?').pluck().get(id) as string | null;

  beforeEach(() => {
    t = makeTestContext();
    tr = makeTestRouter(t);
    adminId = addUser(t, 'admin', ['administrator']);
    admin = sessionFor(tr, adminId);
  });
  afterEach(() => {
    try {
      expect(tr.logger.entries).toEqual([]);
    } finally {
      t.close();
    }
  });

  describe('create', () => {
    it('creates a user who can then sign in', async () => {
      const created = valueOf<UserSummary>(
        await invoke('users.create', {
          username: '  Nurse.Li  ',
          displayName: ' 李护士 ',
          password: NEW_PASSWORD,
          roles: ['medical', 'viewer', 'medical'],
        }),
      );
      expect(created).toEqual({
        id: expect.any(Number),
        username: 'nurse.li',
        displayName: '李护士',
        roles: ['medical', 'viewer'],
        disabled: false,
        createdAt: TEST_NOW.toISOString(),
        lastLoginAt: null,
      });
      expect(rolesOf(created.id)).toEqual(['medical', 'viewer']);
      expect(
        await codeOf(
          tr.router.invoke(
            'auth.login',
            { username: 'nurse.li', password: NEW_PASSWORD },
            memoryHandle(),
          ),
        ),
      ).toBe('ok');
      // The list shows them, and never a hash.
      const list = valueOf<UserSummary[]>(await invoke('users.list', {}));
      expect(list.map((u) => u.username)).toEqual(['admin', 'nurse.li']);
      expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
    });

    it('refuses a duplicate username whatever its case, creating nothing', async () => {
      addUser(t, 'nurse', ['medical']);
      const before = countRows(t.ctx, 'users');
      const audit = lastAuditId(t);
      for (const username of ['nurse', 'NURSE', 'Nurse']) {
        expect(
          errorOf(
            await invoke('users.create', {
              username,
              displayName: 'Another',
              password: NEW_PASSWORD,
              roles: ['viewer'],
            }),
          ),
          username,
        ).toMatchObject({
          code: 'DUPLICATE',
          params: { value: 'nurse' },
          fields: { username: 'duplicate' },
        });
      }
      expect(countRows(t.ctx, 'users')).toBe(before);
      expect(lastAuditId(t)).toBe(audit);
    });

    it('refuses bad input: no roles, an unknown role, a bad username', async () => {
      const base = { username: 'newbie', displayName: 'N', password: NEW_PASSWORD };
      expect(errorOf(await invoke('users.create', { ...base, roles: [] }))).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { roles: 'roles_required' },
      });
      expect(errorOf(await invoke('users.create', { ...base, roles: ['root'] })).code).toBe(
        'INVALID_INPUT',
      );
      for (const username of ['a', 'has space', '管理员', 'x'.repeat(33), "o'neil"]) {
        expect(
          errorOf(await invoke('users.create', { ...base, username, roles: ['viewer'] })).code,
          username,
        ).toBe('INVALID_INPUT');
      }
      expect(countRows(t.ctx, 'users')).toBe(1);
    });

    it('is for administrators only', async () => {
      const coord = sessionFor(tr, addUser(t, 'coord', ['coordinator']));
      for (const [method, input] of [
        ['users.list', {}],
        [
          'users.create',
          { username: 'x1', displayName: 'x', password: NEW_PASSWORD, roles: ['administrator'] },
        ],
        ['users.update', { id: adminId, displayName: 'x', roles: ['viewer'] }],
        ['users.setDisabled', { id: adminId, disabled: true }],
        ['users.resetPassword', { id: adminId, password: NEW_PASSWORD }],
      ] as const) {
        expect(errorOf(await invoke(method, input, coord)), method).toMatchObject({
          code: 'FORBIDDEN',
          params: { permission: 'users.manage' },
        });
      }
      expect(countRows(t.ctx, 'users')).toBe(2);
      expect(disabledAt(adminId)).toBeNull();
      expect(rolesOf(adminId)).toEqual(['administrator']);
    });
  });

  describe('update, disable, reset password', () => {
    let nurseId: number;

    beforeEach(() => {
      nurseId = addUser(t, 'nurse', ['medical']);
    });

    it('updates the display name and replaces the roles', async () => {
      const updated = valueOf<UserSummary>(
        await invoke('users.update', {
          id: nurseId,
          displayName: '张医生',
          roles: ['viewer', 'warehouse'],
        }),
      );
      expect(updated).toMatchObject({
        id: nurseId,
        username: 'nurse',
        displayName: '张医生',
        roles: ['warehouse', 'viewer'],
      });
      expect(rolesOf(nurseId)).toEqual(['viewer', 'warehouse']);
      expect(
        errorOf(await invoke('users.update', { id: 999, displayName: 'x', roles: ['viewer'] }))
          .code,
      ).toBe('NOT_FOUND');
    });

    it('disables and enables an account; a disabled one cannot sign in', async () => {
      expect(
        valueOf<UserSummary>(await invoke('users.setDisabled', { id: nurseId, disabled: true })),
      ).toMatchObject({ disabled: true });
      expect(disabledAt(nurseId)).toBe(TEST_NOW.toISOString());
      const handle = memoryHandle();
      expect(
        await codeOf(
          tr.router.invoke('auth.login', { username: 'nurse', password: TEST_PASSWORD }, handle),
        ),
      ).toBe('ACCOUNT_DISABLED');
      expect(handle.token).toBeNull();
      // Disabled accounts are listed last.
      expect(valueOf<UserSummary[]>(await invoke('users.list', {})).map((u) => u.username)).toEqual(
        ['admin', 'nurse'],
      );

      expect(
        valueOf<UserSummary>(await invoke('users.setDisabled', { id: nurseId, disabled: false })),
      ).toMatchObject({ disabled: false });
      expect(disabledAt(nurseId)).toBeNull();
      expect(await codeOf(invoke('users.setDisabled', { id: 999, disabled: true }))).toBe(
        'NOT_FOUND',
      );
    });

    it('resets a password, which also lifts a throttle', async () => {
      t.ctx.db
        .prepare('UPDATE users SET failed_attempts = 7, locked_until = ? WHERE id = ?')
        .run('2099-01-01T00:00:00.000Z', nurseId);
      const hashBefore = t.ctx.db
        .prepare('SELECT password_hash FROM users WHERE id = ?')
        .pluck()
        .get(nurseId);
      expect(
        valueOf<UserSummary>(
          await invoke('users.resetPassword', { id: nurseId, password: NEW_PASSWORD }),
        ),
      ).toMatchObject({ id: nurseId, username: 'nurse' });
      expect(
        t.ctx.db
          .prepare('SELECT failed_attempts, locked_until FROM users WHERE id = ?')
          .get(nurseId),
      ).toEqual({ failed_attempts: 0, locked_until: null });
      expect(
        t.ctx.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(nurseId),
      ).not.toBe(hashBefore);

      const login = (password: string) =>
        codeOf(tr.router.invoke('auth.login', { username: 'nurse', password }, memoryHandle()));
      expect(await login(NEW_PASSWORD)).toBe('ok');
      expect(await login(TEST_PASSWORD)).toBe('BAD_CREDENTIALS');
      // The audit says a password was reset, never what it is.
      const rows = auditRows(t).filter((r) => r.method === 'users.resetPassword');
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(rows)).not.toContain('scrypt');
    });

    it('refuses a common password on reset', async () => {
      expect(
        errorOf(await invoke('users.resetPassword', { id: nurseId, password: 'password1' })),
      ).toMatchObject({ code: 'WEAK_PASSWORD', fields: { password: 'password_common' } });
    });
  });

  describe('ending sessions at once', () => {
    let nurseId: number;
    let windows: SessionHandle[];
    const storedTokens = (): (string | null)[] =>
      windows.map((w) => (tr.sessions.get(w.token) ? w.token : null));

    beforeEach(() => {
      nurseId = addUser(t, 'nurse', ['medical']);
      // The nurse is signed in twice (two windows); another user is signed in too.
      windows = [sessionFor(tr, nurseId), sessionFor(tr, nurseId)];
    });

    it('a disabled account loses every open session: even a read is refused', async () => {
      const other = sessionFor(tr, addUser(t, 'clerk', ['viewer']));
      expect(await codeOf(invoke('auth.status', {}, windows[0]))).toBe('ok');
      await invoke('users.setDisabled', { id: nurseId, disabled: true });
      expect(storedTokens()).toEqual([null, null]);
      for (const w of windows) {
        expect(await codeOf(invoke('sites.list', { includeRetired: false }, w))).toBe(
          'SESSION_EXPIRED',
        );
      }
      expect(await codeOf(invoke('sites.list', { includeRetired: false }, other))).toBe('ok');
      expect(await codeOf(invoke('sites.list', { includeRetired: false }))).toBe('ok');
      // Enabling again does not bring a session back.
      await invoke('users.setDisabled', { id: nurseId, disabled: false });
      expect(await codeOf(invoke('sites.list', { includeRetired: false }, windows[1]))).toBe(
        'SESSION_EXPIRED',
      );
    });

    it("a password reset ends the user's sessions; the administrator's own stays", async () => {
      expect(
        await codeOf(invoke('users.resetPassword', { id: nurseId, password: NEW_PASSWORD })),
      ).toBe('ok');
      expect(storedTokens()).toEqual([null, null]);
      expect(await codeOf(invoke('sites.list', { includeRetired: false }, windows[0]))).toBe(
        'SESSION_EXPIRED',
      );
      expect(await codeOf(invoke('sites.list', { includeRetired: false }))).toBe('ok');
      // An administrator resetting their own password keeps this window and ends the others.
      const otherAdminWindow = sessionFor(tr, adminId);
      expect(
        await codeOf(invoke('users.resetPassword', { id: adminId, password: NEW_PASSWORD })),
      ).toBe('ok');
      expect(tr.sessions.get(otherAdminWindow.token)).toBeUndefined();
      expect(await codeOf(invoke('sites.list', { includeRetired: false }))).toBe('ok');
    });

    it("changing one's own password ends one's other sessions, not this one", async () => {
      expect(
        await codeOf(
          invoke('auth.changePassword', { current: TEST_PASSWORD, next: NEW_PASSWORD }, windows[0]),
        ),
      ).toBe('ok');
      expect(storedTokens()).toEqual([windows[0]!.token, null]);
      expect(await codeOf(invoke('sites.list', { includeRetired: false }, windows[0]))).toBe('ok');
      expect(await codeOf(invoke('sites.list', { includeRetired: false }, windows[1]))).toBe(
        'SESSION_EXPIRED',
      );
    });

    it('a refused reset (a common password) ends nothing', async () => {
      expect(
        await codeOf(invoke('users.resetPassword', { id: nurseId, password: 'password1' })),
      ).toBe('WEAK_PASSWORD');
      expect(storedTokens()).toEqual(windows.map((w) => w.token));
    });
  });

  describe('the last active administrator', () => {
    it('cannot be disabled or lose the administrator role', async () => {
      const audit = lastAuditId(t);
      expect(errorOf(await invoke('users.setDisabled', { id: adminId, disabled: true })).code).toBe(
        'LAST_ADMIN',
      );
      expect(
        errorOf(
          await invoke('users.update', {
            id: adminId,
            displayName: 'Admin',
            roles: ['coordinator'],
          }),
        ).code,
      ).toBe('LAST_ADMIN');
      expect(disabledAt(adminId)).toBeNull();
      expect(rolesOf(adminId)).toEqual(['administrator']);
      expect(lastAuditId(t)).toBe(audit);
      // Keeping the role while adding others, or renaming, is fine.
      expect(
        valueOf<UserSummary>(
          await invoke('users.update', {
            id: adminId,
            displayName: 'Chief',
            roles: ['administrator', 'coordinator'],
          }),
        ),
      ).toMatchObject({ displayName: 'Chief', roles: ['administrator', 'coordinator'] });
    });

    it('does not count a disabled administrator as another one', async () => {
      addUser(t, 'old-admin', ['administrator'], true);
      expect(await codeOf(invoke('users.setDisabled', { id: adminId, disabled: true }))).toBe(
        'LAST_ADMIN',
      );
      expect(
        await codeOf(invoke('users.update', { id: adminId, displayName: 'A', roles: ['viewer'] })),
      ).toBe('LAST_ADMIN');
    });

    it('with two administrators, one may be disabled or demoted, but not both', async () => {
      const secondId = addUser(t, 'second', ['administrator', 'coordinator']);
      expect(
        valueOf<UserSummary>(
          await invoke('users.update', { id: secondId, displayName: 'S', roles: ['coordinator'] }),
        ),
      ).toMatchObject({ roles: ['coordinator'] });
      // Now admin is the last one again.
      expect(await codeOf(invoke('users.setDisabled', { id: adminId, disabled: true }))).toBe(
        'LAST_ADMIN',
      );

      valueOf(
        await invoke('users.update', {
          id: secondId,
          displayName: 'S',
          roles: ['administrator'],
        }),
      );
      expect(
        valueOf<UserSummary>(await invoke('users.setDisabled', { id: secondId, disabled: true })),
      ).toMatchObject({ disabled: true });
      expect(
        await codeOf(invoke('users.update', { id: adminId, displayName: 'A', roles: ['viewer'] })),
      ).toBe('LAST_ADMIN');

      // An administrator may step down once another one is active.
      valueOf(await invoke('users.setDisabled', { id: secondId, disabled: false }));
      expect(
        valueOf<UserSummary>(await invoke('users.setDisabled', { id: adminId, disabled: true })),
      ).toMatchObject({ disabled: true });
      // ...which ends their own session.
      expect(await codeOf(invoke('users.list', {}))).not.toBe('ok');
      expect(
        t.ctx.db
          .prepare(
            `SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id
             WHERE r.role = 'administrator' AND u.disabled_at IS NULL`,
          )
          .pluck()
          .get(),
      ).toBe(1);
    });
  });
});
