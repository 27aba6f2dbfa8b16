import { expect, test } from './fixtures';
import { setUpDesk } from './helpers';

test('hostile invokes from the page get error envelopes and change nothing', async ({ desk }) => {
  const { page } = desk;
  await setUpDesk(page);
  const outcomes = await page.evaluate(async () => {
    const calls: [unknown, unknown][] = [
      ['constructor', {}],
      ['__proto__', {}],
      ['toString', {}],
      ['sites.create', { name: 'x'.repeat(100_000) }],
      ['sites.create', { name: '新隔离点', admin: true }],
      ['sites.create', JSON.parse('{"name":"新隔离点","__proto__":{"polluted":1}}')],
      [
        'rooms.bulkCreate',
        {
          buildingId: '1; DROP TABLE rooms',
          floorFrom: 1,
          floorTo: 2,
          roomFrom: 1,
          roomTo: 2,
          capacity: 1,
          type: 'single',
        },
      ],
      ['sites.retire', { id: -1 }],
      ['sites.list', null],
    ];
    const api = window.api as unknown as { invoke: (m: unknown, i: unknown) => Promise<unknown> };
    const results = [];
    for (const [method, input] of calls) results.push(await api.invoke(method, input));
    return results as { ok: boolean; error?: { code: string } }[];
  });
  expect(outcomes.map((o) => o.ok)).toEqual(outcomes.map(() => false));
  expect(outcomes.map((o) => o.error?.code)).toEqual([
    'UNKNOWN_METHOD',
    'UNKNOWN_METHOD',
    'UNKNOWN_METHOD',
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
  ]);
  expect(JSON.stringify(outcomes)).not.toContain('stack');

  const sites = await page.evaluate(() =>
    window.api.invoke('sites.list', { includeRetired: true }),
  );
  expect(sites.ok && sites.value.map((s) => s.name)).toEqual(['崇川区测试隔离点']);
});

test('the browser shell refuses calls without its token, from another origin, or without a session', async ({
  desk,
}) => {
  test.skip(!desk.server, 'Only the browser shell has an HTTP surface.');
  const { page } = desk;
  await setUpDesk(page);
  const { origin, token, cookie } = desk.server!;
  const body = JSON.stringify({
    method: 'sites.create',
    input: { name: '伪造隔离点', address: '' },
  });
  const post = (headers: Record<string, string>) =>
    fetch(`${origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  expect((await post({ origin })).status).toBe(403);
  expect((await post({ origin, cookie: cookie.replace(token, 'wrong') })).status).toBe(403);
  // The token as the old header is not enough: only the page's HttpOnly cookie carries it.
  expect((await post({ origin, 'x-isd-token': token })).status).toBe(403);
  expect((await post({ origin: 'http://evil.example', cookie })).status).toBe(403);
  // The right token and origin, but not the page's HttpOnly session cookie: signed out.
  const noSession = await post({ origin, cookie });
  expect(noSession.status).toBe(200);
  expect(await noSession.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  const sites = await page.evaluate(() =>
    window.api.invoke('sites.list', { includeRetired: true }),
  );
  expect(sites.ok && sites.value.map((s) => s.name)).toEqual(['崇川区测试隔离点']);
  // The page's script can read neither cookie, and keeps the token nowhere it can reach.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const stored = await page.evaluate(() =>
    JSON.stringify([location.href, { ...sessionStorage }, { ...localStorage }]),
  );
  expect(stored).not.toContain(token);
});

test('the printed address works once: its code leaves the address bar and cannot be reused', async ({
  desk,
}) => {
  test.skip(!desk.server, 'Only the browser shell prints an address.');
  const { page } = desk;
  await setUpDesk(page);
  // The page shows a clean address: the code was replaced away before the app started.
  expect(page.url()).not.toContain('code=');
  expect(page.url().startsWith(desk.server!.origin)).toBe(true);

  // Someone who finds the address later (history, scrollback) gets nowhere with it.
  const other = await page.context().browser()!.newContext();
  try {
    const late = await other.newPage();
    await late.goto(desk.server!.address);
    await expect(late.getByText('访问被拒绝')).toBeVisible();
    expect(late.url()).not.toContain('code=');
  } finally {
    await other.close();
  }
});

test('an oversized or too deeply nested call from the page is refused with a clear code, and the next call works', async ({
  desk,
}) => {
  test.skip(!desk.server, 'The limits guard the browser shell’s HTTP surface.');
  const { page } = desk;
  await setUpDesk(page);
  const outcomes = await page.evaluate(async () => {
    const api = window.api as unknown as { invoke: (m: unknown, i: unknown) => Promise<unknown> };
    const wide = Object.fromEntries(Array.from({ length: 400_000 }, (_, i) => [`k${i}`, 0]));
    let deep: unknown = null;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    return [
      await api.invoke('sites.create', { name: '宽', pad: wide }),
      await api.invoke('sites.create', { name: '深', pad: deep }),
      await api.invoke('sites.list', { includeRetired: true }),
    ] as { ok: boolean; error?: { code: string }; value?: { name: string }[] }[];
  });
  expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } });
  expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(outcomes[2]!.value!.map((s) => s.name)).toEqual(['崇川区测试隔离点']);
});
