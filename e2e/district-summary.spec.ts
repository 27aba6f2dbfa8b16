import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { checkInBus } from './bus';
import { invoke, signIn } from './helpers';

const TODAY = siteDay(new Date());

interface DayFileJson {
  orgUnit: string;
  orgUnitName: string;
  period: string;
  checksum: string;
  dataValues: { dataElement: string; value: string }[];
}

/** The site's first free rooms, in board order. */
async function freeRooms(page: Page, siteId: number): Promise<number[]> {
  const rooms = await invoke<{ rows: { id: number }[] }>(page, 'rooms.page', {
    siteId,
    statuses: ['available'],
    limit: 100,
  });
  return rooms.rows.map((r) => r.id);
}

/** A second site on the same desk: one building of 2 floors × 6 single rooms, five people in. */
async function secondSite(page: Page): Promise<number> {
  const site = await invoke<{ id: number }>(page, 'sites.create', {
    name: '崇川区城西集中隔离观察点',
    address: '南通市崇川区城西街道',
  });
  const building = await invoke<{ id: number }>(page, 'buildings.create', {
    siteId: site.id,
    code: 'W',
    name: '西楼',
  });
  await invoke(page, 'rooms.bulkCreate', {
    buildingId: building.id,
    floorFrom: 1,
    floorTo: 2,
    roomFrom: 1,
    roomTo: 6,
    capacity: 1,
    type: 'single',
    features: [],
  });
  await checkInBus(page, site.id, await freeRooms(page, site.id), '钱谭葛朱何', '1979-06', '041');
  return site.id;
}

const valuesOf = (file: DayFileJson) =>
  Object.fromEntries(file.dataValues.map((v) => [v.dataElement, Number(v.value)]));

test.use({ seed: 'demo' });

test('district summary: two sites’ day files side by side with totals; a tampered file refused in words', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '统计报表' })).toBeVisible();
  const [site] = await invoke<{ id: number; name: string }[]>(page, 'sites.list', {
    includeRetired: false,
  });
  await checkInBus(
    page,
    site!.id,
    await freeRooms(page, site!.id),
    '张王李赵陈刘杨',
    '1979-03',
    '041',
  );
  const westId = await secondSite(page);

  // From this desk's reports page: the day's figures as JSON and as CSV.
  await page.getByRole('button', { name: '统计报表' }).click();
  await expect(page.getByTestId('daily-report').first()).toBeVisible();
  const save = async (name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const file = await download;
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), path };
  };
  await page.screenshot({ path: testInfo.outputPath('daily-tab.png') });
  const json = await save('导出数据（JSON）');
  const csv = await save('导出数据（CSV）');
  expect(json.name).toBe(`日报数据_${site!.name}_${TODAY}.json`);
  expect(csv.name).toBe(`日报数据_${site!.name}_${TODAY}.csv`);
  const east = JSON.parse(readFileSync(json.path, 'utf8')) as DayFileJson;
  expect(east.period).toBe(TODAY.replaceAll('-', ''));
  expect(readFileSync(csv.path, 'utf8')).toContain(
    `${east.orgUnit},${site!.name},${TODAY},ISD_ADMISSIONS,`,
  );
  const report = await invoke<{ admissions: number; residentsAtMidnight: number }>(
    page,
    'reports.daily',
    {
      siteId: site!.id,
      day: TODAY,
    },
  );
  expect(valuesOf(east)).toMatchObject({
    ISD_ADMISSIONS: report.admissions,
    ISD_RESIDENTS_MIDNIGHT: report.residentsAtMidnight,
  });

  // The second site's file, and a copy of the first with one figure changed by hand.
  const exported = await invoke<{ filename: string; base64: string }>(
    page,
    'reports.dayFileExport',
    {
      siteId: westId,
      day: TODAY,
      format: 'json',
    },
  );
  const westPath = testInfo.outputPath(exported.filename);
  writeFileSync(westPath, Buffer.from(exported.base64, 'base64'));
  const west = JSON.parse(readFileSync(westPath, 'utf8')) as DayFileJson;
  const tampered = structuredClone(east);
  tampered.dataValues.find((v) => v.dataElement === 'ISD_FEVER_NEW')!.value = '0';
  tampered.dataValues.find((v) => v.dataElement === 'ISD_ADMISSIONS')!.value = '3';
  const tamperedPath = testInfo.outputPath('日报数据_改动.json');
  writeFileSync(tamperedPath, JSON.stringify(tampered));

  await page.getByRole('tab', { name: '区级汇总' }).click();
  await expect(page.getByText('只读查看')).toBeVisible();
  await page.getByLabel('打开日报数据文件…').setInputFiles([json.path, westPath]);
  const table = page.getByTestId('district-summary');
  await expect(table.locator('thead th')).toHaveText([
    '指标',
    '单位',
    `${site!.name}（${east.orgUnit}）`,
    `崇川区城西集中隔离观察点（${west.orgUnit}）`,
    '合计',
  ]);
  const eastValues = valuesOf(east);
  const westValues = valuesOf(west);
  for (const code of [
    'ISD_RESIDENTS_MIDNIGHT',
    'ISD_ADMISSIONS',
    'ISD_ROOMS_TOTAL',
    'ISD_ROOMS_OCCUPIED',
  ]) {
    const cells = table.locator(`tr[data-code="${code}"] td`);
    await expect(cells.nth(2)).toHaveText(String(eastValues[code]));
    await expect(cells.nth(3)).toHaveText(String(westValues[code]));
    await expect(cells.nth(4)).toHaveText(String(eastValues[code]! + westValues[code]!));
  }
  expect(westValues.ISD_ADMISSIONS).toBe(5);

  // More files onto the same view: the CSV of a site already there, and the tampered copy.
  await page.getByLabel('打开日报数据文件…').setInputFiles([csv.path, tamperedPath]);
  const refused = page.getByTestId('district-refused');
  await expect(refused).toContainText(
    `${csv.name}：${site!.name} 的数据已由 ${json.name} 打开，同一隔离点不能重复计入`,
  );
  await expect(refused).toContainText('日报数据_改动.json：校验和不符：文件在导出后被改动或已损坏');
  await expect(table.locator('thead th')).toHaveCount(5);
  await page.screenshot({ path: testInfo.outputPath('district-summary.png'), fullPage: true });
});
