import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { readQuantityText } from '../src/shared/quantityText';
import { addDays, siteDay } from '../src/shared/siteDate';
import {
  REGISTER_CATALOGUE,
  registerCsv,
  weekRegister,
  type RegisterEntry,
} from '../src/main/testing/donationRegister';
import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { printToPdf } from './pdf';

test.use({ seed: 'demo' });

type Invoke = (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** The site's items before the register arrives (set up directly: the catalogue is not the subject). */
const CATALOGUE = REGISTER_CATALOGUE;

async function catalogue(page: Page): Promise<void> {
  await page.evaluate(async (items) => {
    const api = window.api as unknown as { invoke: Invoke };
    for (const item of items) {
      const made = await api.invoke('stock.createItem', item);
      if (!made.ok) throw new Error(JSON.stringify(made.error));
    }
  }, CATALOGUE);
}

/** The lines as posted: blank donor and day cells are the line above's; the 合计 line is none. */
function postedLines(entries: RegisterEntry[]) {
  let donor = '';
  let day = '';
  return entries
    .filter((e) => !e.total)
    .map((e) => {
      donor = e.donor || donor;
      day = e.day || day;
      const read = readQuantityText(e.quantity);
      return { ...e, donor, day, quantity: read.quantity!, unit: e.unit || read.unit };
    });
}

test('a week’s donation register imported as printed: one receipt per donor and day, totals item by item', async ({
  desk,
}) => {
  const { page } = desk;
  const today = siteDay(new Date());
  await signIn(page, 'warehouse', desk.demoPassword!);
  await page.getByRole('button', { name: '物资管理' }).click();
  await catalogue(page);
  await page.getByRole('tab', { name: '入库' }).click();

  // The week as the district printed it, and one late line from 70 days ago that only an
  // administrator may enter: the first attempt is refused whole.
  const entries = weekRegister(today);
  const late: RegisterEntry = {
    ...entries[2]!,
    serial: String(entries.length),
    day: addDays(today, -70),
    donor: '南通市科健医疗器械有限公司',
    item: '一次性医用口罩',
    quantity: '100',
    unit: '只',
  };
  entries.splice(entries.length - 1, 0, late);
  const file = test.info().outputPath('崇川区捐赠物资登记表.csv');
  writeFileSync(file, `\uFEFF${registerCsv(entries)}`, 'utf8');

  // A donor typed in the form is not the register's (the register names its own).
  await page.getByLabel('捐赠方/供应方').fill('市民张先生');
  await page.getByRole('button', { name: '从文件导入捐赠清单' }).click();
  const importing = page.getByRole('dialog');
  await expect(importing.getByText('选择文件（.xlsx 或 .csv）')).toBeVisible();
  await expect(importing).toContainText('捐赠单位/个人');
  await importing.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(file);
  const preview = importing.getByRole('table', { name: '导入捐赠清单' });

  const lines = postedLines(entries);
  const receipts = [...new Set(lines.map((l) => `${l.donor} · ${l.day}`))];
  for (const r of receipts) await expect(preview).toContainText(r);
  await importing.screenshot({ path: test.info().outputPath('register-dialog.png') });
  // The repeated line is flagged and left out; 个 for masks counted in 只 names the unit expected.
  const serialOf = (i: number) => entries[i]!.serial;
  const repeat = lines.findIndex(
    (l, i) =>
      i > 0 &&
      lines
        .slice(0, i)
        .some(
          (p) =>
            p.donor === l.donor &&
            p.day === l.day &&
            p.item === l.item &&
            p.quantity === l.quantity,
        ),
  );
  const repeatRow = preview.getByRole('row').filter({
    has: page.getByRole('checkbox', { name: `选择第 ${serialOf(repeat)} 行`, exact: true }),
  });
  await expect(repeatRow).toContainText(`与第 ${serialOf(repeat - 1)} 行重复`);
  await expect(
    page.getByRole('checkbox', { name: `选择第 ${serialOf(repeat)} 行`, exact: true }),
  ).not.toBeChecked();
  await expect(preview).toContainText('该物资没有这个单位（应为 只）');
  await expect(preview).toContainText('2000余只');

  // 1 个 = 1 只 for every row in 个; 护目镜 becomes a new item counted in 副.
  const factors = preview.getByLabel('1 个 = ? 只');
  for (const field of await factors.all()) await field.fill('1');
  await expect(preview).not.toContainText('该物资没有这个单位');
  await preview.getByRole('combobox', { name: '护目镜 物资' }).click();
  await page.getByRole('option', { name: '新建物资“护目镜”' }).click();

  // The late line is flagged before posting, and left out.
  await expect(
    page.getByRole('checkbox', { name: `选择第 ${late.serial} 行`, exact: true }),
  ).not.toBeChecked();

  // Select none, then all, then leave the repeated line out again.
  await importing.getByRole('button', { name: '全不选' }).click();
  await expect(preview.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await importing.getByRole('button', { name: '全选' }).click();
  await expect(preview.getByRole('checkbox', { checked: false })).toHaveCount(0);
  await page
    .getByRole('checkbox', { name: `选择第 ${serialOf(repeat)} 行`, exact: true })
    .uncheck();

  // All or nothing: the late line refuses the whole register, named on its row.
  await importing.getByRole('button', { name: '导入勾选的行' }).click();
  await expect(importing.getByRole('alert')).toContainText('超过补录期限');
  const lateRow = preview
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `选择第 ${late.serial} 行`, exact: true }) });
  await expect(lateRow).toContainText('早于允许补录的期限');
  await page.screenshot({ path: test.info().outputPath('register-preview.png'), fullPage: true });
  await page.getByRole('checkbox', { name: `选择第 ${late.serial} 行`, exact: true }).uncheck();
  await importing.getByRole('button', { name: '导入勾选的行' }).click();

  const posted = lines.filter(
    (l, i) => i !== repeat && l !== lines.find((x) => x.serial === late.serial),
  );
  const postedReceipts = new Set(posted.map((l) => `${l.donor}|${l.day}`));
  await expect(page.getByRole('status')).toContainText(`已入库 ${postedReceipts.size} 张入库单`);
  await expect(page.getByLabel('捐赠方/供应方')).toHaveValue('');
  // The item the import made is in the manual form's list at once.
  await page.getByLabel('1. 物资', { exact: true }).click();
  await expect(page.getByRole('option', { name: '护目镜' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The donation register: one entry per donor and day, dated the day the goods arrived.
  await page.getByRole('tab', { name: '捐赠' }).click();
  const register = page.getByRole('table', { name: '捐赠' });
  await expect(register.getByRole('row')).toHaveCount(postedReceipts.size + 1);
  for (const key of postedReceipts) {
    const [donor, day] = key.split('|') as [string, string];
    // On screen a day reads 2026-12-06; the letter on paper below reads 2026年12月6日.
    await expect(register.getByRole('row', { name: new RegExp(donor) }).first()).toContainText(day);
  }

  // The letter of thanks is dated the day the goods arrived, not the day they were typed in.
  const estimate = posted.find((l) =>
    /余/.test(entries.find((e) => e.serial === l.serial)!.quantity),
  )!;
  await register
    .getByRole('row', { name: new RegExp(estimate.donor) })
    .getByRole('button', { name: '感谢信' })
    .click();
  const letter = page.getByRole('dialog').getByTestId('donation-letter');
  const [ly, lm, ld] = estimate.day.split('-').map(Number) as [number, number, number];
  await expect(letter).toContainText(`兹收到贵方于 ${ly}年${lm}月${ld}日 捐赠`);
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // On hand, item by item, as the register adds up (个 counted as 只).
  const totals = new Map<string, { quantity: number; unit: string }>();
  for (const l of posted) {
    const base = CATALOGUE.find((c) => c.name === l.item)?.baseUnit ?? l.unit;
    const t = totals.get(l.item) ?? { quantity: 0, unit: base };
    t.quantity += l.quantity;
    totals.set(l.item, t);
  }
  await page.getByRole('tab', { name: '库存' }).click();
  const onHand = page.getByRole('table', { name: '库存' });
  for (const [item, t] of totals) {
    await expect(onHand.getByRole('row', { name: new RegExp(item) }).first()).toContainText(
      `${t.quantity} ${t.unit}`,
    );
  }

  // The period report's grand total per base unit, never 只 and 件 together.
  const byUnit = new Map<string, number>();
  for (const t of totals.values()) byUnit.set(t.unit, (byUnit.get(t.unit) ?? 0) + t.quantity);
  await page.getByRole('tab', { name: '报表' }).click();
  const report = page.getByRole('table', { name: '报表' });
  for (const [unit, quantity] of byUnit) {
    await expect(report.getByRole('row', { name: new RegExp(`^合计（${unit}）`) })).toContainText(
      String(quantity),
    );
  }
  await page.screenshot({ path: test.info().outputPath('report-totals.png'), fullPage: true });
  // The same totals in the CSV and the A4 PDF.
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csvPath = test.info().outputPath('report.csv');
  await (await csv).saveAs(csvPath);
  const csvTotals = readFileSync(csvPath, 'utf8')
    .split('\r\n')
    .filter((l) => l.startsWith('合计'));
  expect(new Map(csvTotals.map((l) => [l.split(',')[3], Number(l.split(',').at(-1))]))).toEqual(
    byUnit,
  );
  if (test.info().project.name === 'browser') {
    await page.getByRole('button', { name: '打印 / PDF' }).click();
    await expect(page.getByRole('dialog').getByTestId('stock-report')).toBeVisible();
    const pdf = await printToPdf(page, test.info().outputPath('stock-report.pdf'));
    const text = pdf.text.replace(/\s+/g, '');
    for (const unit of byUnit.keys()) expect(text).toContain(`合计（${unit}）`);
  }
});
