import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zhCN } from '../src/shared/i18n/zh-CN';
import { STAFF_LIST, staffListXlsx } from '../src/main/testing/staffListFixture';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.use({ seed: 'demo' });

/** A mobile as the staff list shows it once stored: spaces, dashes and +86 gone, masked. */
const masked = (written: string) => {
  const digits = written.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
};

test('a staff list of 26 for seven posts goes in through the import dialog, person by person', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, '工作人员名单.xlsx');
  writeFileSync(file, await staffListXlsx());
  const sound = STAFF_LIST.filter((l) => !l.refused);

  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '值班排班' }).click();
  await page.getByRole('tab', { name: '人员' }).click();
  const staffTable = page.getByRole('table', { name: '人员' });
  const before = await staffTable.getByRole('row').count();
  await page.getByRole('button', { name: '导入人员名单' }).click();
  const dialog = page.getByRole('dialog');

  // The template comes from main in the desk's language.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载模板' }).click();
  expect((await download).suggestedFilename()).toBe('人员名单模板.xlsx');

  await dialog.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(file);
  const preview = dialog.getByRole('table', { name: '导入人员名单' });
  await expect(dialog.getByRole('status').first()).toContainText(
    `共 ${STAFF_LIST.length} 行：${sound.length} 行可导入，${STAFF_LIST.length - sound.length} 行不导入。`,
  );
  await expect(preview.getByRole('columnheader', { name: '序号' })).toBeVisible();
  for (const l of STAFF_LIST.filter((x) => x.refused)) {
    const row = preview.getByRole('row', { name: new RegExp(l.name) });
    if (l.refused === 'bad_mobile') await expect(row).toContainText('手机：手机号应为 11 位');
    else {
      const { sameMobileAs } = l.refused!;
      const first = STAFF_LIST.find((f) => f.serial === sameMobileAs)!;
      await expect(row).toContainText(`与序号/行 ${first.serial}（${first.name}）手机号相同`);
    }
    await expect(row.getByRole('checkbox')).toBeDisabled();
  }
  await page.screenshot({ path: testInfo.outputPath('staff-import.png') });
  await dialog.getByRole('button', { name: `导入所选 ${sound.length} 人` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已导入 ${sound.length} 名人员`)).toBeVisible();

  await expect(staffTable.getByRole('row')).toHaveCount(before + sound.length);
  for (const l of sound) {
    const cells = staffTable.getByRole('row', { name: new RegExp(l.name) }).getByRole('cell');
    await expect(cells.nth(1)).toHaveText(zhCN.staffRole[l.meant]);
    await expect(cells.nth(2)).toHaveText(l.unit);
    await expect(cells.nth(3)).toHaveText(masked(l.mobile));
    await expect(cells.nth(4)).toHaveText(
      l.skills
        .split(/[、,]/)
        .filter((s) => s)
        .join('、'),
    );
    await expect(cells.nth(5)).toHaveText(l.hours ? String(Number.parseInt(l.hours, 10)) : '48');
  }
  for (const l of STAFF_LIST.filter((x) => x.refused))
    await expect(staffTable.getByRole('row', { name: new RegExp(l.name) })).toHaveCount(0);

  // The same list again: every mobile is now on staff, so nothing can go in twice.
  await page.getByRole('button', { name: '导入人员名单' }).click();
  await dialog.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(file);
  await expect(dialog.getByRole('status').first()).toContainText(
    `共 ${STAFF_LIST.length} 行：0 行可导入，${STAFF_LIST.length} 行不导入。`,
  );
  await expect(preview.getByRole('row', { name: /陈志刚/ })).toContainText(
    '该手机号已登记在人员名单中（陈志刚）',
  );
  await expect(dialog.getByRole('button', { name: '导入所选 0 人' })).toBeDisabled();
});
