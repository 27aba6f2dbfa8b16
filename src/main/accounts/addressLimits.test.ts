import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, valueOf } from '../testing/authTesting';
import {
  addUser,
  makeTestContext,
  makeTestRouter,
  TEST_PASSWORD,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { ADDRESS_FREE_ATTEMPTS, FREE_ATTEMPTS } from './auth';
import { memoryHandle, type DeviceInfo } from './sessionStore';

const remote = (address: string): DeviceInfo => ({
  address,
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36',
  via: 'host',
});
const GUESSER = remote('192.168.1.66');
const STATION = remote('192.168.1.23');
const LOOPBACK: DeviceInfo = { address: '127.0.0.1', userAgent: '', via: 'local' };

/** Names someone might try at a district desk: each tried fewer times than an account's limit. */
const NAMES = ['liuhao', 'admin', 'chongchuan', 'zhangwei', 'wangfang', 'lina', 'liqiang'];

describe('sign-in limits per address', () => {
  let t: TestContext;
  let tr: TestRouter;
  const login = (device: DeviceInfo, username: string, password: string) =>
    tr.router.invoke('auth.login', { username, password }, memoryHandle(null, device));

  beforeEach(() => {
    t = makeTestContext();
    tr = makeTestRouter(t);
    addUser(t, 'liuhao', ['administrator']);
    addUser(t, 'wangfang', ['medical']);
  });
  afterEach(() => t.close());

  it('many names from one address are throttled; another address is not', async () => {
    // Two tries per name: no account reaches its own limit.
    const tries = Array.from({ length: ADDRESS_FREE_ATTEMPTS }, (_, i) => NAMES[i % NAMES.length]!);
    for (const name of tries) {
      expect(errorOf(await login(GUESSER, name, 'chongchuan2020')).code).toBe('BAD_CREDENTIALS');
    }
    expect(Math.max(...NAMES.map((n) => tries.filter((x) => x === n).length))).toBeLessThan(
      FREE_ATTEMPTS,
    );

    // The next try from there waits, whatever the name, even with the right password.
    const refused = errorOf(await login(GUESSER, 'wangfang', TEST_PASSWORD));
    expect(refused).toMatchObject({ code: 'THROTTLED', params: { seconds: 30 } });
    const audit = t.ctx.db
      .prepare("SELECT detail FROM audit_log WHERE method = 'auth.login' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get();
    expect(audit).toBe('address throttled');

    // The medical station and this PC's loopback listener are other addresses: they sign in.
    expect(valueOf(await login(STATION, 'wangfang', TEST_PASSWORD))).toMatchObject({
      state: 'active',
    });
    expect(valueOf(await login(LOOPBACK, 'liuhao', TEST_PASSWORD))).toMatchObject({
      state: 'active',
    });

    // Once the wait is over, one more wrong try makes it wait twice as long.
    tr.clock.now = new Date(tr.clock.now.getTime() + 30_000);
    expect(errorOf(await login(GUESSER, 'lina', 'chongchuan2020')).code).toBe('BAD_CREDENTIALS');
    expect(errorOf(await login(GUESSER, 'liuhao', TEST_PASSWORD))).toMatchObject({
      code: 'THROTTLED',
      params: { seconds: 60 },
    });
  });

  it('counts loopback callers under their own address, and forgets an address after a quiet hour', async () => {
    for (let i = 0; i < ADDRESS_FREE_ATTEMPTS; i++) {
      await login(LOOPBACK, NAMES[i % NAMES.length]!, 'haohe-river');
    }
    expect(errorOf(await login(LOOPBACK, 'liuhao', TEST_PASSWORD)).code).toBe('THROTTLED');
    // An Electron window (no address from its shell: 'local') is not the loopback listener.
    const window = memoryHandle();
    const signedIn = await tr.router.invoke(
      'auth.login',
      { username: 'liuhao', password: TEST_PASSWORD },
      window,
    );
    expect(valueOf(signedIn)).toMatchObject({ state: 'active' });

    tr.clock.now = new Date(tr.clock.now.getTime() + 61 * 60_000);
    expect(valueOf(await login(LOOPBACK, 'wangfang', TEST_PASSWORD))).toMatchObject({
      state: 'active',
    });
  });

  it('a correct password does not clear an address’s count', async () => {
    for (let i = 0; i < ADDRESS_FREE_ATTEMPTS - 1; i++) {
      await login(GUESSER, NAMES[i % NAMES.length]!, 'haohe-river');
    }
    valueOf(await login(GUESSER, 'wangfang', TEST_PASSWORD));
    const last = errorOf(await login(GUESSER, 'zhangwei', 'haohe-river'));
    expect(last).toMatchObject({ code: 'BAD_CREDENTIALS', params: { remaining: 0 } });
    expect(errorOf(await login(GUESSER, 'wangfang', TEST_PASSWORD)).code).toBe('THROTTLED');
  });

  it('remembers a bounded number of addresses', async () => {
    const memory = tr.sessions.attempts;
    for (let i = 0; i < 10_050; i++) {
      memory.rememberAddress(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, {
        failures: 1,
        lockedUntil: 0,
        lastFailureAt: tr.clock.now.getTime(),
      });
    }
    expect(memory.remembered.addresses).toBe(10_000);
    // Oldest first out.
    expect(memory.addressAttempts('10.0.0.0')).toBeUndefined();
    expect(memory.addressAttempts('10.0.39.65')).toBeDefined();
  });
});
