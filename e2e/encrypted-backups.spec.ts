import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openBrowserDesk, test } from './fixtures';
import { ADMIN, setUpDesk, signIn } from './helpers';

test('a desk set up with a recovery key backs up encrypted; a fresh data folder restores it with the key typed', async ({
  desk,
}) => {
  test.skip(test.info().project.name !== 'browser', 'the second PC is a second browser shell');
  const { page } = desk;
  // First run: the administrator, the site, then the recovery key (shown once, confirmed).
  const key = (await setUpDesk(page, { name: '崇川区濠河集中隔离观察点' }, { recoveryKey: true }))!;
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByTestId('backup-encryption')).toContainText('备份已加密');
  expect(key).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);

  // The data the other PC must get back: an idle lock of 20 minutes.
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  const idle = page.getByLabel('无操作自动锁定（分钟）');
  await idle.fill('20');
  await idle.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份已保存')).toBeVisible();
  const [backup] = readdirSync(join(desk.dataDir, 'backups')).filter((n) => n.endsWith('.isdbak'));
  expect(backup).toBeDefined();
  // Sealed: the file starts with the encrypted format's magic, not SQLite's.
  const bytes = readFileSync(join(desk.dataDir, 'backups', backup!));
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('ISDVAULT');

  // Another PC: a fresh data folder, its own demo desk, and the backup from the USB stick.
  const otherDir = mkdtempSync(join(tmpdir(), 'isd-e2e-second-'));
  const other = await openBrowserDesk(otherDir, { demo: true });
  try {
    const second = other.page;
    mkdirSync(join(otherDir, 'backups'), { recursive: true });
    copyFileSync(join(desk.dataDir, 'backups', backup!), join(otherDir, 'backups', backup!));
    await signIn(second, 'admin', other.demoPassword!);
    await second.getByRole('button', { name: '系统管理' }).click();
    await second.getByRole('tab', { name: '备份与恢复' }).click();
    const row = second.getByTestId('backup-row').filter({ hasText: '已加密' });
    await row.getByRole('button', { name: '恢复' }).click();
    await second.getByRole('dialog').getByRole('button', { name: '恢复' }).click();

    // This PC does not hold the key: it is asked for; a typo is caught first.
    const dialog = second.getByRole('dialog');
    const field = dialog.getByLabel('恢复密钥或备份口令');
    await expect(field).toBeVisible();
    const typo = `${key.startsWith('A') ? 'B' : 'A'}${key.slice(1)}`;
    await field.fill(typo);
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect(second.getByRole('dialog').getByText(/恢复密钥输入有误/)).toBeVisible();
    // Typed as a person would: lower case, spaces for dashes.
    await second
      .getByRole('dialog')
      .getByLabel('恢复密钥或备份口令')
      .fill(key.toLowerCase().replace(/-/g, ' '));
    await second.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    await expect(second.getByText(/数据已从 .* 恢复，所有人已被登出/)).toBeVisible();
    await second.screenshot({ path: test.info().outputPath('restored-on-second-pc.png') });
    await second.getByRole('button', { name: '重新登录' }).click();

    // The first desk's accounts and settings now.
    await signIn(second, ADMIN.username, ADMIN.password);
    await second.getByRole('button', { name: '系统管理' }).click();
    await second.getByRole('tab', { name: '安全与隔离设置' }).click();
    await expect(second.getByLabel('无操作自动锁定（分钟）')).toHaveValue('20');
  } finally {
    await other.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
});
