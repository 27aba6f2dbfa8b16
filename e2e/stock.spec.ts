import type { Page } from '@playwright/test';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { fillDate, signIn } from './helpers';
import { printToPdf } from './pdf';

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function newItem(
  page: Page,
  item: {
    name: string;
    category: string;
    spec: string;
    unit: string;
    packs?: string;
    lots?: boolean;
    aliases?: string;
  },
): Promise<void> {
  await page.getByRole('button', { name: '新建物资' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^物资/ }).fill(item.name);
  await pick(page, '类别', item.category);
  await dialog.getByLabel('规格').fill(item.spec);
  await dialog.getByRole('textbox', { name: /^基本单位/ }).fill(item.unit);
  if (item.packs) await dialog.getByLabel('包装换算').fill(item.packs);
  if (item.lots) await dialog.getByLabel('按批号和有效期管理').check();
  if (item.aliases) await dialog.getByLabel('别名（捐赠方常用的叫法）').fill(item.aliases);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test.use({ seed: 'demo' });

test('a donation of two items by lot, an issue to a community first-expiry-first-out, the stock card and the report', async ({
  desk,
}) => {
  const { page } = desk;
  const soon = addDays(siteDay(new Date()), 10);
  await signIn(page, 'warehouse', desk.demoPassword!);
  await page.getByRole('button', { name: '物资管理' }).click();
  await page.getByRole('tab', { name: '物资目录' }).click();
  await newItem(page, {
    name: '医用外科口罩',
    category: '防护用品',
    spec: '一次性',
    unit: '只',
    packs: '箱=50',
    lots: true,
    aliases: '口罩',
  });
  await newItem(page, { name: '医用酒精', category: '消杀用品', spec: '75%', unit: '公斤' });
  await expect(page.getByRole('table', { name: '物资目录' })).toContainText('1箱=50只');

  await page.getByRole('tab', { name: '入库' }).click();
  await page.getByLabel('捐赠方/供应方').fill('南通某医疗器械有限公司');
  await page.getByLabel('联系人').fill('王经理');
  await pick(page, '1. 物资', '医用外科口罩 一次性');
  await page.getByLabel('1. 数量').fill('20');
  await pick(page, '1. 单位', '箱');
  await page.getByLabel('1. 批号').fill('A1');
  await fillDate(page.getByRole('group', { name: '1. 有效期至' }), '2027-06-30');
  await page.getByRole('button', { name: '添加一行' }).click();
  await pick(page, '2. 物资', '医用外科口罩 一次性');
  await page.getByLabel('2. 数量').fill('300');
  await page.getByLabel('2. 批号').fill('B2');
  await fillDate(page.getByRole('group', { name: '2. 有效期至' }), soon);
  await page.getByRole('button', { name: '添加一行' }).click();
  await pick(page, '3. 物资', '医用酒精 75%');
  await page.getByLabel('3. 数量').fill('500');
  await page.getByRole('button', { name: '登记入库' }).click();
  await expect(page.getByRole('status')).toContainText('已入库');

  await page.getByRole('tab', { name: '出库' }).click();
  await pick(page, '发往', '街道/社区');
  await page.getByLabel('具体去向').fill('濠西社区');
  await pick(page, '1. 物资', '医用外科口罩 一次性');
  await page.getByLabel('1. 数量').fill('400');
  await expect(page.getByText('按先到期先出：B2×300、A1×100')).toBeVisible();
  await page.getByRole('button', { name: '登记出库' }).click();
  await expect(page.getByRole('status')).toContainText('已出库');
  // More than can be issued is refused with what is available, and nothing is written.
  await pick(page, '1. 物资', '医用外科口罩 一次性');
  await page.getByLabel('1. 数量').fill('1000');
  await page.getByRole('button', { name: '登记出库' }).click();
  await expect(page.getByRole('alert')).toContainText('医用外科口罩 可发放的只有 900 只');

  await page.getByRole('tab', { name: '库存' }).click();
  const masks = page
    .getByRole('table', { name: '库存' })
    .getByRole('row', { name: /医用外科口罩/ });
  await expect(masks).toContainText('900 只');
  await masks.click();
  const card = page.getByRole('dialog');
  await expect(card.getByRole('row')).toHaveCount(5);
  await expect(card).toContainText('期末 900 只');
  const cardFile = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出 Excel' }).click();
  expect((await cardFile).suggestedFilename()).toMatch(
    /^物资卡_医用外科口罩_\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  await card.getByRole('button', { name: '关闭' }).click();
  // Lot B2 (expiring within 30 days) went out first: the expiry report has nothing to list.
  const expiryFile = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const expiryPath = test.info().outputPath('expiry.csv');
  await (await expiryFile).saveAs(expiryPath);
  expect(readFileSync(expiryPath, 'utf8').slice(1).trim().split('\r\n')).toEqual([
    '物资,规格,批号,有效期至,剩余天数,数量,单位,状态',
  ]);

  // The donation register: a letter of thanks for the donor, and where the masks went.
  await page.getByRole('tab', { name: '捐赠' }).click();
  const donation = page
    .getByRole('table', { name: '捐赠' })
    .getByRole('row', { name: /南通某医疗器械有限公司/ });
  await donation.getByRole('button', { name: '去向' }).click();
  await expect(page.getByRole('dialog')).toContainText('濠西社区');
  await expect(page.getByRole('dialog')).toContainText('无法追踪'); // the alcohol has no lots
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await donation.getByRole('button', { name: '感谢信' }).click();
  const letter = page.getByRole('dialog').getByTestId('donation-letter');
  await expect(letter).toContainText('捐赠证明暨感谢信');
  await expect(letter).toContainText('医用外科口罩 一次性');
  if (test.info().project.name === 'browser') {
    const pdf = await printToPdf(page, test.info().outputPath('letter.pdf'));
    expect(pdf.pages).toBe(1);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('南通某医疗器械有限公司：');
    expect(text).toContain('1000只');
  }
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('tab', { name: '报表' }).click();
  const row = page.getByRole('table', { name: '报表' }).getByRole('row', { name: /医用外科口罩/ });
  await expect(row.getByRole('cell')).toHaveText([
    /医用外科口罩/,
    '0',
    '1300',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '400',
    '',
    '',
    '',
    '900',
  ]);
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/stock-report.png', animations: 'disabled' });

  // The report leaves as Excel (物资报表_<date>.xlsx), CSV with a BOM, and an A4 PDF.
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^物资报表_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csvPath = test.info().outputPath('report.csv');
  await (await csv).saveAs(csvPath);
  const csvText = readFileSync(csvPath, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('医用外科口罩,一次性,防护用品,只,0,1300,0,0,0,0,0,0,0,400,0,0,0,900');
  if (test.info().project.name === 'browser') {
    // page.pdf() is Chromium-headless only
    await page.getByRole('button', { name: '打印 / PDF' }).click();
    await expect(page.getByRole('dialog').getByTestId('stock-report')).toBeVisible();
    const pdf = await printToPdf(page, test.info().outputPath('stock-report.pdf'));
    expect(pdf.pageSize).toMatch(/\(A4\)$/);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('物资收发存报表');
    expect(text).toContain('医用外科口罩一次性');
    // Opening 0, donated 1300, three other sources 0, four destinations 0, community 400, …, closing 900.
    expect(text).toContain('013000000000400000900');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  }

  // A stocktake: the sheet prints, two masks are missing from lot A1, the difference is posted.
  await page.getByRole('tab', { name: '盘点' }).click();
  await page.getByRole('button', { name: '打印盘点表' }).click();
  await expect(page.getByRole('dialog').getByTestId('count-sheet')).toContainText(
    '医用外科口罩 一次性 · A1',
  );
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await page.getByLabel('医用外科口罩 一次性 · A1 实盘').fill('898');
  await page.getByLabel('盘点说明').fill('月末盘点');
  await page.getByRole('button', { name: '登记盘点差异' }).click();
  await expect(page.getByRole('status')).toContainText('已登记 1 项差异');
  await page.getByRole('tab', { name: '库存' }).click();
  await expect(
    page.getByRole('table', { name: '库存' }).getByRole('row', { name: /医用外科口罩/ }),
  ).toContainText('898 只');

  // A donation list from a file: one name is known, one is mapped by hand (and remembered).
  const list = test.info().outputPath('捐赠清单.csv');
  writeFileSync(
    list,
    '\uFEFF物资名称,数量,单位\r\n医用酒精,20,公斤\r\n消毒用酒精,30,公斤\r\n',
    'utf8',
  );
  await page.getByRole('tab', { name: '入库' }).click();
  await page.getByLabel('捐赠方/供应方').fill('市红十字会');
  await page.getByRole('button', { name: '从文件导入捐赠清单' }).click();
  const importing = page.getByRole('dialog');
  await importing.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(list);
  const preview = importing.getByRole('table', { name: '导入捐赠清单' });
  await expect(preview.getByRole('row', { name: /消毒用酒精/ })).toContainText('不认识的物资名称');
  await preview.getByRole('combobox', { name: '消毒用酒精 物资' }).click();
  await page.getByRole('option', { name: '医用酒精 75%' }).click();
  await expect(preview.getByRole('row', { name: /消毒用酒精/ })).not.toContainText(
    '不认识的物资名称',
  );
  await importing.getByRole('button', { name: '导入勾选的行' }).click();
  await expect(page.getByRole('status')).toContainText('已入库');
  await page.getByRole('tab', { name: '物资目录' }).click();
  await expect(
    page.getByRole('table', { name: '物资目录' }).getByRole('row', { name: /医用酒精/ }),
  ).toContainText('消毒用酒精');
  await page.getByRole('tab', { name: '库存' }).click();
  await expect(
    page.getByRole('table', { name: '库存' }).getByRole('row', { name: /医用酒精/ }),
  ).toContainText('550 公斤');
});

test('a donation list with a new item and a new pack unit, sent on to a floor station', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'warehouse', desk.demoPassword!);
  await page.getByRole('button', { name: '物资管理' }).click();

  const list = test.info().outputPath('手套清单.csv');
  writeFileSync(list, '\uFEFF物资名称,数量,单位\r\n一次性手套,10,盒\r\n', 'utf8');
  await page.getByRole('tab', { name: '入库' }).click();
  await page.getByLabel('捐赠方/供应方').fill('市民李女士');
  await page.getByRole('button', { name: '从文件导入捐赠清单' }).click();
  const importing = page.getByRole('dialog');
  await importing.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(list);
  const preview = importing.getByRole('table', { name: '导入捐赠清单' });
  await preview.getByRole('combobox', { name: '一次性手套 物资' }).click();
  await page.getByRole('option', { name: '新建物资“一次性手套”' }).click();
  await preview.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '防护用品' }).click();
  await preview.getByLabel('基本单位').fill('副');
  // The list counts in 盒, the new item in 副: the conversion is asked for, then accepted.
  await expect(preview.getByRole('row', { name: /一次性手套/ })).toContainText(
    '该物资没有这个单位',
  );
  await preview.getByLabel('1 盒 = ? 副').fill('100');
  await expect(preview.getByRole('row', { name: /一次性手套/ })).not.toContainText('没有这个单位');
  await importing.getByRole('button', { name: '导入勾选的行' }).click();
  await expect(page.getByRole('status')).toContainText('已入库');

  await page.getByRole('button', { name: '添加物资点' }).click();
  await page.getByLabel('物资点名称（如 3楼物资点）').fill('3楼物资点');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '出库' }).click();
  await pick(page, '发往', '调拨到其他库位');
  await page.getByRole('combobox', { name: /调入库位/ }).click();
  await page.getByRole('option', { name: '3楼物资点' }).click();
  await pick(page, '1. 物资', '一次性手套');
  await page.getByLabel('1. 数量').fill('200');
  await page.getByRole('button', { name: '登记出库' }).click();
  await expect(page.getByRole('status')).toContainText('已调拨');

  await page.getByRole('tab', { name: '库存' }).click();
  const gloves = () =>
    page.getByRole('table', { name: '库存' }).getByRole('row', { name: /一次性手套/ });
  await expect(gloves()).toContainText('800 副');
  await pick(page, '库位', '3楼物资点');
  await expect(gloves()).toContainText('200 副');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/stock-station.png', animations: 'disabled' });
});
