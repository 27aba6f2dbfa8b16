import { readFile } from 'node:fs/promises';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { shellCookieName } from '../src/main/browser/sessionCookie';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { apiCall, signIn } from './helpers';

test.use({ seed: 'demo' });

const DONOR_PHONE = '13812345678';
const ARCHIVE_PASSWORD = 'Chongchuan-archive-2026';

test('an administrator downloads the district archive, previews the purge and confirms it with the phrase', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '系统管理' })).toBeVisible();
  // A citizen's donation two months ago: their phone number is personal data past the retention.
  const sites = await apiCall<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  const item = await apiCall<{ id: number }>(page, 'stock.createItem', {
    name: '矿泉水',
    category: 'food_water',
    baseUnit: '瓶',
  });
  await apiCall(page, 'stock.receive', {
    siteId: sites[0]!.id,
    occurredAt: `${addDays(siteDay(new Date()), -60)}T02:00:00.000Z`,
    source: 'donation',
    party: { kind: 'individual', name: '热心市民', contact: '热心市民', phone: DONOR_PHONE },
    lines: [{ itemId: item.id, quantity: 24, unit: '瓶' }],
  });

  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '数据归档与清除' }).click();
  await expect(page.getByText('尚未下载').first()).toBeVisible();

  // The archive leaves the desk inside an AES-256 zip, under a password typed here.
  await page.getByLabel('压缩包密码').fill(ARCHIVE_PASSWORD);
  await page.getByLabel('再次输入密码').fill(ARCHIVE_PASSWORD);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '物资管理' }).last().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^隔离点归档_物资管理_\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile(await download.path());
  expect(zip.includes(DONOR_PHONE)).toBe(false);
  const [entry] = await new ZipReader(new Uint8ArrayReader(zip)).getEntries();
  expect(entry).toMatchObject({ encrypted: true, extraFieldAES: { strength: 3 } });
  if (!entry || entry.directory) throw new Error('The archive zip holds no file');
  const xlsx = await entry.getData(new Uint8ArrayWriter(), { password: ARCHIVE_PASSWORD });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toContain('捐赠与供应方');
  const donors: string[] = [];
  workbook
    .getWorksheet('捐赠与供应方')!
    .eachRow((row) => row.eachCell((cell) => donors.push(String(cell.value))));
  expect(donors).toContain(DONOR_PHONE);
  await expect(page.getByText(/上次下载/)).toBeVisible();

  await expect(page.getByTestId('purge-count-donorContacts')).toHaveText('1');
  await page.getByRole('button', { name: '清除…' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: '立即清除' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('确认短语').fill('确认');
  await expect(confirm).toBeDisabled();
  await dialog
    .getByLabel('确认短语')
    .fill((await dialog.getByTestId('purge-phrase').textContent())!);
  await confirm.click();
  await expect(page.getByTestId('purge-result')).toContainText('已清除');
  await expect(page.getByTestId('purge-count-donorContacts')).toHaveText('0');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/purge.png', animations: 'disabled' });

  // The purge is in the audit trail, with counts and no personal data.
  await page.getByRole('tab', { name: '操作日志' }).click();
  await expect(page.getByText('privacy.purge').first()).toBeVisible();
});

test('a viewer searching the residents learns no hidden digit of an ID number', async ({
  desk,
}) => {
  const { page } = desk;
  const first17 = '32060219880712031';
  const id = first17 + residentIdCheckChar(first17);
  const masked = `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '在住人员' })).toBeVisible();
  const sites = await apiCall<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  const batch = await apiCall<{ id: number }>(page, 'arrivals.create', {
    siteId: sites[0]!.id,
    label: '汽车站 16:10',
    arrivedAt: new Date().toISOString(),
  });
  await apiCall(page, 'arrivals.register', {
    batchId: batch.id,
    people: [
      {
        fullName: '周密',
        gender: 'male',
        birthDate: '1988-07-12',
        documentType: 'resident_id',
        documentNumber: id,
        category: 'close_contact',
      },
    ],
  });
  const plan = await apiCall<{ lines: { stayId: number; roomId: number }[] }>(
    page,
    'allocation.suggest',
    { batchId: batch.id },
  );
  await apiCall(page, 'allocation.confirm', {
    batchId: batch.id,
    lines: plan.lines.map((l) => ({ stayId: l.stayId, roomId: l.roomId })),
  });
  await apiCall(page, 'auth.logout', {});
  await page.reload();

  await signIn(page, 'viewer', desk.demoPassword!);
  await page.getByRole('button', { name: '在住人员' }).click();
  const grid = page.getByRole('grid');
  const search = page.getByLabel('姓名 / 房间 / 证件号首尾4位');
  // Each probe follows a search that finds him, so "not found" is the probe's answer, not a
  // page still loading.
  for (const probe of [
    `${id.slice(0, 5)}${'*'.repeat(9)}${id.slice(-4)}`,
    id.slice(0, 6),
    id.slice(0, 12),
    `${id.slice(0, 4)}${'*'.repeat(9)}${id.slice(-5)}`,
    id,
  ]) {
    await search.fill(masked);
    await expect(grid).toContainText('周密');
    await expect(grid).not.toContainText(id);
    await search.fill(probe);
    await expect(grid, probe).not.toContainText('周密');
  }
  await search.fill(id.slice(-4));
  await expect(grid).toContainText('周密');
});

test("a password reset signs the account's open window out at once: its next read shows the sign-in screen", async ({
  desk,
}) => {
  test.skip(!desk.server, 'Two windows of one desk: the browser shell serves both.');
  const { page } = desk;
  const other = await page.context().browser()!.newContext({ locale: 'zh-CN' });
  try {
    // A second window of the same launch: it carries the launch cookie the first page earned.
    const port = Number(new URL(desk.server!.origin).port);
    const launch = (await page.context().cookies(`${desk.server!.origin}/api/invoke`)).filter(
      (c) => c.name === shellCookieName(port),
    );
    await other.addCookies(launch);
    const viewerPage = await other.newPage();
    await viewerPage.goto(desk.server!.origin);
    await signIn(viewerPage, 'viewer', desk.demoPassword!);
    await expect(viewerPage.getByRole('button', { name: '在住人员' })).toBeVisible();

    await signIn(page, 'admin', desk.demoPassword!);
    await expect(page.getByRole('button', { name: '系统管理' })).toBeVisible();
    const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
    const viewer = users.find((u) => u.username === 'viewer')!;
    await apiCall(page, 'users.resetPassword', { id: viewer.id, password: 'Haohe-river-2026' });

    // Only a read, and the window is back at the sign-in screen.
    await viewerPage.getByRole('button', { name: '在住人员' }).click();
    await expect(viewerPage.getByRole('button', { name: '登录' })).toBeVisible();
    await expect(viewerPage.getByRole('grid')).toBeHidden();
  } finally {
    await other.close();
  }
});
