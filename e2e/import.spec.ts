import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

test.use({ seed: 'demo' });

test('a district CSV with two bad rows: the report names them, and the valid rows alone can be imported', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  const csv = [
    '姓名,性别,出生日期,身份证号,手机,人员类别,同户',
    `钱七,男,1980-01-02,${residentId('32060219800102011')},13900001111,密接,钱家`,
    `孙八,女,1982-03-04,${residentId('32060219820304022')},13900002222,密接,钱家`,
    '周九,男,1990-05-06,320602199005060310,13900003333,次密接,', // wrong check digit
    `吴十,未知,1991-07-08,${residentId('32060219910708041')},,密接,`, // unknown gender
    `郑十一,男,1988-09-10,${residentId('32060219880910051')},13900005555,入境,`,
  ].join('\r\n');
  const file = join(testInfo.outputDir, '区里转来名单.csv');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, `\uFEFF${csv}\r\n`, 'utf8');

  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '人员入住' }).click();
  await page.getByRole('button', { name: '新建到达批次' }).click();
  await page.getByRole('dialog').getByLabel('批次说明').fill('区里转来名单');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '从文件导入' }).click();
  await page.locator('input[type=file]').setInputFiles(file);

  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText('共 5 行：有效 3 行，有问题 2 行。', { exact: false }),
  ).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^4 .*身份证号校验位不对/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^5 .*不认识的性别/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入全部' })).toBeDisabled();
  await dialog.getByRole('button', { name: '仅导入有效行 (3)' }).click();
  await expect(dialog).toBeHidden();

  const members = page.getByRole('table', { name: '本批次人员' });
  await expect(members.getByRole('row')).toHaveCount(4);
  await expect(members).toContainText('钱七');
  await expect(members).not.toContainText('周九');
});
