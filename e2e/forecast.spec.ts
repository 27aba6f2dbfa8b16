import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { addDays, siteDay, siteInstant } from '../src/shared/siteDate';
import type { SupplyForecast } from '../src/shared/supply';
import { expect, test } from './fixtures';
import { apiCall, signIn } from './helpers';
import { printToPdf } from './pdf';

test.use({ seed: 'demo' });

const NAMES = [
  '刘海燕',
  '钱建国',
  '陈晓梅',
  '顾志强',
  '朱丽华',
  '王红霞',
  '张卫东',
  '李秀英',
  '周建华',
  '吴玉兰',
  '徐国平',
  '孙美玲',
];
const ARRIVING = [
  ['陈甲', '陈家'],
  ['陈乙', '陈家'],
  ['黄一', ''],
  ['黄二', ''],
] as const;

/** 12 residents checked in this morning, 4 registered for tomorrow's bus, a nurse post rostered. */
async function stageSite(page: Page, today: string): Promise<number> {
  const [site] = await apiCall<{ id: number }[]>(page, 'sites.list', {});
  const siteId = site!.id;
  const person = (fullName: string, i: number, household = '') => ({
    fullName,
    gender: i % 2 ? 'female' : 'male',
    birthDate: '1985-03-0' + String((i % 9) + 1),
    documentType: 'passport',
    documentNumber: `E${String(7_000_000 + i)}`,
    phone: `1391234${String(1000 + i)}`,
    category: 'close_contact',
    ...(household ? { household } : {}),
  });
  const bus = await apiCall<{ id: number }>(page, 'arrivals.create', {
    siteId,
    label: '崇川区转运第1车',
    arrivedAt: siteInstant(today, '07:00').toISOString(),
  });
  await apiCall(page, 'arrivals.register', {
    batchId: bus.id,
    people: NAMES.map((n, i) => person(n, i)),
  });
  const plan = await apiCall<{ lines: { stayId: number; roomId: number | null }[] }>(
    page,
    'allocation.suggest',
    { batchId: bus.id },
  );
  await apiCall(page, 'allocation.confirm', {
    batchId: bus.id,
    lines: plan.lines.map((l) => ({ stayId: l.stayId, roomId: l.roomId })),
  });
  const tomorrow = await apiCall<{ id: number }>(page, 'arrivals.create', {
    siteId,
    label: '濠西街道转运车',
    arrivedAt: siteInstant(addDays(today, 1), '09:00').toISOString(),
  });
  await apiCall(page, 'arrivals.register', {
    batchId: tomorrow.id,
    people: ARRIVING.map(([n, h], i) => person(n, 100 + i, h)),
  });
  const dayShift = await apiCall<{ id: number }>(page, 'shifts.create', {
    siteId,
    name: '白班',
    start: '08:00',
    end: '16:00',
  });
  await apiCall(page, 'posts.create', {
    siteId,
    name: '医疗点',
    roles: ['nurse'],
    headCount: 1,
    templateIds: [dayShift.id],
  });
  for (const fullName of ['护士甲', '护士乙']) {
    await apiCall(page, 'staff.create', { fullName, role: 'nurse', phone: '13900001111' });
  }
  const period = await apiCall<{ id: number }>(page, 'roster.createPeriod', {
    siteId,
    startsOn: today,
    endsOn: addDays(today, 2),
  });
  await apiCall(page, 'roster.autoFill', { periodId: period.id });
  await apiCall(page, 'roster.publish', { periodId: period.id });

  const item = (name: string, spec: string, baseUnit: string) =>
    apiCall<{ id: number }>(page, 'stock.createItem', { name, category: 'ppe', spec, baseUnit });
  const masks = await item('医用外科口罩', '一次性', '只');
  const suits = await item('医用防护服', '连体', '套');
  const covers = await item('耳温枪耳套', '', '个');
  const receive = (itemId: number, quantity: number, unit: string, at: string) =>
    apiCall(page, 'stock.receive', {
      siteId,
      occurredAt: at,
      source: 'allocation',
      party: { kind: 'district', name: '崇川区疫情防控指挥部' },
      lines: [{ itemId, quantity, unit }],
    });
  const fiveDaysAgo = siteInstant(addDays(today, -5), '09:00').toISOString();
  await receive(masks.id, 150, '只', fiveDaysAgo);
  await receive(suits.id, 3, '套', fiveDaysAgo);
  await receive(covers.id, 500, '个', fiveDaysAgo);
  await apiCall(page, 'stock.issue', {
    siteId,
    occurredAt: siteInstant(addDays(today, -3), '10:00').toISOString(),
    destinationKind: 'floor',
    destination: '2 楼',
    lines: [{ itemId: covers.id, quantity: 70, unit: '个' }],
  });
  return siteId;
}

test('norms from the suggestions, the forecast beside last week’s rate, and the 申领单 on A4 and in Excel', async ({
  desk,
}) => {
  const { page } = desk;
  const today = siteDay(new Date());
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '物资管理' })).toBeVisible();
  const siteId = await stageSite(page, today);

  await page.getByRole('button', { name: '物资管理' }).click();
  await page.getByRole('tab', { name: '消耗定额' }).click();
  const norms = page.getByRole('table', { name: '消耗定额' });
  const masksRow = norms.getByRole('row', { name: /医用外科口罩/ });
  await expect(masksRow).toContainText('建议：每名隔离人员每天 2 只 + 每个工作人员班次 1 只');
  await masksRow.getByRole('button', { name: '采用建议' }).click();
  await expect(page.getByRole('dialog').getByRole('combobox', { name: '2. 限于' })).toHaveText(
    '所有岗位',
  );
  await page.screenshot({ path: test.info().outputPath('norms.png') });
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(masksRow).toContainText('每名隔离人员每天 2 只 + 每个工作人员班次 1 只');
  await expect(masksRow).not.toContainText('建议');
  const suitsRow = norms.getByRole('row', { name: /医用防护服/ });
  await expect(suitsRow).toContainText('每个工作人员班次 1 套（岗位：医疗点）');
  await suitsRow.getByRole('button', { name: '采用建议' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(suitsRow.getByRole('button', { name: '采用建议' })).toHaveCount(0);

  // 12 in residence today, 4 more from tomorrow; one nurse on the day shift every day.
  const residents = (i: number) => (i === 0 ? 12 : 16);
  const masksUse = (i: number) => 2 * residents(i) + 1;
  const week = [0, 1, 2, 3, 4, 5, 6];
  await page.getByRole('tab', { name: '供应预测' }).click();
  const days = page.getByRole('table', { name: '日期' });
  await expect(days.getByRole('row', { name: /隔离人员/ }).getByRole('cell')).toHaveText([
    '隔离人员',
    ...week.map((i) => String(residents(i))),
  ]);
  await expect(days.getByRole('row', { name: /工作人员班次/ }).getByRole('cell')).toHaveText([
    '工作人员班次',
    '1',
    '1',
    '1',
    '1*',
    '1*',
    '1*',
    '1*',
  ]);
  // Masks: 150 on hand at 25, then 33 a day.
  let left = 150;
  let runsOut = 0;
  while (masksUse(runsOut) <= left) left -= masksUse(runsOut++);
  const masksDays = Math.floor((runsOut + left / masksUse(runsOut)) * 10) / 10;
  const masksWeek = week.reduce((s, i) => s + masksUse(i), 0);
  const masksRequest = Math.ceil(masksWeek * 1.2 - 150);
  const forecast = page.getByRole('table', { name: '供应预测' });
  await expect(forecast.getByRole('row', { name: /医用外科口罩/ }).getByRole('cell')).toHaveText([
    /医用外科口罩/,
    '150',
    String(Math.round((masksWeek / 7) * 10) / 10),
    '—',
    '定额预测',
    String(masksDays),
    addDays(today, runsOut),
    String(masksRequest),
  ]);
  // Ear thermometer covers have no norm: last week's 70 issued, 10 a day, used instead.
  await expect(forecast.getByRole('row', { name: /耳温枪耳套/ }).getByRole('cell')).toHaveText([
    /耳温枪耳套/,
    '430',
    '—',
    '10',
    '近 7 天出库',
    '43',
    addDays(today, 43),
    '',
  ]);
  await page.screenshot({ path: test.info().outputPath('forecast.png'), fullPage: true });

  const read = await apiCall<SupplyForecast>(page, 'supply.forecast', { siteId });
  const suits = read.items.find((i) => i.name === '医用防护服')!;
  expect(suits.requestQuantity).toBe(Math.ceil(7 * 1.2 - 3));

  if (test.info().project.name === 'browser') {
    await page.getByRole('button', { name: '打印申领单' }).click();
    await expect(page.getByRole('dialog').getByTestId('supply-request')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('request.png') });
    const pdf = await printToPdf(page, test.info().outputPath('request.pdf'));
    expect(pdf.pageSize).toMatch(/\(A4\)$/);
    expect(pdf.pages).toBe(1);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('物资申领单');
    expect(text).toContain(`申领日期：${today}`);
    expect(text).toContain('按7天用量另加20%安全余量计算');
    // Soonest out first: the suits (3 days), then the masks.
    expect(text).toMatch(new RegExp(`1医用防护服连体套.*${suits.requestQuantity}2医用外科口罩`));
    expect(text).toContain(`${addDays(today, runsOut)}${masksRequest}`);
    expect(text).not.toContain('耳温枪耳套');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`申领单_${today}.xlsx`);
  const path = test.info().outputPath('request.xlsx');
  await file.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[7], r[9], r[10]])).toEqual([
    [
      1,
      '医用防护服',
      3,
      '定额预测',
      new Date(`${addDays(today, 3)}T00:00:00Z`),
      suits.requestQuantity,
    ],
    [
      2,
      '医用外科口罩',
      150,
      '定额预测',
      new Date(`${addDays(today, runsOut)}T00:00:00Z`),
      masksRequest,
    ],
  ]);
});
