import { expect, test } from './fixtures';
import { createRecoveryKey, signIn } from './helpers';

test.use({ seed: 'demo' });

test('an administrator backs up now, changes a setting, restores the backup and signs in again', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('还没有备份。')).toBeVisible();
  await expect(page.getByTestId('backup-encryption')).toContainText('备份尚未加密');
  await createRecoveryKey(page);
  await expect(page.getByTestId('backup-encryption')).toContainText('备份已加密');

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份已保存')).toBeVisible();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('手动 · 已加密');

  // A change after the backup.
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  const idle = page.getByLabel('无操作自动锁定（分钟）');
  await expect(idle).toHaveValue('15');
  await idle.fill('20');
  await idle.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await rows.first().getByRole('button', { name: '恢复' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/数据已从 .* 恢复，所有人已被登出/)).toBeVisible();
  await page.getByRole('button', { name: '重新登录' }).click();

  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  await expect(page.getByLabel('无操作自动锁定（分钟）')).toHaveValue('15');
  // The data before the restore was kept as a backup too (on this PC: opened without typing).
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').first()).toContainText('恢复前');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/backups.png', animations: 'disabled' });
});
