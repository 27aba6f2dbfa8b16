import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionHandle } from './sessionStore';
import { sessionFor } from '../testing/authTesting';
import { addUser } from '../testing/tempDb';
import {
  closeAccountsDesk,
  GOOD_PASSWORD,
  makeAccountsDesk,
  type AccountsDesk,
} from '../testing/accountsTesting';

describe('accounts and sessions (through the router)', () => {
  let t: AccountsDesk['t'];
  let tr: AccountsDesk['tr'];
  let invoke: AccountsDesk['invoke'];
  let codeOf: AccountsDesk['codeOf'];
  let userRow: AccountsDesk['userRow'];

  beforeEach(() => {
    ({ t, tr, invoke, codeOf, userRow } = makeAccountsDesk());
  });
  afterEach(() => closeAccountsDesk({ t, tr }));

  describe('passwords', () => {
    let admin: SessionHandle;

    beforeEach(() => {
      admin = sessionFor(tr, addUser(t, 'admin', ['administrator']));
    });
    it('stores a salted scrypt hash: the same password twice gives different hashes', async () => {
      for (const username of ['nurse1', 'nurse2']) {
        expect(
          await codeOf(
            invoke(
              'users.create',
              { username, displayName: username, password: GOOD_PASSWORD, roles: ['medical'] },
              admin,
            ),
          ),
        ).toBe('ok');
      }
      const [a, b] = ['nurse1', 'nurse2'].map((u) => userRow(u).password_hash);
      for (const hash of [a!, b!]) {
        expect(hash.startsWith('scrypt$17$8$1$')).toBe(true);
        const [, , , , salt, key] = hash.split('$');
        expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
        expect(Buffer.from(key!, 'base64').length).toBeGreaterThanOrEqual(32);
        expect(hash).not.toContain(GOOD_PASSWORD);
      }
      expect(a).not.toBe(b);
      expect(a!.split('$')[4]).not.toBe(b!.split('$')[4]);
    });
  });
});
