import { chmodSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../app';
import { memoryHandle } from '../accounts/sessionStore';
import { createRouter } from '../ipc/router';
import { DATABASE_FILE } from '../platform/dataDir';
import { createSite } from '../registry/sites';
import {
  addUser,
  capturingLogger,
  makeTestContext,
  TEST_PASSWORD,
  type TestContext,
} from '../testing/tempDb';
import { openReadOnlyCopy } from './openReadOnly';
import { SessionStore } from '../accounts/sessionStore';

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
// root may write anywhere: chmod cannot make a folder read-only for the test.
const runningAsRoot = process.getuid?.() === 0;

describe('a write-protected data folder', () => {
  let t: TestContext;
  let file: string;

  beforeEach(() => {
    t = makeTestContext();
    addUser(t, 'chief', ['administrator', 'coordinator']);
    createSite(t.ctx, { name: 'East', address: '' });
    t.ctx.db.close();
    // The data file as the app names it (closing folded the log in: the file is the whole database).
    file = join(t.dir, DATABASE_FILE);
    renameSync(t.file, file);
  });
  afterEach(() => {
    chmodSync(t.dir, 0o755);
    t.close();
  });

  /** Signs in and tries a read and a write through `router`. */
  async function readAndWrite(router: ReturnType<typeof createRouter>) {
    const handle = memoryHandle();
    const login = await router.invoke(
      'auth.login',
      { username: 'chief', password: TEST_PASSWORD },
      handle,
    );
    const read = await router.invoke('sites.list', {}, handle);
    const write = await router.invoke('sites.create', { name: 'West', address: '' }, handle);
    const info = await router.invoke('app.info', {}, handle);
    return { login, read, write, info };
  }

  it('is read from a copy: sign-in and reads work, every other write is refused, the file is untouched', async () => {
    const before = digest(file);
    const { db, remove } = openReadOnlyCopy(file);
    const copyDir = dirname(db.name);
    try {
      const router = createRouter({
        db,
        now: () => new Date(),
        sessions: new SessionStore(),
        logger: capturingLogger(),
        shell: 'browser',
        version: 'test',
        dataDir: t.dir,
        readOnly: true,
      });
      const { login, read, write, info } = await readAndWrite(router);
      expect(info).toMatchObject({ ok: true, value: { readOnly: true } });
      expect(login.ok).toBe(true);
      expect(read).toMatchObject({ ok: true, value: [{ name: 'East' }] });
      expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      expect(db.prepare('SELECT count(*) FROM sites').pluck().get()).toBe(1);
    } finally {
      db.close();
      remove();
    }
    expect(existsSync(copyDir)).toBe(false);
    expect(digest(file)).toBe(before);
  });

  it.skipIf(runningAsRoot)(
    'opens read-only when the folder may not be written (skipped as root: chmod does not bind root)',
    async () => {
      const before = digest(file);
      chmodSync(file, 0o444);
      chmodSync(t.dir, 0o555);
      let core: Core | undefined;
      try {
        core = await startCore({ dataDir: t.dir, shell: 'browser', logger: capturingLogger() });
        expect(core.readOnly).toBe(true);
        const { login, read, write, info } = await readAndWrite(core.router);
        expect(info).toMatchObject({ ok: true, value: { readOnly: true } });
        expect(login.ok).toBe(true);
        expect(read).toMatchObject({ ok: true, value: [{ name: 'East' }] });
        expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      } finally {
        core?.close();
        chmodSync(file, 0o644);
      }
      expect(digest(file)).toBe(before);
      expect(statSync(t.dir).isDirectory()).toBe(true);
    },
  );
});
