import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/accounts';
import { memoryHandle } from './sessionStore';
import { errorOf, valueOf } from '../testing/authTesting';
import { countRows } from '../testing/tempDb';
import {
  closeAccountsDesk,
  GOOD_PASSWORD,
  makeAccountsDesk,
  type AccountsDesk,
} from '../testing/accountsTesting';
import { DEMO_DATA } from './demo';

describe('accounts and sessions (through the router)', () => {
  let t: AccountsDesk['t'];
  let tr: AccountsDesk['tr'];
  let invoke: AccountsDesk['invoke'];
  let login: AccountsDesk['login'];
  let codeOf: AccountsDesk['codeOf'];

  beforeEach(() => {
    ({ t, tr, invoke, login, codeOf } = makeAccountsDesk());
  });
  afterEach(() => closeAccountsDesk({ t, tr }));

  describe('first run', () => {
    const setupInput = (site: unknown) => ({
      admin: { username: 'Director', displayName: '王主任', password: GOOD_PASSWORD },
      site,
    });

    it('has no account at all, so no default password signs anyone in', async () => {
      expect(countRows(t.ctx, 'users')).toBe(0);
      expect(await invoke('app.info', {}, memoryHandle())).toMatchObject({
        ok: true,
        value: { needsSetup: true, hasSite: false },
      });
      for (const [username, password] of [
        ['admin', 'admin'],
        ['administrator', '123456'],
      ] as const) {
        const handle = memoryHandle();
        expect(await codeOf(login(username, password, handle)), username).toBe('BAD_CREDENTIALS');
        expect(handle.token).toBeNull();
      }
      expect(tr.sessions.size).toBe(0);
    });

    it('creates the administrator (who also coordinates) and a new site, and signs in at once', async () => {
      const handle = memoryHandle();
      const status = valueOf<AuthStatus>(
        await invoke(
          'setup.initialize',
          setupInput({ kind: 'new', name: 'Haohe', address: 'Nantong' }),
          handle,
        ),
      );
      expect(status).toMatchObject({
        state: 'active',
        user: {
          username: 'director',
          displayName: '王主任',
          roles: ['administrator', 'coordinator'],
          permissions: expect.arrayContaining(['users.manage', 'registry.manage', 'audit.read']),
        },
      });
      expect(handle.token).toMatch(/^[0-9a-f]{32}$/);
      expect(valueOf(await invoke('sites.list', {}, handle))).toEqual([
        { id: expect.any(Number), name: 'Haohe', address: 'Nantong', retiredAt: null },
      ]);
      expect(await invoke('users.list', {}, handle)).toMatchObject({ ok: true });
      expect(await invoke('app.info', {}, handle)).toMatchObject({
        value: { needsSetup: false, hasSite: true },
      });

      // Once an account exists, setup is closed, for anyone.
      for (const caller of [memoryHandle(), handle]) {
        expect(
          errorOf(
            await invoke(
              'setup.initialize',
              {
                admin: { username: 'intruder', displayName: 'X', password: GOOD_PASSWORD },
                site: { kind: 'new', name: 'Other', address: '' },
              },
              caller,
            ),
          ).code,
        ).toBe('ALREADY_SET_UP');
      }
      expect(countRows(t.ctx, 'users')).toBe(1);
      expect(countRows(t.ctx, 'sites')).toBe(1);
    });

    it('can start with the demo site instead', async () => {
      const handle = memoryHandle();
      expect(await invoke('setup.initialize', setupInput({ kind: 'demo' }), handle)).toMatchObject({
        ok: true,
        value: { state: 'active' },
      });
      const sites = valueOf<{ name: string }[]>(await invoke('sites.list', {}, handle));
      expect(sites.map((s) => s.name)).toEqual([DEMO_DATA.site.name]);
      expect(countRows(t.ctx, 'rooms')).toBeGreaterThan(0);
      expect(t.ctx.db.prepare('SELECT role FROM user_roles ORDER BY role').pluck().all()).toEqual([
        'administrator',
        'coordinator',
      ]);
    });

    it('refuses a common password for the first administrator, creating nothing', async () => {
      const handle = memoryHandle();
      const result = await invoke(
        'setup.initialize',
        {
          admin: { username: 'director', displayName: 'D', password: '12345678' },
          site: { kind: 'new', name: 'Haohe', address: '' },
        },
        handle,
      );
      expect(errorOf(result)).toMatchObject({
        code: 'WEAK_PASSWORD',
        fields: { password: 'password_common' },
      });
      expect(handle.token).toBeNull();
      expect(countRows(t.ctx, 'users')).toBe(0);
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });
  });
});
