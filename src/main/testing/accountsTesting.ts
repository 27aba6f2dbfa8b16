import { expect } from 'vitest';
import type { ApiResult } from '../../shared/errors';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { makeTestContext, makeTestRouter, type TestContext, type TestRouter } from './tempDb';

/** A password the policy accepts: long enough, not common, not the username. */
export const GOOD_PASSWORD = 'Haohe-river-2026';

/** A fresh database behind a router with no account yet, and the calls the account tests make. */
export interface AccountsDesk {
  t: TestContext;
  tr: TestRouter;
  invoke: (method: string, input: unknown, handle: SessionHandle) => Promise<ApiResult<unknown>>;
  /** Moves the router's clock on. */
  advance: (ms: number) => void;
  login: (
    username: string,
    password: string,
    handle?: SessionHandle,
  ) => Promise<ApiResult<unknown>>;
  /** 'ok' or the error code. */
  codeOf: (result: Promise<ApiResult<unknown>>) => Promise<string>;
  userRow: (username: string) => {
    id: number;
    password_hash: string;
    failed_attempts: number;
    locked_until: string | null;
    last_login_at: string | null;
  };
}

export function makeAccountsDesk(): AccountsDesk {
  const t = makeTestContext();
  const tr = makeTestRouter(t);
  const invoke: AccountsDesk['invoke'] = (method, input, handle) =>
    tr.router.invoke(method, input, handle);
  return {
    t,
    tr,
    invoke,
    advance: (ms) => {
      tr.clock.now = new Date(tr.clock.now.getTime() + ms);
    },
    login: (username, password, handle = memoryHandle()) =>
      invoke('auth.login', { username, password }, handle),
    codeOf: async (result) => {
      const r = await result;
      return r.ok ? 'ok' : r.error.code;
    },
    userRow: (username) =>
      t.ctx.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as ReturnType<
        AccountsDesk['userRow']
      >,
  };
}

/** Nothing may have been logged as an error during the test; the database goes either way. */
export function closeAccountsDesk({ t, tr }: Pick<AccountsDesk, 't' | 'tr'>): void {
  try {
    expect(tr.logger.entries).toEqual([]);
  } finally {
    t.close();
  }
}
