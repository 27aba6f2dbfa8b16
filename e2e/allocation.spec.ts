import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { boardCount, signIn } from './helpers';

/** A valid resident ID for a birth date and sequence (odd sequence = male). */
const residentId = (birth: string, seq: string) => {
  const first17 = `320602${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};

const ARRIVALS = [
  { name: '张建国', id: residentId('19520301', '011'), household: '张家' },
  { name: '王秀英', id: residentId('19550502', '022'), household: '张家' },
  { name: '张小宝', id: residentId('20180101', '031'), household: '张家' },
  { name: '刘伟', id: residentId('19850707', '041'), household: '刘家' },
  { name: '陈静', id: residentId('19870808', '042'), household: '刘家' },
  { name: '赵磊', id: residentId('19900101', '051'), household: '' },
  { name: '孙丽', id: residentId('19920202', '062'), household: '' },
  { name: '周强', id: residentId('19930303', '071'), household: '' },
  { name: '吴芳', id: residentId('19940404', '082'), household: '' },
  { name: '郑浩', id: residentId('19950505', '091'), household: '' },
];

test.use({ seed: 'demo' });

test('a bus of 10 with two households: register, accept the suggestion with one change, release, disinfect', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '人员入住' }).click();
  await page.getByRole('button', { name: '新建到达批次' }).click();
  await page.getByRole('dialog').getByLabel('批次说明').fill('火车站大巴 14:20');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '火车站大巴 14:20' })).toBeVisible();

  for (let i = 3; i < ARRIVALS.length; i++)
    await page.getByRole('button', { name: '添加一行' }).click();
  for (const [i, a] of ARRIVALS.entries()) {
    await page.getByLabel(`第 ${i + 1} 行 姓名`).fill(a.name);
    await page.getByLabel(`第 ${i + 1} 行 证件号码`).fill(a.id);
    if (a.household) await page.getByLabel(`第 ${i + 1} 行 同户/同行`).fill(a.household);
  }
  // The resident ID filled in the birth date and gender.
  await expect(page.getByLabel('第 2 行 出生日期')).toHaveValue('1955-05-02');
  await expect(page.getByLabel('第 2 行 性别')).toHaveValue('female');
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page.getByRole('status')).toContainText('已登记 10 人');
  const members = page.getByRole('table', { name: '本批次人员' });
  await expect(members.getByRole('row')).toHaveCount(11);
  // Lists show personal numbers masked.
  await expect(members).toContainText('3206**********');
  await expect(members).not.toContainText(ARRIVALS[0]!.id);

  await page.getByRole('tab', { name: '分配房间' }).click();
  await page.getByRole('button', { name: '生成分配建议' }).click();
  const plan = page.getByRole('table', { name: '生成分配建议' });
  await expect(plan.getByRole('row')).toHaveCount(11);
  await expect(plan.getByRole('row', { name: /张建国/ })).toContainText('同户 3 人同住');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/allocation.png' });
  // One change by the coordinator: 赵磊 goes to A-210.
  const zhao = page.getByLabel('赵磊 房间');
  await zhao.fill('A-210');
  await page.getByRole('option', { name: 'A-210', exact: true }).click();
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByRole('status')).toContainText('已入住 10 人');
  await expect(members.getByRole('row', { name: /赵磊/ })).toContainText('A-210');
  await expect(members.getByRole('row', { name: /隔离中/ })).toHaveCount(10);

  await page.getByRole('button', { name: '房间与房态' }).click();
  // Households share one room each, and the five singles are alone: 7 rooms.
  await expect.poll(() => boardCount(page, 'occupied')).toBe(7);
  await expect(page.getByRole('button', { name: 'A-210 已入住' })).toContainText('1人·剩 14 天');

  await page.getByRole('button', { name: 'A-210 已入住' }).click();
  const dialog = page.getByRole('dialog').first();
  await dialog.getByRole('button', { name: '解除隔离' }).click();
  await page
    .getByRole('dialog', { name: /解除隔离 · 赵磊/ })
    .getByRole('button', { name: '保存' })
    .click();
  await expect(dialog.getByRole('heading').getByText('待消毒')).toBeVisible();
  await dialog.getByLabel('消毒人员').fill('赵师傅');
  await dialog.getByRole('button', { name: '登记消毒并恢复可用' }).click();
  await expect(dialog.getByRole('heading', { name: '房间 A-210 空闲可用' })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('button', { name: 'A-210 空闲可用' })).toBeVisible();
  await expect.poll(() => boardCount(page, 'occupied')).toBe(6);

  // Released, 赵磊 is among the departed (newest check-in first), and found there by name.
  await page.getByRole('button', { name: '在住人员' }).click();
  await page.getByRole('tab', { name: '已离开' }).click();
  const departed = page.getByRole('grid');
  await expect(departed.getByRole('row').nth(1)).toContainText('赵磊');
  await expect(departed.getByRole('row', { name: /赵磊/ })).toContainText('A-210');
  await page.screenshot({ path: test.info().outputPath('departed.png') });
  await page.getByLabel('姓名 / 房间 / 证件号首尾4位').fill('赵磊');
  await expect(departed.getByRole('row')).toHaveCount(2);
});
