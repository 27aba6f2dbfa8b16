import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedDemo } from '../src/main/accounts/demoAccounts';
import { startCore, type Core } from '../src/main/app';
import { startBrowserShell, type BrowserShell } from '../src/main/browser/server';
import { CHROMIUM_ARGS, chromiumPath } from '../src/main/testing/chromium';
import { signIn } from './helpers';

const ROOT = resolve(__dirname, '..');
/** Two office PCs' browsers (Chromium under another name): what the list must tell apart. */
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const EDGE_WINDOWS = `${CHROME_WINDOWS} Edg/131.0.2903.86`;

test('an administrator sees both signed-in browsers, ends the other, and its next action shows the sign-in screen', async () => {
  const testInfo = test.info();
  test.skip(testInfo.project.name !== 'browser', 'Two browsers on one loopback listener.');
  const dataDir = mkdtempSync(join(tmpdir(), 'isd-e2e-sessions-'));
  let core: Core | undefined;
  let shell: BrowserShell | undefined;
  let browser: Browser | undefined;
  try {
    core = await startCore({
      dataDir,
      shell: 'browser',
      logger: { error: (message, error) => console.error(message, error) },
    });
    const { password } = seedDemo(core.db)!;
    shell = await startBrowserShell({
      router: core.router,
      rendererDir: join(ROOT, 'out/renderer'),
      port: 0,
    });
    browser = await chromium.launch({
      executablePath: await chromiumPath(ROOT),
      args: CHROMIUM_ARGS,
    });
    // Each browser opens its own printed address: two one-time codes.
    const open = async (userAgent: string): Promise<Page> => {
      const context = await browser!.newContext({
        locale: 'zh-CN',
        userAgent,
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(shell!.newAddress());
      return page;
    };
    const coordinator = await open(EDGE_WINDOWS);
    await signIn(coordinator, 'coordinator', password);
    await expect(coordinator.getByRole('button', { name: '在住人员' })).toBeVisible();
    const admin = await open(CHROME_WINDOWS);
    await signIn(admin, 'admin', password);
    await admin.getByRole('button', { name: '系统管理' }).click();

    const devices = admin.getByRole('table', { name: '已登录的设备' });
    const coordinatorRow = devices.getByRole('row').filter({ hasText: '李协调' });
    const adminRow = devices.getByRole('row').filter({ hasText: '王主任' });
    await expect(coordinatorRow).toContainText('127.0.0.1');
    await expect(coordinatorRow).toContainText('Edge 131 / Windows');
    await expect(coordinatorRow).toContainText('本机');
    await expect(coordinatorRow).toContainText('使用中');
    await expect(adminRow).toContainText('Chrome 131 / Windows');
    await expect(adminRow).toContainText('当前会话（您）');
    await expect(adminRow.getByRole('button', { name: '结束' })).toHaveCount(0);
    await admin
      .getByRole('heading', { name: '已登录的设备' })
      .locator('..')
      .screenshot({ path: testInfo.outputPath('sessions-panel.png') });

    await coordinatorRow.getByRole('button', { name: '结束' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '结束' }).click();
    await expect(admin.getByText('会话已结束')).toBeVisible();
    await expect(devices.getByRole('row').filter({ hasText: '李协调' })).toHaveCount(0);

    // The coordinator's next action, a mere read, shows the sign-in screen.
    await coordinator.getByRole('button', { name: '物资管理' }).click();
    await expect(coordinator.getByRole('button', { name: '登录' })).toBeVisible();
    // The administrator's own desk goes on.
    await admin.getByRole('tab', { name: '操作日志' }).click();
    await expect(admin.getByRole('button', { name: '登录' })).toHaveCount(0);
  } finally {
    await browser?.close();
    await shell?.close();
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
