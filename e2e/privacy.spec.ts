import ExcelJS from 'exceljs';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { apiCall, signIn } from './helpers';

test.use({ seed: 'demo' });

const DONOR_PHONE = '13812345678';

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

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '物资管理' }).last().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^隔离点归档_物资管理_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
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
