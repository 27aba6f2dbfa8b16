import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/accounts';
import type { AppInfo } from '../../shared/domain';
import type { HostOverview, HostStatus } from '../../shared/host';
import { startCore, type Core } from '../app';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { TEST_ADDRESSES_VARIABLE } from '../host/addresses';
import { HOST_CERT_FILE, HOST_KEY_FILE } from '../host/certificate';
import { freePort, servedFingerprint } from '../testing/hostProbe';
import { capturingLogger, makeTempDir } from '../testing/tempDb';
import { errorOf, valueOf } from '../testing/authTesting';
import { hostListenerFor } from './hostServer';

const HOST = '127.0.0.2';
const PASSWORD = 'Chongchuan-2020!';
const INDEX_HTML =
  '<!doctype html>\n<html>\n<head>\n<title>Desk</title>\n</head>\n<body></body>\n</html>\n';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS exchange with the host, certificate unchecked (the test checks the fingerprint). */
function https(port: number, options: RequestOptions & { body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: HOST, port, rejectUnauthorized: false, agent: false, timeout: 5000, ...options },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What a browser on another PC sends to call the router through the host. */
function invoke(port: number, method: string, input: unknown, cookie = ''): Promise<Answer> {
  return https(port, {
    method: 'POST',
    path: '/api/invoke',
    headers: {
      origin: `https://${HOST}:${port}`,
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Edg/120.0',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ method, input }),
  });
}

describe('host mode over HTTPS (loopback 127.0.0.2 only)', () => {
  let files: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let core: Core;
  let admin: SessionHandle;
  let port: number;
  let previousEnv: string | undefined;

  const call = async <T>(method: string, input: unknown, handle = admin): Promise<T> =>
    valueOf<T>(await core.router.invoke(method, input, handle));
  const turn = (enabled: boolean, names: string[] = []): Promise<HostOverview> =>
    call<HostOverview>('host.set', { enabled, address: HOST, port, names });

  /** A doctor's account for a desk on another PC, and host mode on. */
  const hostWithDoctor = async (): Promise<void> => {
    await call('users.create', {
      username: 'doctor.zhou',
      displayName: '周医生',
      password: PASSWORD,
      roles: ['medical'],
    });
    await turn(true);
  };

  beforeEach(async () => {
    previousEnv = process.env[TEST_ADDRESSES_VARIABLE];
    process.env[TEST_ADDRESSES_VARIABLE] = HOST;
    files = makeTempDir();
    dataDir = join(files.dir, 'data');
    const rendererDir = join(files.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
    core = await startCore({
      dataDir,
      shell: 'browser',
      logger: capturingLogger(),
      hostListener: hostListenerFor(rendererDir),
    });
    admin = memoryHandle();
    await call('setup.initialize', {
      admin: { username: 'liuhao', displayName: '刘浩', password: PASSWORD },
      site: { kind: 'new', name: '崇川区集中隔离点', address: '' },
    });
    port = await freePort(HOST);
  });

  afterEach(async () => {
    await core.host.close();
    core.close();
    files.remove();
    if (previousEnv === undefined) delete process.env[TEST_ADDRESSES_VARIABLE];
    else process.env[TEST_ADDRESSES_VARIABLE] = previousEnv;
  });

  it('is off by default: nothing listens and no certificate is made', async () => {
    const overview = await call<HostOverview>('host.get', {});
    expect(overview.settings.enabled).toBe(false);
    expect(overview.addresses).toContain(HOST);
    expect(await call<HostStatus>('host.status', {}, memoryHandle())).toEqual({
      running: false,
      urls: [],
      fingerprint: null,
    });
    await expect(https(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(existsSync(join(dataDir, HOST_KEY_FILE))).toBe(false);
  });

  it('serves the certificate whose fingerprint it shows, kept owner-only and reused', async () => {
    const on = await turn(true);
    expect(on.status.running).toBe(true);
    expect(on.status.urls).toEqual([`https://${HOST}:${port}`]);
    const served = await servedFingerprint(HOST, port);
    expect(served).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(on.status.fingerprint).toBe(served);
    // The sign-in page reads it without signing in.
    expect((await call<HostStatus>('host.status', {}, memoryHandle())).fingerprint).toBe(served);
    if (process.platform !== 'win32') {
      for (const file of [HOST_KEY_FILE, HOST_CERT_FILE]) {
        expect((statSync(join(dataDir, file)).mode & 0o777).toString(8)).toBe('600');
      }
    }
    await turn(false);
    await turn(true);
    expect(await servedFingerprint(HOST, port)).toBe(served);
  });

  it('admits the configured address and names only, with the port', async () => {
    await turn(true, ['desk-pc']);
    const page = await https(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/isd-shim.js"></script>');
    expect((await https(port, { headers: { host: `desk-pc:${port}` } })).status).toBe(200);
    for (const host of [`evil.example:${port}`, HOST, `127.0.0.1:${port}`, `desk-pc:${port + 1}`]) {
      expect((await https(port, { headers: { host } })).status, host).toBe(403);
    }
    const foreign = await https(port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { origin: `http://${HOST}:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    expect(foreign.status).toBe(403);
    // The loopback listener's code exchange does not exist here.
    const exchange = await https(port, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: `https://${HOST}:${port}`, 'content-type': 'application/json' },
      body: '{"code":"x"}',
    });
    expect(exchange.status).toBe(404);
  });

  it('signs a remote desk in with its own account and a Secure cookie; turning off ends it', async () => {
    await hostWithDoctor();
    const login = await invoke(port, 'auth.login', { username: 'doctor.zhou', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, value: { state: 'active' } });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^__Host-isd_session=[0-9a-f]{32}; Secure; HttpOnly; SameSite=Strict; Path=\/$/,
    );
    const cookie = setCookie.split(';')[0]!;
    const status = JSON.parse((await invoke(port, 'auth.status', {}, cookie)).body) as {
      value: AuthStatus;
    };
    expect(status.value.user?.username).toBe('doctor.zhou');

    await turn(false);
    await expect(https(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The administrator at the host PC is still signed in.
    expect((await call<AuthStatus>('auth.status', {})).state).toBe('active');
    await turn(true);
    const after = JSON.parse((await invoke(port, 'sites.list', {}, cookie)).body) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(after).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('tells a signed-out desk on the LAN nothing of the data folder or runtime', async () => {
    await hostWithDoctor();
    const info = async (cookie = ''): Promise<AppInfo> =>
      (JSON.parse((await invoke(port, 'app.info', {}, cookie)).body) as { value: AppInfo }).value;
    const stranger = await info();
    expect(stranger).not.toHaveProperty('dataDir');
    expect(stranger).not.toHaveProperty('runtime');
    expect(JSON.stringify(stranger)).not.toContain(files.dir);
    // What the sign-in page needs is still there.
    expect(stranger).toMatchObject({ shell: 'browser', needsSetup: false, recovery: false });

    const login = await invoke(port, 'auth.login', { username: 'doctor.zhou', password: PASSWORD });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await info(cookie)).dataDir).toBe(dataDir);
    // This PC, signed out, keeps it.
    expect((await call<AppInfo>('app.info', {}, memoryHandle())).dataDir).toBe(dataDir);
  });

  it('refuses an address that is not this PC’s, with nothing saved', async () => {
    const refused = errorOf(
      await core.router.invoke(
        'host.set',
        { enabled: true, address: '10.255.255.1', port, names: [] },
        admin,
      ),
    );
    expect(refused).toMatchObject({
      code: 'HOST_ADDRESS_UNKNOWN',
      params: { address: '10.255.255.1' },
    });
    expect((await call<HostOverview>('host.get', {})).settings.enabled).toBe(false);
  });

  it('keeps the settings and says what is in the way when the port is taken', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, HOST, () => resolve()));
    try {
      const overview = await turn(true);
      expect(overview.settings.enabled).toBe(true);
      expect(overview.status.running).toBe(false);
      expect(overview.problem).toContain('EADDRINUSE');
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('is for administrators only, apart from the public status', async () => {
    const stranger = memoryHandle();
    expect(errorOf(await core.router.invoke('host.get', {}, stranger)).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
