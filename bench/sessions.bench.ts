import { afterAll, bench, describe } from 'vitest';
import {
  memoryHandle,
  SessionStore,
  type DeviceInfo,
  type SessionHandle,
} from '../src/main/accounts/sessionStore';
import { createRouter, type Router } from '../src/main/ipc/router';
import { addUser, capturingLogger, makeTestContext, TEST_NOW } from '../src/main/testing/tempDb';

/**
 * Sessions kept in SQLite (migration 0016) against sessions in memory only, as before: a read
 * through the router (the session found by its token's hash, "last active" written at most once
 * a minute) and the store's part of a sign-in (one INSERT; scrypt, ~0.1–0.3 s, is the same for
 * both and left out). Goal: reads as fast as before, within noise.
 */
const t = makeTestContext();
const userId = addUser(t, 'wangfang', ['medical']);
const STATION: DeviceInfo = {
  address: '192.168.1.23',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36',
  via: 'host',
};
const clock = { now: TEST_NOW.getTime() };

function routerOver(sessions: SessionStore): Router {
  return createRouter({
    db: t.ctx.db,
    now: () => new Date(clock.now),
    sessions,
    logger: capturingLogger(),
    shell: 'browser',
    version: 'bench',
    dataDir: t.dir,
  });
}

const stored = new SessionStore(t.ctx.db);
const inMemory = new SessionStore();
const storedRouter = routerOver(stored);
const memoryRouter = routerOver(inMemory);
const storedDesk = memoryHandle(stored.create(userId, clock.now, STATION).token, STATION);
const memoryDesk = memoryHandle(inMemory.create(userId, clock.now, STATION).token, STATION);

afterAll(() => t.close());

describe('a read through the router (auth.status), one desk', () => {
  let calls = 0;
  /** 100 ms apart; a fresh sign-in every 5,000 calls, before the idle lock (15 min) would apply. */
  const step = (store: SessionStore, desk: SessionHandle) => {
    clock.now += 100;
    if (++calls % 5000 === 0) desk.setToken(store.create(userId, clock.now, STATION).token);
  };
  bench('sessions in SQLite', async () => {
    step(stored, storedDesk);
    await storedRouter.invoke('auth.status', {}, storedDesk);
  });
  bench('sessions in memory only (before)', async () => {
    step(inMemory, memoryDesk);
    await memoryRouter.invoke('auth.status', {}, memoryDesk);
  });
});

describe("the store's part of a sign-in", () => {
  bench('sessions in SQLite (one INSERT)', () => {
    stored.end(stored.create(userId, clock.now, STATION).id);
  });
  bench('sessions in memory only (before)', () => {
    inMemory.end(inMemory.create(userId, clock.now, STATION).id);
  });
});
