import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/accounts';
import { memoryHandle, type SessionHandle } from './sessionStore';
import { auditRows, errorOf, lastAuditId, sessionFor, valueOf } from '../testing/authTesting';
import { addUser, countRows, TEST_NOW, TEST_PASSWORD } from '../testing/tempDb';
import {
  closeAccountsDesk,
  GOOD_PASSWORD,
  makeAccountsDesk,
  type AccountsDesk,
} from '../testing/accountsTesting';

const MINUTE = 60_000;

describe('accounts and sessions (through the router)', () => {
  let t: AccountsDesk['t'];
  let tr: AccountsDesk['tr'];
  let invoke: AccountsDesk['invoke'];
  let advance: AccountsDesk['advance'];
  let login: AccountsDesk['login'];
  let codeOf: AccountsDesk['codeOf'];
  let userRow: AccountsDesk['userRow'];

  beforeEach(() => {
    ({ t, tr, invoke, advance, login, codeOf, userRow } = makeAccountsDesk());
  });
  afterEach(() => closeAccountsDesk({ t, tr }));

  describe('signing in', () => {
    let coordId: number;

    beforeEach(() => {
      coordId = addUser(t, 'coord', ['coordinator']);
    });

    it('signs in with the right password, with a fresh 128-bit token', async () => {
      const handle = memoryHandle();
      const status = valueOf<AuthStatus>(await login('coord', TEST_PASSWORD, handle));
      expect(status).toEqual({
        state: 'active',
        user: {
          id: coordId,
          username: 'coord',
          displayName: 'coord',
          roles: ['coordinator'],
          permissions: [
            'registry.read',
            'registry.manage',
            'people.read',
            'people.manage',
            'personal.reveal',
            'health.record',
            'roster.read',
            'roster.manage',
            'stock.read',
            'stock.manage',
          ],
        },
        idleLockMinutes: 15,
      });
      expect(handle.token).toMatch(/^[0-9a-f]{32}$/);
      expect(userRow('coord').last_login_at).toBe(TEST_NOW.toISOString());
      expect(auditRows(t).at(-1)).toMatchObject({
        method: 'auth.login',
        outcome: 'ok',
        user_id: coordId,
        username: 'coord',
      });
      // The typed name is case-insensitive.
      expect(await codeOf(login('COORD', TEST_PASSWORD))).toBe('ok');
    });

    it('gives a new token on a new sign-in, and the old one stops working', async () => {
      const handle = await tr.signIn('coord');
      const oldToken = handle.token!;
      const oldCopy = memoryHandle(oldToken);
      expect(await codeOf(invoke('sites.list', {}, oldCopy))).toBe('ok');

      valueOf(await login('coord', TEST_PASSWORD, handle));
      expect(handle.token).toMatch(/^[0-9a-f]{32}$/);
      expect(handle.token).not.toBe(oldToken);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('ok');
      expect(['UNAUTHENTICATED', 'SESSION_EXPIRED']).toContain(
        await codeOf(invoke('sites.list', {}, oldCopy)),
      );
      expect(tr.sessions.size).toBe(1);
    });

    it('signs out', async () => {
      const handle = sessionFor(tr, coordId);
      expect(valueOf(await invoke('auth.logout', {}, handle))).toMatchObject({
        state: 'signedOut',
        user: null,
      });
      expect(handle.token).toBeNull();
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('UNAUTHENTICATED');
      expect(tr.sessions.size).toBe(0);
    });

    it('counts wrong passwords down, audits each failure, then throttles even the right password', async () => {
      const before = lastAuditId(t);
      const handle = memoryHandle();
      for (const remaining of [4, 3, 2, 1, 0]) {
        const error = errorOf(await login('Coord', 'not-the-password', handle));
        expect(error).toMatchObject({ code: 'BAD_CREDENTIALS', params: { remaining } });
      }
      expect(handle.token).toBeNull();
      expect(userRow('coord').failed_attempts).toBe(5);

      // The sixth attempt, with the right password, is refused without being checked.
      const throttled = errorOf(await login('coord', TEST_PASSWORD, handle));
      expect(throttled.code).toBe('THROTTLED');
      expect(throttled.params?.seconds).toBeGreaterThanOrEqual(29);
      expect(throttled.params?.seconds).toBeLessThanOrEqual(30);
      expect(handle.token).toBeNull();

      advance(20_000);
      const later = errorOf(await login('coord', TEST_PASSWORD, handle));
      expect(later.code).toBe('THROTTLED');
      expect(later.params?.seconds).toBe(10);

      const failures = auditRows(t, before);
      expect(failures).toHaveLength(7);
      for (const row of failures) {
        expect(row).toMatchObject({
          method: 'auth.login',
          outcome: 'failed',
          user_id: null,
          username: 'coord',
          entity: 'user',
          entity_id: coordId,
        });
      }

      advance(11_000);
      expect(await codeOf(login('coord', TEST_PASSWORD, handle))).toBe('ok');
      expect(handle.token).not.toBeNull();
      expect(userRow('coord')).toMatchObject({ failed_attempts: 0, locked_until: null });
      // The count starts again from the top.
      expect(errorOf(await login('coord', 'not-the-password'))).toMatchObject({
        code: 'BAD_CREDENTIALS',
        params: { remaining: 4 },
      });
    });

    it('answers an unknown user with BAD_CREDENTIALS and audits the typed name', async () => {
      const before = lastAuditId(t);
      const handle = memoryHandle();
      expect(errorOf(await login('Nobody', TEST_PASSWORD, handle)).code).toBe('BAD_CREDENTIALS');
      expect(handle.token).toBeNull();
      expect(auditRows(t, before)).toEqual([
        expect.objectContaining({
          method: 'auth.login',
          outcome: 'failed',
          user_id: null,
          username: 'nobody',
          entity_id: null,
        }),
      ]);
    });

    // The envelope must not tell an unknown name from a wrong password (nor may throttling).
    it('gives an unknown user the very answer a wrong password gets', async () => {
      const wrong = errorOf(await login('coord', 'not-the-password'));
      const unknown = errorOf(await login('nobody', 'not-the-password'));
      expect(unknown).toEqual(wrong);
    });

    it('refuses a disabled account even with the right password', async () => {
      t.ctx.db.prepare("UPDATE users SET disabled_at = 'x' WHERE id = ?").run(coordId);
      const handle = memoryHandle();
      expect(await codeOf(login('coord', TEST_PASSWORD, handle))).toBe('ACCOUNT_DISABLED');
      expect(handle.token).toBeNull();
    });

    it('ignores a role claimed in the input: there is no field for it', async () => {
      const viewer = sessionFor(tr, addUser(t, 'viewer', ['viewer']));
      const claim = memoryHandle();
      expect(
        errorOf(
          await invoke(
            'auth.login',
            { username: 'viewer', password: TEST_PASSWORD, role: 'administrator' },
            claim,
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', fields: { role: 'unrecognized_key' } });
      expect(claim.token).toBeNull();
      expect(
        errorOf(
          await invoke('sites.list', { includeRetired: false, role: 'administrator' }, viewer),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', fields: { role: 'unrecognized_key' } });
      // Permission is checked against the roles main holds, before the input is even read.
      expect(errorOf(await invoke('users.list', { roles: ['administrator'] }, viewer)).code).toBe(
        'FORBIDDEN',
      );
      expect(
        errorOf(await invoke('sites.create', { name: 'X', role: 'administrator' }, viewer)).code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(
          await invoke(
            'setup.initialize',
            {
              admin: {
                username: 'boss',
                displayName: 'B',
                password: GOOD_PASSWORD,
                roles: ['administrator'],
              },
              site: { kind: 'new', name: 'S', address: '' },
            },
            memoryHandle(),
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', fields: { 'admin.roles': 'unrecognized_key' } });
      expect(countRows(t.ctx, 'sites')).toBe(0);
      expect(
        t.ctx.db
          .prepare("SELECT count(*) FROM user_roles WHERE role = 'administrator'")
          .pluck()
          .get(),
      ).toBe(0);
    });
  });

  describe('session limits', () => {
    let coordId: number;
    let handle: SessionHandle;

    beforeEach(() => {
      coordId = addUser(t, 'coord', ['coordinator']);
      handle = sessionFor(tr, coordId);
    });

    it('locks after 15 idle minutes; only the lock screen’s calls get through until unlocked', async () => {
      advance(14 * MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('ok');
      // Activity moved the idle timer: 14 more minutes are still fine.
      advance(14 * MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('ok');

      advance(16 * MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('LOCKED');
      expect(await codeOf(invoke('sites.create', { name: 'X' }, handle))).toBe('LOCKED');
      expect(await codeOf(invoke('auth.lock', {}, handle))).toBe('LOCKED');
      expect(valueOf(await invoke('auth.status', {}, handle))).toMatchObject({
        state: 'locked',
        user: { username: 'coord' },
      });
      expect(await codeOf(invoke('app.info', {}, handle))).toBe('ok');

      expect(errorOf(await invoke('auth.unlock', { password: 'wrong-one' }, handle)).code).toBe(
        'BAD_CREDENTIALS',
      );
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('LOCKED');
      expect(valueOf(await invoke('auth.status', {}, handle))).toMatchObject({ state: 'locked' });

      expect(
        valueOf(await invoke('auth.unlock', { password: TEST_PASSWORD }, handle)),
      ).toMatchObject({ state: 'active' });
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('ok');
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });

    it('lets a locked session sign out', async () => {
      expect(valueOf(await invoke('auth.lock', {}, handle))).toMatchObject({ state: 'locked' });
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('LOCKED');
      expect(valueOf(await invoke('auth.logout', {}, handle))).toMatchObject({
        state: 'signedOut',
      });
      expect(handle.token).toBeNull();
    });

    it('ends a session 12 hours after sign-in, however busy it was', async () => {
      const token = handle.token!;
      for (let minutes = 10; minutes <= 12 * 60; minutes += 10) {
        advance(10 * MINUTE);
        expect(await codeOf(invoke('sites.list', {}, handle)), `${minutes} min`).toBe('ok');
      }
      advance(MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('SESSION_EXPIRED');
      expect(handle.token).toBeNull();
      expect(tr.sessions.get(token)).toBeUndefined();
      expect(await codeOf(invoke('sites.list', {}, memoryHandle(token)))).not.toBe('ok');
      expect(valueOf(await invoke('auth.status', {}, handle))).toMatchObject({
        state: 'signedOut',
        user: null,
      });
      expect(auditRows(t).at(-1)).toMatchObject({
        method: 'sites.list',
        outcome: 'denied',
        detail: 'session expired',
      });
    });

    it('takes both limits from settings.updateSecurity (administrators only)', async () => {
      expect(
        errorOf(
          await invoke(
            'settings.updateSecurity',
            { idleLockMinutes: 5, sessionMaxHours: 2 },
            handle,
          ),
        ).code,
      ).toBe('FORBIDDEN');

      const adminId = addUser(t, 'admin', ['administrator']);
      const admin = sessionFor(tr, adminId);
      expect(
        valueOf(
          await invoke(
            'settings.updateSecurity',
            { idleLockMinutes: 5, sessionMaxHours: 2 },
            admin,
          ),
        ),
      ).toMatchObject({ idleLockMinutes: 5, sessionMaxHours: 2 });
      expect(valueOf(await invoke('auth.status', {}, handle))).toMatchObject({
        idleLockMinutes: 5,
      });

      advance(4 * MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('ok');
      advance(6 * MINUTE);
      expect(await codeOf(invoke('sites.list', {}, handle))).toBe('LOCKED');

      // The other session, kept busy, still ends at two hours.
      const busy = sessionFor(tr, coordId);
      for (let minutes = 4; minutes <= 120; minutes += 4) {
        advance(4 * MINUTE);
        expect(await codeOf(invoke('sites.list', {}, busy)), `${minutes} min`).toBe('ok');
      }
      advance(MINUTE);
      expect(await codeOf(invoke('sites.list', {}, busy))).toBe('SESSION_EXPIRED');

      expect(
        errorOf(
          await invoke(
            'settings.updateSecurity',
            { idleLockMinutes: 0, sessionMaxHours: 25 },
            sessionFor(tr, adminId),
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT' });
    });
  });

  describe('changes by an administrator count at the user’s next call', () => {
    let admin: SessionHandle;
    let coordId: number;
    let coord: SessionHandle;

    beforeEach(() => {
      admin = sessionFor(tr, addUser(t, 'admin', ['administrator']));
      coordId = addUser(t, 'coord', ['coordinator']);
      coord = sessionFor(tr, coordId);
    });

    // Whether the answer says "signed out" or "session ended" is wording: both send the user to
    // the sign-in screen (where ACCOUNT_DISABLED awaits). What matters is that the session is gone.
    it('ends a disabled user’s session at once', async () => {
      const token = coord.token!;
      expect(await codeOf(invoke('sites.list', {}, coord))).toBe('ok');
      expect(
        valueOf(await invoke('users.setDisabled', { id: coordId, disabled: true }, admin)),
      ).toMatchObject({ disabled: true });
      // Gone from the store before the user does anything.
      expect(tr.sessions.get(token)).toBeUndefined();

      const next = await invoke('sites.list', {}, coord);
      expect(tr.sessions.get(token)).toBeUndefined();
      expect(errorOf(next).code).toBe('SESSION_EXPIRED');
      expect(await codeOf(invoke('sites.list', {}, coord))).toBe('SESSION_EXPIRED');
      expect(auditRows(t).at(-2)).toMatchObject({ method: 'sites.list', outcome: 'denied' });
      // Enabled again, the account signs in anew; the old token stays dead.
      valueOf(await invoke('users.setDisabled', { id: coordId, disabled: false }, admin));
      expect(await codeOf(invoke('sites.list', {}, memoryHandle(token)))).not.toBe('ok');
    });

    it('applies a removed role at the user’s very next call', async () => {
      expect(await codeOf(invoke('sites.create', { name: 'One' }, coord))).toBe('ok');
      expect(
        valueOf(
          await invoke('users.update', { id: coordId, displayName: 'C', roles: ['viewer'] }, admin),
        ),
      ).toMatchObject({ roles: ['viewer'] });

      expect(errorOf(await invoke('sites.create', { name: 'Two' }, coord))).toMatchObject({
        code: 'FORBIDDEN',
        params: { permission: 'registry.manage' },
      });
      expect(await codeOf(invoke('sites.list', {}, coord))).toBe('ok');
      expect(valueOf(await invoke('auth.status', {}, coord))).toMatchObject({
        user: {
          roles: ['viewer'],
          permissions: ['registry.read', 'people.read', 'roster.read', 'stock.read'],
        },
      });
      // And given back, it counts at once too.
      valueOf(
        await invoke(
          'users.update',
          { id: coordId, displayName: 'C', roles: ['coordinator'] },
          admin,
        ),
      );
      expect(await codeOf(invoke('sites.create', { name: 'Two' }, coord))).toBe('ok');
      expect(countRows(t.ctx, 'sites')).toBe(2);
    });
  });

  describe('passwords', () => {
    let admin: SessionHandle;

    beforeEach(() => {
      admin = sessionFor(tr, addUser(t, 'admin', ['administrator']));
    });

    it('changes the password only with the current one', async () => {
      const handle = sessionFor(tr, addUser(t, 'coord', ['coordinator']));
      expect(
        errorOf(
          await invoke(
            'auth.changePassword',
            { current: 'wrong-one', next: GOOD_PASSWORD },
            handle,
          ),
        ).code,
      ).toBe('BAD_CREDENTIALS');
      expect(
        valueOf(
          await invoke(
            'auth.changePassword',
            { current: TEST_PASSWORD, next: GOOD_PASSWORD },
            handle,
          ),
        ),
      ).toMatchObject({ state: 'active' });
      expect(await codeOf(login('coord', TEST_PASSWORD))).toBe('BAD_CREDENTIALS');
      expect(await codeOf(login('coord', GOOD_PASSWORD))).toBe('ok');
      expect(
        auditRows(t).some((r) => r.method === 'auth.changePassword' && r.outcome === 'ok'),
      ).toBe(true);
    });

    it('refuses a common password, and one equal to the username', async () => {
      const id = addUser(t, 'nightnurse', ['medical']);
      const handle = sessionFor(tr, id);
      const hashBefore = userRow('nightnurse').password_hash;
      const weak = { code: 'WEAK_PASSWORD', fields: { password: 'password_common' } };
      // Changing one's own password checks the current one first (a scrypt check per call).
      for (const next of ['woaini1314', 'NightNurse']) {
        expect(
          errorOf(await invoke('auth.changePassword', { current: TEST_PASSWORD, next }, handle)),
          next,
        ).toMatchObject(weak);
      }
      // The same rule, wherever a password is set.
      for (const password of [
        '12345678',
        'password1',
        'Password1',
        '88888888',
        'woaini1314',
        'nightnurse',
      ]) {
        expect(
          errorOf(await invoke('users.resetPassword', { id, password }, admin)),
          password,
        ).toMatchObject(weak);
      }
      expect(
        errorOf(
          await invoke(
            'users.create',
            { username: 'newbie01', displayName: 'N', password: 'NEWBIE01', roles: ['viewer'] },
            admin,
          ),
        ),
      ).toMatchObject(weak);
      expect(userRow('nightnurse').password_hash).toBe(hashBefore);
      expect(countRows(t.ctx, 'users')).toBe(2);
    });

    it('refuses passwords shorter than 8 or longer than 64 characters, and takes 64', async () => {
      const id = addUser(t, 'coord', ['coordinator']);
      const cases: [string, unknown][] = [
        ['7 characters', 'Abcdef7'],
        ['65 characters', 'x'.repeat(65)],
      ];
      for (const [label, password] of cases) {
        const code = label.startsWith('7') ? 'password_short' : 'password_long';
        expect(
          errorOf(await invoke('users.resetPassword', { id, password }, admin)),
          label,
        ).toMatchObject({ code: 'INVALID_INPUT', fields: { password: code } });
        expect(
          errorOf(
            await invoke(
              'users.create',
              { username: 'newbie', displayName: 'N', password, roles: ['viewer'] },
              admin,
            ),
          ),
          label,
        ).toMatchObject({ code: 'INVALID_INPUT', fields: { password: code } });
        expect(
          errorOf(
            await invoke(
              'auth.changePassword',
              { current: TEST_PASSWORD, next: password },
              sessionFor(tr, id),
            ),
          ),
          label,
        ).toMatchObject({ code: 'INVALID_INPUT', fields: { next: code } });
      }
      expect(countRows(t.ctx, 'users')).toBe(2);

      const long = `${'Long-river-'.repeat(5)}abcdefghi`;
      expect(long).toHaveLength(64);
      expect(await codeOf(invoke('users.resetPassword', { id, password: long }, admin))).toBe('ok');
      expect(await codeOf(login('coord', long))).toBe('ok');
    });
  });
});
