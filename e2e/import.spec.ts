import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn, residentIdCheckChar } from '../src/shared/idNumber';
import { addDays, siteDay, siteMidnight } from '../src/shared/siteDate';
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
    dialog.getByText('共 5 行：3 行可导入，2 行不导入。', { exact: false }),
  ).toBeVisible();
  const rows = dialog.getByRole('table', { name: '文件中的人员' });
  await expect(rows.getByRole('row', { name: /周九/ })).toContainText(
    '4周九不导入证件号码：身份证号校验位不对',
  );
  await expect(rows.getByRole('row', { name: /吴十/ })).toContainText(
    '5吴十不导入性别：不认识的性别（应为 男/女）',
  );
  // The refused rows cannot be chosen; the three sound ones are, at first.
  await expect(rows.getByRole('checkbox', { name: '选择第 4 行' })).toBeDisabled();
  await expect(rows.getByRole('checkbox', { name: '选择第 5 行' })).toBeDisabled();
  await dialog.getByRole('button', { name: '导入所选 3 人' }).click();
  await expect(dialog).toBeHidden();

  const members = page.getByRole('table', { name: '本批次人员' });
  await expect(members.getByRole('row')).toHaveCount(4);
  await expect(members).toContainText('钱七');
  await expect(members).not.toContainText('周九');
});

/** A bus as the district's Excel list gives it (names from the district bulletin). */
function districtList() {
  const id = (birth: string, serial: string) =>
    residentId(`320602${birth.replaceAll('-', '')}${serial}`);
  const wrongCheck = (sound: string) => sound.slice(0, 17) + (sound.endsWith('1') ? '2' : '1');
  const exposed = addDays(siteDay(new Date()), -2);
  const people = [
    {
      serial: 1,
      name: '王允俊',
      gender: '男',
      type: '身份证',
      number: id('1958-03-02', '011'),
      birth: '1958-03-02',
      from: '和平桥街道',
      travel: 'G7012',
      ok: true,
    },
    {
      serial: 2,
      name: '郭文杰',
      gender: '男',
      type: '身份证',
      number: id('1990-07-15', '013'),
      birth: '1990-07-15',
      from: '城东街道',
      travel: 'G7012',
      ok: true,
    },
    {
      serial: 3,
      name: 'John Smith',
      gender: '男',
      type: '护照',
      number: 'E12345678',
      birth: null,
      from: '虹桥街道',
      travel: 'MU5112',
      ok: true,
    },
    // A wrong check digit: the last character of a sound number changed.
    {
      serial: 4,
      name: '钱锁梅',
      gender: '女',
      type: '身份证',
      number: wrongCheck(id('1975-10-08', '024')),
      birth: null,
      from: '学田街道',
      travel: 'G7012',
      ok: false,
    },
    // The same number as 序号 1, typed again.
    {
      serial: 5,
      name: '王允俊',
      gender: '男',
      type: '居民身份证',
      number: id('1958-03-02', '011'),
      birth: null,
      from: '和平桥街道',
      travel: 'G7012',
      ok: false,
    },
    {
      serial: 6,
      name: '陈美玲',
      gender: '女',
      type: '港澳通行证',
      number: 'H01234567',
      birth: null,
      from: '钟秀街道',
      travel: 'CZ3502',
      ok: true,
    },
  ];
  const header = [
    '序号',
    '姓名',
    '性别',
    '证件类型',
    '证件号码',
    '来源街道',
    '车次/航班',
    '人员类别',
    '末次接触时间',
    '联系人',
    '联系人电话',
    '健康码',
    '核酸检测结果',
  ];
  const rows = people.map((p) => [
    p.serial,
    p.name,
    p.gender,
    p.type,
    p.number,
    p.from,
    p.travel,
    '密接',
    exposed,
    '',
    '',
    '绿码',
    '阴性',
  ]);
  return { people, header, rows };
}

test('a district Excel list as it comes: 序号 and names in the report, the first of a repeated number kept, passports without a birth date', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  const list = districtList();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('转运名单');
  sheet.addRow(['崇川区转运人员名单（第 3 车）']);
  sheet.addRow(list.header);
  for (const row of list.rows) sheet.addRow(row);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, '转运名单.xlsx');
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  /** The sheet line of the list's n-th person: under a title row and the header. */
  const line = (serial: number) => serial + 2;

  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '人员入住' }).click();
  await page.getByRole('button', { name: '新建到达批次' }).click();
  await page.getByRole('dialog').getByLabel('批次说明').fill('崇川区第 3 车');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '从文件导入' }).click();
  const dialog = page.getByRole('dialog');

  // The template to fill in: every header the import reads, with the 序号 column first.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载模板' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('到达人员名单模板.xlsx');
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(await template.path());
  const templateHeader = (read.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
  expect(templateHeader).toEqual(
    expect.arrayContaining(['序号', '姓名', '来源街道/来源地', '车次/航班']),
  );

  await page.locator('input[type=file]').setInputFiles(file);
  const valid = list.people.filter((p) => p.ok);
  await expect(
    dialog.getByText(
      `共 ${list.people.length} 行：${valid.length} 行可导入，${list.people.length - valid.length} 行不导入。`,
      { exact: false },
    ),
  ).toBeVisible();
  await expect(
    dialog.getByText('未导入的列：健康码、核酸检测结果', { exact: false }),
  ).toBeVisible();
  const rows = dialog.getByRole('table', { name: '文件中的人员' });
  await expect(rows.getByRole('row')).toHaveCount(list.people.length + 1);
  await expect(rows.getByRole('row', { name: /不导入/ })).toHaveCount(
    list.people.length - valid.length,
  );
  const qian = rows.getByRole('row', { name: /钱锁梅/ });
  await expect(qian).toContainText(`4钱锁梅${line(4)}不导入证件号码：身份证号校验位不对`);
  await expect(qian).not.toContainText('出生日期');
  await expect(rows.getByRole('row', { name: /与第/ })).toContainText(
    `5王允俊${line(5)}不导入证件号码：与第 ${line(1)} 行（序号 1，王允俊）重复`,
  );
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: testInfo.outputPath('import-preview.png') });
  await dialog.getByRole('button', { name: `导入所选 ${valid.length} 人` }).click();
  await expect(dialog).toBeHidden();

  // Person by person: the kept 王允俊 once, passport and permit holders with their age unknown.
  const members = page.getByRole('table', { name: '本批次人员' });
  await expect(members.getByRole('row')).toHaveCount(valid.length + 1);
  const today = siteMidnight(new Date());
  for (const p of valid) {
    const row = members.getByRole('row', { name: new RegExp(p.name) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(2)).toHaveText(
      p.birth ? String(ageOn(p.birth, today)) : '年龄不详',
    );
  }
  await expect(members).not.toContainText('钱锁梅');

  // The coordinator fills in John Smith's birth date later, on his page.
  await page.getByRole('tab', { name: '分配房间' }).click();
  await page.getByRole('button', { name: '生成分配建议' }).click();
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByRole('status')).toContainText(`已入住 ${valid.length} 人`);
  await page.getByRole('button', { name: '在住人员' }).click();
  const grid = page.getByRole('grid');
  await grid
    .getByRole('row', { name: /John Smith/ })
    .getByRole('gridcell', { name: 'John Smith' })
    .click();
  await expect(page.getByRole('heading', { name: 'John Smith' })).toBeVisible();
  const details = page.getByRole('table', { name: '基本信息' });
  await expect(details).toContainText('来源地虹桥街道');
  await expect(details).toContainText('车次/航班MU5112');
  await expect(page.getByText('年龄 年龄不详')).toBeVisible();
  await details.getByRole('button', { name: '填写出生日期' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/出生日期/)
    .fill('1950-02-01');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`年龄 ${ageOn('1950-02-01', today)}`)).toBeVisible();
  await expect(page.getByText('≥65岁')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: testInfo.outputPath('person-page.png') });
});
