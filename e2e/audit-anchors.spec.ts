import { join } from 'node:path';
import { DATABASE_FILE } from '../src/main/platform/dataDir';
import { readAnchors } from '../src/main/accounts/auditAnchors/anchorsFile';
import { forgeChainInFile } from '../src/main/testing/auditTesting';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.use({ seed: 'demo' });

test('verify names a trail whose tail was cut and re-hashed behind the desk’s back', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份已保存')).toBeVisible();
  const anchored = readAnchors(desk.dataDir).at(-1)!;
  expect(anchored.reason).toBe('backup');

  // Someone with the file: the last three entries go, the plain chain is recomputed.
  forgeChainInFile(join(desk.dataDir, DATABASE_FILE), (row) => row.id <= anchored.count - 3);

  await page.getByRole('tab', { name: '操作日志' }).click();
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText(`日志被截断：`);
  await expect(page.getByTestId('audit-verification')).toContainText(
    `记录了 ${anchored.count} 条，现在只有 ${anchored.count - 3} 条，缺少第 ${anchored.count - 2}–${anchored.count} 条`,
  );
});
