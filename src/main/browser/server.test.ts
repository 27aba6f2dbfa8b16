import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionFor } from '../testing/authTesting';
import {
  addUser,
  countRows,
  makeTempDir,
  makeTestContext,
  makeTestRouter,
  TEST_PASSWORD,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { JSON_LIMITS } from './jsonLimits';
import { CODE_TTL_MS } from './oneTimeCodes';
import { isLoopback } from './requestGuard';
import { startBrowserShell, type BrowserShell } from './server';
import { shellCookieName } from './sessionCookie';
import { EXCHANGE_PATH, SHIM_SOURCE } from './shim';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  method?: string;
  /** Sent as is: http.request does not normalise `..` or percent escapes. */
  path?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  host?: string;
  timeoutMs?: number;
}

/** One raw HTTP exchange; rejects with the socket error when no response arrived. */
function raw(port: number, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: false,
        timeout: options.timeoutMs ?? 5000,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(options.body);
  });
}

/** The socket error code of a request that must not get any response. */
async function failureCode(promise: Promise<RawResponse>): Promise<string> {
  try {
    const res = await promise;
    return `answered with ${res.status}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

const CREATE_BODY = JSON.stringify({ method: 'sites.create', input: { name: 'Haohe' } });
const INDEX_HTML =
  '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8" />\n<title>Desk</title>\n' +
  '<script type="module" src="/assets/app.js"></script>\n</head>\n<body><div id="root"></div></body>\n</html>\n';
const APP_JS = 'console.log("app");\n';
const SECRET = 'TOP-SECRET-OUTSIDE-RENDERER';

/** A `sites.create` call padded with an unknown key to exactly `bytes` bytes. */
const paddedCreate = (bytes: number): string => {
  const bare = JSON.stringify({ method: 'sites.create', input: { name: 'Haohe' }, pad: '' });
  const body = bare.replace('"pad":""', `"pad":"${'x'.repeat(bytes - bare.length)}"`);
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
};

/** Things that look like a stack trace: `at fn (file.ts:1:2)` or `at file.ts:1:2`. */
const STACK_FRAME = /\bat\s+(?:\S+\s+\()?[^\s()]+:\d+:\d+/;

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it.each([
    '10.0.0.1',
    '192.168.1.2',
    '::ffff:10.0.0.1',
    '',
    undefined,
    '128.0.0.1',
    '127.0.0.1.evil',
    'x127.0.0.1',
    '::2',
  ])('refuses %s', (address) => {
    expect(isLoopback(address)).toBe(false);
  });
});

describe('browser shell server', () => {
  let t: TestContext;
  let files: ReturnType<typeof makeTempDir>;
  let rendererDir: string;
  let shell: BrowserShell;
  let tr: TestRouter;
  let logger: TestRouter['logger'];
  let otherPort: number;
  let coordId: number;
  /** `isd_session_<port>=<token>` of a signed-in coordinator, sent back by good(). */
  let cookie: string;

  /** The test's clock, for the lifetime of the one-time codes. */
  let clock = 1_000_000;
  const sites = (): number => countRows(t.ctx, 'sites');
  const cookieName = (): string => `isd_session_${shell.port}`;
  /** The launch's cookie, as the page holds it after exchanging its code. */
  const shellPair = (value = shell.token): string => `${shellCookieName(shell.port)}=${value}`;

  /** Headers of a well-formed call from the served page itself, by a signed-in coordinator. */
  const good = (): OutgoingHttpHeaders => ({
    host: `127.0.0.1:${shell.port}`,
    origin: `http://127.0.0.1:${shell.port}`,
    'content-type': 'application/json',
    cookie: `${shellPair()}; ${cookie}`,
  });

  /** good() without the session cookie: a page that has not signed in. */
  const signedOut = (): OutgoingHttpHeaders => ({ ...good(), cookie: shellPair() });

  const invoke = (headers: OutgoingHttpHeaders, body: string | Buffer = CREATE_BODY) =>
    raw(shell.port, { method: 'POST', path: '/api/invoke', headers, body });

  const call = (method: string, input: unknown, headers: OutgoingHttpHeaders = good()) =>
    invoke(headers, JSON.stringify({ method, input }));

  /** The one Set-Cookie header of a response. */
  const setCookieOf = (res: RawResponse): string => {
    const header = res.headers['set-cookie'];
    expect(header).toHaveLength(1);
    return header![0]!;
  };

  /** Signs in with POST auth.login, as the page does, and returns the cookie to send back. */
  const signInOverHttp = async (username = 'coord', password = TEST_PASSWORD): Promise<string> => {
    const headers = signedOut();
    const res = await call('auth.login', { username, password }, headers);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'active' } });
    const [pair] = setCookieOf(res).split(';');
    return pair!;
  };

  beforeEach(async () => {
    t = makeTestContext();
    tr = makeTestRouter(t);
    logger = tr.logger;
    coordId = addUser(t, 'coord', ['coordinator']);
    files = makeTempDir();
    // The renderer folder sits inside a folder holding files that must never be served.
    rendererDir = join(files.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
    writeFileSync(join(files.dir, 'package.json'), `{"secret":"${SECRET}"}`);
    writeFileSync(join(files.dir, 'secret.txt'), SECRET);
    writeFileSync(join(files.dir, 'x'), SECRET);
    mkdirSync(join(files.dir, 'renderer-evil'));
    writeFileSync(join(files.dir, 'renderer-evil', 'secret.txt'), SECRET);

    clock = 1_000_000;
    shell = await startBrowserShell({
      router: tr.router,
      rendererDir,
      port: 0,
      now: () => clock,
    });
    otherPort = shell.port === 65535 ? shell.port - 1 : shell.port + 1;
    // Most tests are not about signing in: a session straight in the store saves a scrypt check.
    cookie = `${cookieName()}=${sessionFor(tr, coordId).token!}`;
  });

  afterEach(async () => {
    await shell.close();
    t.close();
    files.remove();
  });

  describe('listening', () => {
    it('listens on 127.0.0.1 only and hands out a URL with a one-time code, not the token', () => {
      const url = new URL(shell.url);
      expect(url.protocol).toBe('http:');
      expect(url.hostname).toBe('127.0.0.1');
      expect(Number(url.port)).toBe(shell.port);
      expect(shell.port).toBeGreaterThan(0);
      expect(url.hash).toMatch(/^#code=[A-Za-z0-9_-]{32}$/);
      expect(shell.url).not.toContain(shell.token);
      expect(shell.token.length).toBeGreaterThanOrEqual(32);
      expect(shell.newAddress()).not.toBe(shell.url);
    });

    it('generates a different token for each launch', async () => {
      const second = await startBrowserShell({
        router: tr.router,
        rendererDir,
        port: 0,
      });
      try {
        expect(second.token).not.toBe(shell.token);
        expect(second.port).not.toBe(shell.port);
      } finally {
        await second.close();
      }
    });

    // No test connects to this machine's non-loopback addresses: this workplace forbids traffic
    // to them. The bind address is asserted through the URL above.
  });

  describe('invoke', () => {
    beforeEach(async () => {
      cookie = await signInOverHttp();
    });

    it('answers a well-formed call with an ok envelope, and writes do write', async () => {
      const listed = await invoke(good(), JSON.stringify({ method: 'sites.list', input: {} }));
      expect(listed.status).toBe(200);
      expect(listed.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(listed.body)).toEqual({ ok: true, value: [] });

      const created = await invoke(good());
      expect(created.status).toBe(200);
      expect(JSON.parse(created.body)).toEqual({
        ok: true,
        value: { id: expect.any(Number), name: 'Haohe', address: '', retiredAt: null },
      });
      expect(sites()).toBe(1);

      const again = await invoke(good(), JSON.stringify({ method: 'sites.list', input: {} }));
      expect(JSON.parse(again.body)).toEqual({
        ok: true,
        value: [JSON.parse(created.body).value],
      });
      expect(logger.entries).toEqual([]);
    });

    it('passes the operation id on: a resubmitted write is answered, not applied again', async () => {
      const body = JSON.stringify({
        ...(JSON.parse(CREATE_BODY) as object),
        opId: 'http-retry-operation',
      });
      const first = await invoke(good(), body);
      const second = await invoke(good(), body);
      expect(JSON.parse(second.body)).toEqual(JSON.parse(first.body));
      expect(sites()).toBe(1);
    });

    it('still reads a body of exactly 8 MiB', async () => {
      const res = await invoke(good(), paddedCreate(8 * 1024 * 1024));
      expect(res.status).toBe(200);
      // The router ignores the top-level padding and creates the site.
      expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Haohe' } });
      expect(sites()).toBe(1);
    });

    it('accepts localhost as host and origin, and a charset on the content type', async () => {
      const res = await invoke({
        ...good(),
        host: `localhost:${shell.port}`,
        origin: `http://localhost:${shell.port}`,
        'content-type': 'application/json; charset=utf-8',
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: true });
      expect(sites()).toBe(1);
    });
  });

  describe('session cookie', () => {
    it('signs in with POST auth.login and sets an HttpOnly, SameSite=Strict cookie for /api', async () => {
      const headers = signedOut();
      const res = await call('auth.login', { username: 'coord', password: TEST_PASSWORD }, headers);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({
        ok: true,
        value: { state: 'active', user: { username: 'coord', roles: ['coordinator'] } },
      });
      const setCookie = setCookieOf(res);
      const [pair, ...attributes] = setCookie.split(';').map((p) => p.trim());
      expect(pair).toMatch(new RegExp(`^${cookieName()}=[0-9a-f]{32}$`));
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api']),
      );
      expect(attributes).not.toContain('Max-Age=0');
      // The token never appears in the body, where page scripts could read it.
      expect(res.body).not.toContain(pair!.split('=')[1]);

      const created = await invoke({ ...good(), cookie: `${shellPair()}; ${pair!}` });
      expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Haohe' } });
      expect(sites()).toBe(1);
    });

    it('refuses a call without the cookie, or with a cookie it did not hand out', async () => {
      const headers = signedOut();
      const unknown = `${cookieName()}=${'0'.repeat(32)}`;
      const otherPortCookie = `isd_session_${otherPort}=${cookie.split('=')[1]!}`;
      for (const sent of [undefined, unknown, otherPortCookie, `${cookieName()}=not-hex`]) {
        const res = await invoke(
          sent === undefined ? headers : { ...headers, cookie: `${shellPair()}; ${sent}` },
        );
        expect(res.status, String(sent)).toBe(200);
        const envelope = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
        expect(envelope.ok, String(sent)).toBe(false);
        expect(['UNAUTHENTICATED', 'SESSION_EXPIRED'], String(sent)).toContain(
          envelope.error?.code,
        );
      }
      expect(sites()).toBe(0);
    });

    it('fails a sign-in with the wrong password without setting a session', async () => {
      const headers = signedOut();
      const res = await call(
        'auth.login',
        { username: 'coord', password: 'wrong-password' },
        headers,
      );
      expect(JSON.parse(res.body)).toMatchObject({
        ok: false,
        error: { code: 'BAD_CREDENTIALS' },
      });
      const setCookie = setCookieOf(res);
      expect(setCookie).toMatch(new RegExp(`^${cookieName()}=;`));
      expect(setCookie).toContain('Max-Age=0');
    });

    it('clears the cookie on logout, and the old token no longer works', async () => {
      const res = await call('auth.logout', {});
      expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'signedOut' } });
      const setCookie = setCookieOf(res);
      expect(setCookie).toMatch(new RegExp(`^${cookieName()}=;`));
      expect(setCookie).toContain('Max-Age=0');
      expect(setCookie).toContain('HttpOnly');

      const after = await invoke(good());
      expect(JSON.parse(after.body)).toMatchObject({ ok: false });
      expect(['UNAUTHENTICATED', 'SESSION_EXPIRED']).toContain(
        (JSON.parse(after.body) as { error: { code: string } }).error.code,
      );
      expect(sites()).toBe(0);
    });
  });

  describe('refused requests write nothing', () => {
    const without = (headers: OutgoingHttpHeaders, name: string): OutgoingHttpHeaders => {
      const copy = { ...headers };
      delete copy[name];
      return copy;
    };
    const withToken = (value: string): OutgoingHttpHeaders => ({
      ...good(),
      cookie: `${shellPair(value)}; ${cookie}`,
    });

    const cases: [string, () => OutgoingHttpHeaders, number][] = [
      ['no token', () => ({ ...good(), cookie }), 403],
      ['no cookie at all', () => without(good(), 'cookie'), 403],
      [
        'a wrong token of the same length',
        () => withToken(shell.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))),
        403,
      ],
      ['a wrong, shorter token', () => withToken(shell.token.slice(1)), 403],
      ['a wrong, longer token', () => withToken(`${shell.token}x`), 403],
      ['an empty token', () => withToken(''), 403],
      [
        'the token in the old x-isd-token header instead of the cookie',
        () => ({ ...good(), cookie, 'x-isd-token': shell.token }),
        403,
      ],
      [
        'the token under the cookie name of another port',
        () => ({ ...good(), cookie: `isd_shell_${otherPort}=${shell.token}; ${cookie}` }),
        403,
      ],
      ['a foreign origin', () => ({ ...good(), origin: 'http://evil.example' }), 403],
      [
        'the origin of another local port',
        () => ({ ...good(), origin: `http://127.0.0.1:${otherPort}` }),
        403,
      ],
      ['origin null', () => ({ ...good(), origin: 'null' }), 403],
      ['an https origin', () => ({ ...good(), origin: `https://127.0.0.1:${shell.port}` }), 403],
      ['no origin', () => without(good(), 'origin'), 403],
      ['a foreign host', () => ({ ...good(), host: `evil.example:${shell.port}` }), 403],
      [
        'the host of another local port',
        () => ({ ...good(), host: `127.0.0.1:${otherPort}` }),
        403,
      ],
      ['a host without the port', () => ({ ...good(), host: '127.0.0.1' }), 403],
      ['the host null', () => ({ ...good(), host: 'null' }), 403],
      [
        'a rebinding host on the right port',
        () => ({ ...good(), host: `127.0.0.1.evil.example:${shell.port}` }),
        403,
      ],
      ['a text/plain content type', () => ({ ...good(), 'content-type': 'text/plain' }), 415],
      [
        'a form content type',
        () => ({ ...good(), 'content-type': 'application/x-www-form-urlencoded' }),
        415,
      ],
      ['no content type', () => without(good(), 'content-type'), 415],
    ];

    it.each(cases)('refuses a call with %s', async (_name, headers, status) => {
      const res = await invoke(headers());
      expect(res.status).toBe(status);
      expect(res.body).not.toContain('"ok"');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(sites()).toBe(0);
      // The router never saw it: not even a denied call was audited.
      expect(countRows(t.ctx, 'audit_log')).toBe(0);
    });

    it('the same call with the right guards does write (so the refusals above are the guards)', async () => {
      const res = await invoke(good());
      expect(JSON.parse(res.body)).toMatchObject({ ok: true });
      expect(sites()).toBe(1);
    });

    it.each([
      ['a foreign host', () => `evil.example:${shell.port}`],
      ['the host of another local port', () => `127.0.0.1:${otherPort}`],
      ['localhost without the port', () => 'localhost'],
    ])('refuses GET / with %s', async (_name, host) => {
      const res = await raw(shell.port, { headers: { host: host() } });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('<head>');
      expect(sites()).toBe(0);
    });

    it.each([
      ['8 MiB + 1 byte', 8 * 1024 * 1024 + 1],
      ['32 MiB', 32 * 1024 * 1024],
    ])('refuses a body of %s with 413', async (_name, bytes) => {
      const res = await invoke(good(), paddedCreate(bytes));
      expect(res.status).toBe(413);
      expect(sites()).toBe(0);
    });

    it('answers malformed JSON with 400', async () => {
      const res = await invoke(good(), CREATE_BODY.slice(0, -1));
      expect(res.status).toBe(400);
      expect(sites()).toBe(0);
    });

    it('answers other methods on /api/invoke with 405', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await raw(shell.port, {
          method,
          path: '/api/invoke',
          headers: good(),
          body: method === 'GET' ? undefined : CREATE_BODY,
        });
        expect(res.status, method).toBe(405);
      }
      expect(sites()).toBe(0);
    });

    it('answers non-GET requests for pages with 405', async () => {
      const res = await raw(shell.port, {
        method: 'POST',
        path: '/',
        headers: good(),
        body: CREATE_BODY,
      });
      expect(res.status).toBe(405);
      expect(sites()).toBe(0);
    });
  });

  describe('one-time code exchange', () => {
    const codeOf = (url: string): string => new URL(url).hash.replace('#code=', '');
    const exchange = (code: unknown, headers: OutgoingHttpHeaders = {}) =>
      raw(shell.port, {
        method: 'POST',
        path: EXCHANGE_PATH,
        headers: {
          host: `127.0.0.1:${shell.port}`,
          origin: `http://127.0.0.1:${shell.port}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ code }),
      });

    it('sets the launch token in an HttpOnly, SameSite=Strict cookie for /api, once per code', async () => {
      const first = await exchange(codeOf(shell.url));
      expect(first.status).toBe(204);
      const [pair, ...attributes] = setCookieOf(first)
        .split(';')
        .map((p) => p.trim());
      expect(pair).toBe(shellPair());
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api']),
      );
      expect(first.body).not.toContain(shell.token);

      // The cookie opens the API (with the page's session); the code does not work twice.
      const created = await invoke({ ...good(), cookie: `${pair!}; ${cookie}` });
      expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Haohe' } });
      const again = await exchange(codeOf(shell.url));
      expect(again.status).toBe(403);
      expect(again.body).toMatch(/used or has expired/);
      expect(again.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a code after its minute, and a fresh address works', async () => {
      const late = shell.newAddress();
      clock += CODE_TTL_MS;
      expect((await exchange(codeOf(late))).status).toBe(403);
      expect((await exchange(codeOf(shell.url))).status).toBe(403);
      const fresh = shell.newAddress();
      clock += CODE_TTL_MS - 1;
      expect((await exchange(codeOf(fresh))).status).toBe(204);
    });

    it.each([
      ['an unknown code', () => exchange('A'.repeat(32)), 403],
      ['a code that is not a string', () => exchange(42), 403],
      ['no code', () => exchange(undefined), 403],
      [
        'a foreign origin',
        () => exchange(codeOf(shell.url), { origin: 'http://evil.example' }),
        403,
      ],
      [
        'a foreign host',
        () => exchange(codeOf(shell.url), { host: `evil.example:${shell.port}` }),
        403,
      ],
      ['a form body', () => exchange(codeOf(shell.url), { 'content-type': 'text/plain' }), 415],
    ])('refuses %s without setting anything', async (_name, attempt, status) => {
      const res = await attempt();
      expect(res.status).toBe(status);
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('answers GET on the exchange with 405 and an oversized exchange with 413', async () => {
      const get = await raw(shell.port, {
        path: EXCHANGE_PATH,
        headers: { host: `127.0.0.1:${shell.port}` },
      });
      expect(get.status).toBe(405);
      expect((await exchange('x'.repeat(1000))).status).toBe(413);
    });
  });

  describe('bodies refused by their shape before parsing', () => {
    /** `{"method":"sites.create","input":{"name":"Haohe"},"pad":{"k0":0,…}}` with `keys` keys. */
    const manyKeys = (keys: number): string => {
      const pad = Array.from({ length: keys }, (_, i) => `"k${i}":0`).join(',');
      return `{"method":"sites.create","input":{"name":"Haohe"},"pad":{${pad}}}`;
    };
    const deep = (levels: number): string =>
      `{"method":"sites.create","input":{"name":"Haohe"},"pad":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it('refuses 400,000 keys with 413 and 100,000 levels with 400; the next call works', async () => {
      const keys = await invoke(good(), manyKeys(400_000));
      expect(keys.status).toBe(413);
      expect(keys.body).toBe(`More than ${JSON_LIMITS.members} keys or items`);
      const nested = await invoke(good(), deep(100_000));
      expect(nested.status).toBe(400);
      expect(nested.body).toBe(`Nested deeper than ${JSON_LIMITS.depth} levels`);
      expect(sites()).toBe(0);
      expect(countRows(t.ctx, 'audit_log')).toBe(0);

      const next = await invoke(good());
      expect(JSON.parse(next.body)).toMatchObject({ ok: true, value: { name: 'Haohe' } });
      expect(sites()).toBe(1);
    });

    it('takes bodies right at the limits, and brackets, colons and commas inside strings', async () => {
      // The call's own four keys plus the padding make exactly the limit.
      const atLimit = await invoke(good(), manyKeys(JSON_LIMITS.members - 4));
      expect(JSON.parse(atLimit.body)).toMatchObject({ ok: true });
      const deepest = await invoke(good(), deep(JSON_LIMITS.depth - 1));
      // Past the shape check to the router (which refuses a second site of the same name).
      expect(deepest.status).toBe(200);
      expect(JSON.parse(deepest.body)).toHaveProperty('ok');
      const tricky = JSON.stringify({
        method: 'sites.create',
        input: { name: `[{:,\\"${'{['.repeat(200)}` },
      });
      const created = await invoke(good(), tricky);
      expect(JSON.parse(created.body)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(created.status).toBe(200);
    });
  });

  describe('hostile bodies that pass the guards', () => {
    it.each([
      ['{"method":"constructor"}', 'UNKNOWN_METHOD'],
      ['{"method":"__proto__","input":{}}', 'UNKNOWN_METHOD'],
      ['{"method":"toString","input":{}}', 'UNKNOWN_METHOD'],
      ['{"method":"sites.create","input":{"name":"x","__proto__":{"a":1}}}', 'INVALID_INPUT'],
      [
        '{"method":"sites.create","input":{"name":"x","constructor":{"prototype":{}}}}',
        'INVALID_INPUT',
      ],
      ['[{"method":"sites.create","input":{"name":"x"}}]', 'UNKNOWN_METHOD'],
      ['["sites.create",{"name":"x"}]', 'UNKNOWN_METHOD'],
      ['null', 'UNKNOWN_METHOD'],
      ['"sites.create"', 'UNKNOWN_METHOD'],
      ['42', 'UNKNOWN_METHOD'],
      ['{"method":"sites.create"}', 'INVALID_INPUT'],
    ])('answers %s with an ok:false envelope', async (body, code) => {
      const res = await invoke(good(), body);
      expect(res.status).toBe(200);
      const envelope = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
      expect(envelope.ok).toBe(false);
      expect(envelope.error?.code).toBe(code);
      expect(res.body).not.toContain('stack');
      expect(res.body).not.toMatch(STACK_FRAME);
      expect(sites()).toBe(0);
      expect(({} as Record<string, unknown>).a).toBeUndefined();
      expect(logger.entries).toEqual([]);
    });
  });

  describe('static files', () => {
    it('serves index.html with the shim injected right after <head> and the CSP', async () => {
      const res = await raw(shell.port, { headers: { host: `127.0.0.1:${shell.port}` } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body).toMatch(/<head>\s*<script src="\/isd-shim\.js"><\/script>\s*<meta charset/);
      // The shim comes before the app's own script, and the rest of the page is untouched.
      expect(res.body.indexOf('/isd-shim.js')).toBeLessThan(res.body.indexOf('/assets/app.js'));
      expect(res.body.replace(/\s*<script src="\/isd-shim\.js"><\/script>/, '')).toBe(INDEX_HTML);
      expect(res.body).not.toContain(shell.token);
    });

    it('serves index.html by name too, with the shim', async () => {
      const res = await raw(shell.port, {
        path: '/index.html',
        headers: { host: `127.0.0.1:${shell.port}` },
      });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<script src="/isd-shim.js"></script>');
    });

    it('serves the shim as JavaScript', async () => {
      const res = await raw(shell.port, {
        path: '/isd-shim.js',
        headers: { host: `127.0.0.1:${shell.port}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toBe(SHIM_SOURCE);
      expect(res.body).toContain(EXCHANGE_PATH);
      expect(res.body).not.toContain(shell.token);
    });

    it('serves assets with their type', async () => {
      const res = await raw(shell.port, {
        path: '/assets/app.js',
        headers: { host: `127.0.0.1:${shell.port}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.body).toBe(APP_JS);
    });

    it('answers a missing file with 404', async () => {
      const res = await raw(shell.port, {
        path: '/assets/missing.js',
        headers: { host: `127.0.0.1:${shell.port}` },
      });
      expect(res.status).toBe(404);
    });

    it.each([
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/secret.txt',
      '/assets/../../x',
      '/..%2fsecret.txt',
      '/..%2Fpackage.json',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%2frenderer-evil%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      `/${'..%2f'.repeat(12)}etc%2fpasswd`,
    ])('does not serve %s', async (path) => {
      const res = await raw(shell.port, { path, headers: { host: `127.0.0.1:${shell.port}` } });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('root:');
    });
    // Known bug (server.ts serveStatic): decodeURIComponent throws URIError on a malformed
    // escape, which falls through to the catch-all and is answered 500 instead of 400/404.
    it.each(['/%zz', '/%', '/%E0%A4%A', '/assets/%c0%af'])(
      'answers the malformed escape %s as a client error, not 500',
      async (path) => {
        const res = await raw(shell.port, { path, headers: { host: `127.0.0.1:${shell.port}` } });
        expect(res.body).not.toMatch(/URIError|stack/);
        expect([400, 404]).toContain(res.status);
      },
    );
  });

  it('stops listening on close()', async () => {
    expect((await raw(shell.port, { headers: { host: `127.0.0.1:${shell.port}` } })).status).toBe(
      200,
    );
    await shell.close();
    const code = await failureCode(
      raw(shell.port, { headers: { host: `127.0.0.1:${shell.port}` } }),
    );
    expect(code).toBe('ECONNREFUSED');
  });
});
