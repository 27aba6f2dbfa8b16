import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { checkInBus } from './bus';
import { invoke, signIn } from './helpers';
import { expectAnchoredFoot, printDailyReport } from './dailyReportPrint';

const TODAY = siteDay(new Date());
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

/** The site's roster around today: a gate on three shifts, a medical post, cleaning, the leader on duty; auto-filled and published. */
async function publishedRoster(page: Page, siteId: number): Promise<void> {
  const shift = (name: string, start: string, end: string) =>
    invoke<{ id: number }>(page, 'shifts.create', { siteId, name, start, end });
  const day = await shift('白班', '08:00', '16:00');
  const evening = await shift('中班', '16:00', '24:00');
  const night = await shift('夜班', '00:00', '08:00');
  const post = (name: string, roles: string[], headCount: number, templateIds: number[]) =>
    invoke(page, 'posts.create', { siteId, name, roles, headCount, templateIds });
  await post('门岗', ['security'], 1, [day.id, evening.id, night.id]);
  await post('医疗点', ['nurse', 'doctor'], 1, [day.id, evening.id]);
  await post('消杀组', ['cleaning'], 1, [day.id]);
  await post('带班领导', ['coordinator'], 1, [day.id]);
  const staff: [string, string][] = [
    ['陈志刚', 'security'],
    ['卢建华', 'security'],
    ['郭文杰', 'security'],
    ['王允俊', 'security'],
    ['朱煜元', 'nurse'],
    ['何秀英', 'nurse'],
    ['蔡震国', 'doctor'],
    ['姜桂秋', 'cleaning'],
    ['葛秀智', 'cleaning'],
    ['谭真', 'coordinator'],
    ['钱锁梅', 'coordinator'],
  ];
  for (const [fullName, role] of staff)
    await invoke(page, 'staff.create', { fullName, role, phone: '13912345678' });
  const period = await invoke<{ id: number }>(page, 'roster.createPeriod', {
    siteId,
    startsOn: addDays(TODAY, -3),
    endsOn: addDays(TODAY, 3),
  });
  await invoke(page, 'roster.autoFill', { periodId: period.id });
  await invoke(page, 'roster.publish', { periodId: period.id });
}

/**
 * The store: donations eight days ago (masks with a lot about to expire, suits with a lot that
 * expired that day), then masks, suits, disinfectant and alcohol issued to the floors every day
 * since.
 */
async function weekOfStock(page: Page, siteId: number): Promise<void> {
  const item = (
    name: string,
    spec: string,
    baseUnit: string,
    lowThreshold: number,
    lots: boolean,
  ) =>
    invoke<{ id: number }>(page, 'stock.createItem', {
      name,
      category: 'ppe',
      spec,
      baseUnit,
      lowThreshold,
      tracksLots: lots,
    });
  const masks = await item('医用外科口罩', '一次性', '只', 5000, true);
  const suits = await item('医用防护服', '连体式', '件', 50, true);
  const bleach = await item('84消毒液', '500ml', '瓶', 20, false);
  const alcohol = await item('医用酒精', '75%', '公斤', 0, false);
  await invoke(page, 'stock.receive', {
    siteId,
    occurredAt: at(addDays(TODAY, -8), '09:00'),
    source: 'donation',
    party: { kind: 'company', name: '南通普济药房连锁有限公司', contact: '', phone: '' },
    lines: [
      {
        itemId: masks.id,
        quantity: 3000,
        unit: '只',
        lotCode: 'KZ2611',
        expiry: addDays(TODAY, 10),
      },
      { itemId: masks.id, quantity: 1000, unit: '只', lotCode: 'KZ2706', expiry: '2027-06-30' },
      { itemId: suits.id, quantity: 250, unit: '件', lotCode: 'FH2612', expiry: '2027-12-31' },
      { itemId: suits.id, quantity: 29, unit: '件', lotCode: 'FH2511', expiry: addDays(TODAY, -8) },
      { itemId: bleach.id, quantity: 60, unit: '瓶' },
      { itemId: alcohol.id, quantity: 500, unit: '公斤' },
    ],
  });
  for (let back = 7; back >= 1; back--)
    await invoke(page, 'stock.issue', {
      siteId,
      occurredAt: at(addDays(TODAY, -back), '08:30'),
      destinationKind: 'floor',
      destination: 'A栋3楼',
      lines: [
        { itemId: masks.id, quantity: 300, unit: '只' },
        { itemId: bleach.id, quantity: 6, unit: '瓶' },
        { itemId: alcohol.id, quantity: 20, unit: '公斤' },
        { itemId: suits.id, quantity: 10, unit: '件' },
      ],
    });
}

/** Twelve close contacts off one bus, checked into free rooms of floor 3 of building A. */
async function busOfTwelve(page: Page, siteId: number): Promise<number> {
  const rooms = await invoke<{ rows: { id: number; number: string }[] }>(page, 'rooms.page', {
    siteId,
    search: 'A-3',
    statuses: ['available'],
    limit: 100,
  });
  const free = rooms.rows.filter((r) => /^A-3\d\d$/.test(r.number));
  return checkInBus(
    page,
    siteId,
    free.map((r) => r.id),
    '张王李赵陈刘杨黄周吴徐孙',
    '1988-03',
  );
}

test.use({ seed: 'demo' });

test('the 日报 of a realistic day: staff on duty, supply alerts, dated chart and the chain head on one A4 page; Excel typed', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '统计报表' })).toBeVisible();
  const [site] = await invoke<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  expect(await busOfTwelve(page, site!.id)).toBe(12);
  await publishedRoster(page, site!.id);
  await weekOfStock(page, site!.id);

  await page.getByRole('button', { name: '统计报表' }).click();
  const onScreen = page.getByTestId('daily-report').first();
  await expect(onScreen.getByTestId('report-staff')).toContainText('门岗');
  await expect(onScreen.getByTestId('report-stock')).toContainText('低于下限');
  if (testInfo.project.name === 'browser')
    await onScreen.screenshot({ path: testInfo.outputPath('daily-report-page.png') });

  // Excel: the Chinese file name; dates typed at site time, quantities numbers.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`日报_${TODAY}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[1]).toEqual(['日期', new Date(`${TODAY}T00:00:00Z`)]);
  expect(rows.find((r) => r[0] === '低于下限' && r[1] === '医用外科口罩')?.slice(1, 5)).toEqual([
    '医用外科口罩',
    '一次性',
    4000 - 7 * 300,
    5000,
  ]);

  if (testInfo.project.name !== 'browser') return; // page.pdf() is Chromium-headless only
  const { pdf, text } = await printDailyReport(page, testInfo.outputPath('daily-report.pdf'));
  // Staff on duty from the published roster, the leader named.
  expect(text).toContain('在岗人员');
  expect(text).toMatch(/门岗夜班00:00–08:00：(陈志刚|卢建华|郭文杰|王允俊)；白班08:00–16:00：/);
  expect(text).toContain('安保/民警');
  expect(text).toMatch(/带班：(谭真|钱锁梅)（白班08:00–16:00）/);
  expect(text).not.toContain('排班、物资模块上线后自动填写');
  // Supply alerts: low, expired, expiring, days of supply.
  expect(text).toContain('低于下限：84消毒液（500ml）18/20瓶；医用外科口罩（一次性）1900/5000只');
  expect(text).toContain('已过期：医用防护服（连体式）批号FH251129件');
  expect(text).toMatch(/临期：医用外科口罩（一次性）批号KZ2611\d+只（剩10天）/);
  expect(text).toContain('84消毒液（500ml）3天');
  // The fortnight's chart: every date on its axis, today's bar labelled with its residents.
  expect(pdf.text).toMatch(/^\s+12\s*$/m);
  for (let back = 13; back >= 0; back--) expect(text).toContain(addDays(TODAY, -back).slice(5));
  // Its foot: the audit chain head, as anchored when the report was produced.
  expectAnchoredFoot(text, desk.dataDir);
});
