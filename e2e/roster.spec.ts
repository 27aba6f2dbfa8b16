import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillDate, invoke, signIn } from './helpers';
import { printToPdf } from './pdf';

async function newShift(page: Page, name: string, start: string, end: string): Promise<void> {
  await page.getByRole('button', { name: '新建班次' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('班次名称').fill(name);
  await dialog.getByRole('textbox', { name: '开始' }).fill(start);
  await dialog.getByRole('textbox', { name: '结束' }).fill(end);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

async function newPost(page: Page, name: string, role: string, shifts: string[]): Promise<void> {
  await page.getByRole('button', { name: '新建岗位' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^岗位/ }).fill(name);
  await dialog.getByLabel(role).check();
  for (const s of shifts) await dialog.getByLabel(s).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test.use({ seed: 'demo' });

test('a week: posts, shifts and staff; auto-fill; a conflict fixed by hand; publish; print both rosters', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '值班排班' }).click();

  await page.getByRole('tab', { name: '岗位与班次' }).click();
  await newShift(page, '白班', '08:00', '16:00');
  await newShift(page, '中班', '16:00', '24:00');
  await newShift(page, '夜班', '00:00', '08:00');
  // A shift of no length is refused, with the reason under the field.
  await page.getByRole('button', { name: '新建班次' }).click();
  await page.getByRole('dialog').getByLabel('班次名称').fill('错误');
  await page.getByRole('dialog').getByRole('textbox', { name: '结束' }).fill('08:00');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toContainText('班次时长为零');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await newPost(page, '门岗', '安保/民警', ['白班 08:00', '中班 16:00', '夜班 00:00']);
  await newPost(page, '医疗点', '护士', ['白班 08:00']);
  await expect(page.getByRole('table', { name: '岗位' }).getByRole('row')).toHaveCount(3);

  await page.getByRole('tab', { name: '人员' }).click();
  for (const [name, role] of [
    ['王保安', '安保/民警'],
    ['刘护士', '护士'],
  ]) {
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(name!);
    await dialog.getByLabel('岗位角色').click();
    await page.getByRole('option', { name: role }).click();
    await dialog.getByLabel('手机').fill('13912345678');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  for (const name of ['李保安', '赵保安', '孙保安'])
    await invoke(page, 'staff.create', { fullName: name, role: 'security', phone: '13800001111' });
  await invoke(page, 'staff.create', { fullName: '陈护士', role: 'nurse', phone: '13700002222' });
  await page.reload();
  await page.getByRole('tab', { name: '人员' }).click();
  await expect(page.getByRole('table', { name: '人员' }).getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('table', { name: '人员' })).toContainText('139****5678');

  await page.getByRole('tab', { name: '排班表' }).click();
  await page.getByRole('button', { name: '新建排班周期' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '自动排班' }).click();
  await expect(page.getByRole('status')).toContainText('已排 28 人次；0 个班次未排满');
  const summary = page.getByTestId('roster-summary');
  await expect(summary).toContainText('缺口 0 · 违反硬规则 0');

  // A conflict: Monday's day guard reports sick after the fill.
  const [period] = await invoke<{ id: number; startsOn: string }[]>(page, 'roster.periods', {
    siteId: 1,
  });
  const grid = await invoke<{
    slots: {
      postId: number;
      templateId: number;
      day: string;
      assignments: { staffId: number; staffName: string }[];
    }[];
    posts: { id: number; name: string }[];
    templates: { id: number; name: string }[];
  }>(page, 'roster.grid', { periodId: period!.id });
  const gateId = grid.posts.find((p) => p.name === '门岗')!.id;
  const dayId = grid.templates.find((x) => x.name === '白班')!.id;
  const mondayDay = grid.slots.find(
    (s) => s.postId === gateId && s.templateId === dayId && s.day === period!.startsOn,
  )!.assignments[0]!;
  await page.getByRole('tab', { name: '人员' }).click();
  await page
    .getByRole('table', { name: '人员' })
    .getByRole('row', { name: new RegExp(mondayDay.staffName) })
    .getByRole('button', { name: '不可排班时段' })
    .click();
  const away = page.getByRole('dialog');
  await fillDate(away.getByRole('group', { name: '开始时间' }), `${period!.startsOn} 00:00`);
  await fillDate(away.getByRole('group', { name: '结束时间' }), `${period!.startsOn} 23:59`);
  await away.getByLabel('原因').fill('病假');
  await away.getByRole('button', { name: '登记请假/轮休/隔离' }).click();
  await expect(away.getByRole('list', { name: '不可排班时段' })).toContainText('病假');
  await away.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('tab', { name: '排班表' }).click();
  await expect(summary).toContainText('违反硬规则 1');
  await page.getByTestId(`slot-门岗-白班-${period!.startsOn}`).click();
  const slot = page.getByRole('dialog');
  await expect(slot).toContainText('在不可排班时段内');
  await slot.getByRole('button', { name: '移出' }).click();
  const candidates = slot.getByRole('list', { name: '可选人员' });
  await candidates.getByRole('button', { name: '排入' }).first().click();
  await expect(slot.getByRole('list', { name: /已安排（1\/1）/ })).toBeVisible();
  await slot.getByRole('button', { name: '关闭' }).click();
  await expect(summary).toContainText('缺口 0 · 违反硬规则 0');

  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已发布 第 1 版')).toBeVisible();
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/roster.png', animations: 'disabled' });
  // The same roster by person, a personal schedule, and the Excel file.
  await page.getByRole('button', { name: '按人员' }).click();
  const byPerson = page.getByRole('table', { name: '按人员' });
  await expect(byPerson.getByRole('row')).toHaveCount(7);
  await byPerson
    .getByRole('row', { name: /王保安/ })
    .getByRole('button', { name: '个人排班' })
    .click();
  await expect(page.getByRole('dialog').getByTestId('personal-schedule')).toContainText(
    '王保安 个人排班表',
  );
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: '按岗位' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^roster-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  if (testInfo.project.name !== 'browser') return; // page.pdf() is Chromium-headless only

  await page.getByRole('button', { name: '打印排班表' }).click();
  await expect(page.getByRole('dialog').getByTestId('weekly-roster')).toBeVisible();
  const weekly = await printToPdf(page, testInfo.outputPath('roster.pdf'));
  // A4 landscape: wider than tall.
  expect(weekly.pageSize).toMatch(/\(A4\)$/);
  const [width, height] = weekly.pageSize.split(' x ').map(parseFloat) as [number, number];
  expect(width).toBeGreaterThan(height);
  const weeklyText = weekly.text.replace(/\s+/g, '');
  expect(weeklyText).toContain('崇川区濠河集中隔离观察点值班排班表');
  expect(weeklyText).toContain('第1版');
  expect(weeklyText).toContain('门岗');
  expect(weeklyText).toContain('王保安');
  // Every shift with its hours start–end, not only its start.
  for (const hours of ['08:00–16:00', '16:00–24:00', '00:00–08:00'])
    expect(weeklyText).toContain(hours);
  expect(weeklyText).toContain('编制：');
  expect(weeklyText).toMatch(/1\/\d/); // page numbers
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '打印值班表' }).click();
  await expect(page.getByRole('dialog').getByTestId('duty-sheet')).toBeVisible();
  const duty = await printToPdf(page, testInfo.outputPath('duty.pdf'));
  expect(duty.pages).toBe(1);
  const dutyText = duty.text.replace(/\s+/g, '');
  expect(dutyText).toContain('24小时值班表');
  expect(dutyText).toContain('签到');
  for (const hours of ['08:00–16:00', '16:00–24:00', '00:00–08:00'])
    expect(dutyText).toContain(hours);
  expect(dutyText).toMatch(/13[7-9]\d{8}/);
});
