import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

// The backup folder cannot be made: a file has its name (a USB stick swapped for something else).
async function backupFolderTaken(dataDir: string): Promise<void> {
  writeFileSync(join(dataDir, 'backups'), 'not a folder');
}
// eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature: no fixtures needed
test.use({ seed: 'demo', prepare: async ({}, use) => use(backupFolderTaken) });

test('a failed backup stays on the administrator’s screen until one succeeds', async ({ desk }) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByTestId('backup-last-failed')).toHaveCount(0);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份失败/).first()).toBeVisible();

  // Away and back: the panel asks how the last backup went, whoever started it.
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByTestId('backup-last-failed')).toContainText('上次备份失败');

  rmSync(join(desk.dataDir, 'backups'));
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份已保存')).toBeVisible();
  await expect(page.getByTestId('backup-last-failed')).toHaveCount(0);
});
