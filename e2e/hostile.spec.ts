import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { rowsBomb, SHEET, workbook } from '../src/main/testing/hostileFiles/parts';
import { expect, test } from './fixtures';
import { setUpDesk, signIn } from './helpers';

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

/** The refusal of the report's bomb, in the desk's default language. */
const REFUSED_BOMB = '文件未被读取，没有保存任何内容：工作簿解压后超过 50 MB';

/** Writes a test's file into its output folder and gives its path. */
const fileIn = (dir: string) => (name: string, bytes: Buffer | string) => {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

test.describe('a hostile file in the import dialog', () => {
  test.use({ seed: 'demo' });

  test('the report’s 1.5 MB zip bomb and a lying one are refused in words, then a good list imports in the same session', async ({
    desk,
  }, testInfo) => {
    const { page } = desk;
    const bomb = await rowsBomb();
    mkdirSync(testInfo.outputDir, { recursive: true });
    const file = (name: string, bytes: Buffer | string) => {
      const path = join(testInfo.outputDir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const honest = file('密接名单.xlsx', workbook({ [SHEET]: { deflated: bomb } }));
    const lying = file(
      '名单2.xlsx',
      workbook({ [SHEET]: { deflated: bomb, declaredSize: 9 << 20 } }),
    );
    const id = (first17: string) => first17 + residentIdCheckChar(first17);
    const good = file(
      '和平桥街道名单.csv',
      [
        '姓名,性别,出生日期,身份证号,手机,人员类别',
        `陈静,女,1988-05-09,${id('32060219880509022')},13900001111,密接`,
        `周建国,男,1961-10-01,${id('32060219611001031')},,次密接`,
      ].join('\r\n'),
    );

    await signIn(page, 'coordinator', desk.demoPassword!);
    await page.getByRole('button', { name: '人员入住' }).click();
    await page.getByRole('button', { name: '新建到达批次' }).click();
    await page.getByRole('dialog').getByLabel('批次说明').fill('崇川区和平桥街道 第 1 车');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '从文件导入' }).click();
    const dialog = page.getByRole('dialog');
    const picker = page.locator('input[type=file]');

    await picker.setInputFiles(honest);
    await expect(dialog.getByRole('alert')).toHaveText(REFUSED_BOMB);
    await picker.setInputFiles(lying);
    await expect(dialog.getByRole('alert')).toHaveText(
      '文件未被读取，没有保存任何内容：工作簿的压缩结构已损坏，或与其声明的大小不符',
    );

    await picker.setInputFiles(good);
    await expect(dialog.getByText('共 2 行：2 行可导入', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: '导入所选 2 人' }).click();
    await expect(dialog).toBeHidden();
    const members = page.getByRole('table', { name: '本批次人员' });
    await expect(members).toContainText('陈静');
    await expect(members).toContainText('周建国');
  });

  test('the stock import dialog refuses the bomb too, then reads a donation list', async ({
    desk,
  }, testInfo) => {
    const { page } = desk;
    const file = fileIn(testInfo.outputDir);
    const bomb = file('捐赠清单.xlsx', workbook({ [SHEET]: { deflated: await rowsBomb() } }));
    const good = file(
      '捐赠清单.csv',
      '物资名称,规格,数量,单位\r\n医用外科口罩,一次性,2000余只,只\r\n',
    );

    await signIn(page, 'warehouse', desk.demoPassword!);
    await page.getByRole('button', { name: '物资管理' }).click();
    await page.getByRole('tab', { name: '入库' }).click();
    await page.getByLabel('捐赠方/供应方').fill('崇川区红十字会');
    await page.getByRole('button', { name: '从文件导入捐赠清单' }).click();
    const importing = page.getByRole('dialog');
    const picker = importing.getByLabel('选择文件（.xlsx 或 .csv）');
    await picker.setInputFiles(bomb);
    await expect(importing.getByRole('alert')).toHaveText(REFUSED_BOMB);
    await picker.setInputFiles(good);
    const preview = importing.getByRole('table', { name: '导入捐赠清单' });
    await expect(preview.getByRole('row', { name: /医用外科口罩/ })).toContainText('2000');
    await expect(importing.getByRole('alert')).toBeHidden();
  });
});
