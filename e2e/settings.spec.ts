import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.use({ seed: 'demo' });

test("site settings refuse what the contract refuses, in main's words, and keep what is saved", async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();

  const days = page.getByLabel('观察期（天）');
  await days.fill('90');
  const threshold = page.getByLabel('发热线（℃）');
  await threshold.fill('39.0');
  await page.getByLabel('每日巡查时间').fill('15:00, 08:00');
  await days.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await threshold.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('时间须从早到晚')).toBeVisible();
  await expect(page.getByText('太长或太大')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('settings-refused.png'), fullPage: true });

  await days.fill('21');
  await days.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByLabel('每日巡查时间').fill('07:00, 14:00');
  await threshold.fill('37.5');
  await threshold.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('太长或太大')).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  await expect(page.getByLabel('观察期（天）')).toHaveValue('21');
  await expect(page.getByLabel('发热线（℃）')).toHaveValue('37.5');
  await expect(page.getByLabel('每日巡查时间')).toHaveValue('07:00, 14:00');
});
