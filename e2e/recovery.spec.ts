import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/main/db/open';
import { DATABASE_FILE } from '../src/main/platform/dataDir';
import { writeBackup } from '../src/main/backups/writer';
import { seedDemoWithAdmin } from '../src/main/testing/backupTesting';
import { TEST_PASSWORD } from '../src/main/testing/tempDb';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

/** A desk with data and one good backup, whose database file was then destroyed. */
async function damagedDesk(dataDir: string): Promise<void> {
  const file = join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  seedDemoWithAdmin(db);
  await writeBackup(db, join(dataDir, 'backups'), { kind: 'scheduled', now: new Date() });
  db.close();
  for (const sidecar of ['-wal', '-shm']) rmSync(file + sidecar, { force: true });
  writeFileSync(file, Buffer.alloc(64 * 1024, 0x42));
}

// A function option is handed over through a fixture (a bare function would be taken for one).
// eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature: no fixtures needed
test.use({ prepare: async ({}, use) => use(damagedDesk) });

test('a damaged database opens the recovery screen; restoring the newest good backup brings the desk back', async ({
  desk,
}) => {
  const { page } = desk;
  await expect(page.getByRole('heading', { name: '数据文件已损坏' })).toBeVisible();
  await expect(page.getByTestId('damaged-file')).toContainText('.damaged-');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/recovery.png', animations: 'disabled' });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'The data file is damaged' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();

  await page.getByRole('button', { name: /恢复最新的完好备份/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();

  await signIn(page, 'admin', TEST_PASSWORD);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
});
