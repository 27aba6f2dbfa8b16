import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../platform/dataDir';
import type { DeviceSession } from '../../shared/sessions';
import { auditRows, errorOf, lastAuditId, valueOf } from '../testing/authTesting';
import { seededCore, type SeededCore, startTestCore } from '../testing/backupTesting';
import {
  addUser,
  makeTestContext,
  makeTestRouter,
  TEST_PASSWORD,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { memoryHandle, type DeviceInfo, type SessionHandle } from './sessionStore';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const EDGE_WINDOWS = `${CHROME_WINDOWS} Edg/131.0.2903.86`;
const STATION: DeviceInfo = { address: '192.168.1.23', userAgent: EDGE_WINDOWS, via: 'host' };
const LOOPBACK: DeviceInfo = { address: '127.0.0.1', userAgent: CHROME_WINDOWS, via: 'local' };

describe('signed-in devices, through the router', () => {
  let t: TestContext;
  let tr: TestRouter;
  let admin: SessionHandle;
  let doctor: SessionHandle;
  const signIn = async (username: string, device?: DeviceInfo) => {
    const handle = memoryHandle(null, device);
    valueOf(await tr.router.invoke('auth.login', { username, password: TEST_PASSWORD }, handle));
    return handle;
  };
  const list = async () =>
    valueOf<DeviceSession[]>(await tr.router.invoke('sessions.list', {}, admin));

  beforeEach(async () => {
    t = makeTestContext();
    tr = makeTestRouter(t);
    addUser(t, 'liuhao', ['administrator']);
    addUser(t, 'wangfang', ['medical']);
    admin = await signIn('liuhao', LOOPBACK);
    tr.clock.now = new Date(tr.clock.now.getTime() + 60_000);
    doctor = await signIn('wangfang', STATION);
  });
  afterEach(() => t.close());

  it('records the device each session signed in from, and lists them with a readable browser', async () => {
    const stored = t.ctx.db
      .prepare('SELECT user_id, address, user_agent, via FROM sessions ORDER BY started_at')
      .all();
    expect(stored).toEqual([
      { user_id: 1, address: '127.0.0.1', user_agent: CHROME_WINDOWS, via: 'local' },
      { user_id: 2, address: '192.168.1.23', user_agent: EDGE_WINDOWS, via: 'host' },
    ]);
    const listed = await list();
    expect(listed).toEqual([
      expect.objectContaining({
        username: 'liuhao',
        address: '127.0.0.1',
        browser: 'Chrome 131 / Windows',
        via: 'local',
        current: true,
        locked: false,
      }),
      expect.objectContaining({
        username: 'wangfang',
        address: '192.168.1.23',
        browser: 'Edge 131 / Windows',
        via: 'host',
        current: false,
        startedAt: '2026-11-29T08:01:00.000Z',
      }),
    ]);
    // An Electron window: its shell says 'local'.
    await signIn('wangfang');
    expect((await list()).map((s) => s.address)).toEqual(['127.0.0.1', '192.168.1.23', 'local']);
  });

  it('ends another device at once: its next call gets the sign-in screen; the admin’s own is refused', async () => {
    const [mine, doctors] = await list();
    const before = lastAuditId(t);
    const ended = valueOf<DeviceSession>(
      await tr.router.invoke('sessions.end', { id: doctors!.id }, admin),
    );
    expect(ended).toMatchObject({ username: 'wangfang', address: '192.168.1.23' });
    expect(errorOf(await tr.router.invoke('sites.list', {}, doctor)).code).toBe('SESSION_EXPIRED');
    expect(valueOf(await tr.router.invoke('auth.status', {}, doctor))).toMatchObject({
      state: 'signedOut',
    });
    expect(t.ctx.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
    const audit = auditRows(t, before).filter((r) => r.method === 'sessions.end');
    expect(audit).toEqual([
      expect.objectContaining({
        method: 'sessions.end',
        username: 'liuhao',
        entity: 'user',
        entity_id: 2,
        detail: expect.stringContaining('wangfang on 192.168.1.23 (host, Edge 131 / Windows)'),
      }),
    ]);

    expect(errorOf(await tr.router.invoke('sessions.end', { id: mine!.id }, admin)).code).toBe(
      'OWN_SESSION',
    );
    expect(errorOf(await tr.router.invoke('sessions.end', { id: doctors!.id }, admin)).code).toBe(
      'NOT_FOUND',
    );
    expect((await list()).map((s) => s.username)).toEqual(['liuhao']);
  });

  it('is for administrators only, and takes only a session id', async () => {
    expect(errorOf(await tr.router.invoke('sessions.list', {}, doctor)).code).toBe('FORBIDDEN');
    expect(
      errorOf(await tr.router.invoke('sessions.end', { id: 'x'.repeat(64) }, admin)).code,
    ).toBe('INVALID_INPUT');
  });

  it('shows an idle session as locked and leaves out a disabled account’s', async () => {
    // The administrator keeps working; the doctor's desk has been idle for 20 minutes.
    tr.clock.now = new Date(tr.clock.now.getTime() + 10 * 60_000);
    await list();
    tr.clock.now = new Date(tr.clock.now.getTime() + 10 * 60_000);
    expect((await list()).map((s) => [s.username, s.locked])).toEqual([
      ['liuhao', false],
      ['wangfang', true],
    ]);
    t.ctx.db.prepare("UPDATE users SET disabled_at = '2026-11-29T08:30:00Z' WHERE id = 2").run();
    expect((await list()).map((s) => s.username)).toEqual(['liuhao']);
  });
});

describe('a restart of the host', () => {
  let seeded: SeededCore;
  beforeEach(async () => {
    seeded = await seededCore();
  });
  afterEach(() => seeded.close());

  it('keeps the other PCs signed in, under the same rules; this PC’s windows sign in again', async () => {
    const { tc } = seeded;
    const remoteDesk = memoryHandle(null, STATION);
    valueOf(
      await tc.core.router.invoke(
        'auth.login',
        { username: 'admin', password: TEST_PASSWORD },
        remoteDesk,
      ),
    );
    tc.clock.now = new Date(tc.clock.now.getTime() + 5 * 60_000);
    valueOf(await tc.core.router.invoke('sites.list', {}, remoteDesk));

    tc.core.close();
    // Closing left the remote desk's session in the file, and none of this PC's windows.
    const file = new Database(join(seeded.dir, DATABASE_FILE), { readonly: true });
    try {
      expect(file.prepare('SELECT via FROM sessions').pluck().all()).toEqual(['host']);
    } finally {
      file.close();
    }
    seeded.tc = await startTestCore(seeded.dir, { at: new Date(tc.clock.now.getTime() + 60_000) });
    const after = seeded.tc;
    expect(valueOf(await after.core.router.invoke('sites.list', {}, remoteDesk))).toEqual(
      expect.any(Array),
    );
    // This PC's window held its token in the old process's memory: that session is gone.
    expect(errorOf(await after.core.router.invoke('sites.list', {}, seeded.admin)).code).toBe(
      'SESSION_EXPIRED',
    );
    // The idle lock still applies to the restored session (15 minutes by default).
    after.clock.now = new Date(after.clock.now.getTime() + 16 * 60_000);
    expect(errorOf(await after.core.router.invoke('sites.list', {}, remoteDesk)).code).toBe(
      'LOCKED',
    );
    // And the absolute limit.
    after.clock.now = new Date(after.clock.now.getTime() + 13 * 3_600_000);
    expect(errorOf(await after.core.router.invoke('sites.list', {}, remoteDesk)).code).toBe(
      'SESSION_EXPIRED',
    );
    expect(after.logger.entries).toEqual([]);
  });
});
