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
  const { origin, token } = desk.server!;
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
  expect((await post({ origin, 'x-isd-token': 'wrong' })).status).toBe(403);
  expect((await post({ origin: 'http://evil.example', 'x-isd-token': token })).status).toBe(403);
  // The right token and origin, but not the page's HttpOnly session cookie: signed out.
  const noSession = await post({ origin, 'x-isd-token': token });
  expect(noSession.status).toBe(200);
  expect(await noSession.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  const sites = await page.evaluate(() =>
    window.api.invoke('sites.list', { includeRetired: true }),
  );
  expect(sites.ok && sites.value.map((s) => s.name)).toEqual(['崇川区测试隔离点']);
  // The page's script cannot read the session cookie either.
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
