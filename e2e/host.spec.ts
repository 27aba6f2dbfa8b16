import type { Page } from '@playwright/test';
import { TEST_ADDRESSES_VARIABLE } from '../src/main/host/addresses';
import { freePort, servedFingerprint } from '../src/main/testing/hostProbe';
import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { HOST, statusWithHost } from './twoDesks';

process.env[TEST_ADDRESSES_VARIABLE] = HOST;

test.use({ seed: 'demo' });

async function openHostSection(page: Page) {
  await page.getByRole('button', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '安全与隔离设置' }).click();
  return page.getByTestId('host-panel');
}

async function setHostMode(page: Page, on: boolean, port?: number): Promise<void> {
  const panel = page.getByTestId('host-panel');
  const toggle = panel.getByLabel('允许其他电脑连接');
  if ((await toggle.isChecked()) !== on) await toggle.click();
  if (port !== undefined) {
    await panel.getByLabel('监听地址').click();
    await page.getByRole('option', { name: HOST }).click();
    await panel.getByLabel('端口').fill(String(port));
  }
  await panel.getByRole('button', { name: '保存' }).click();
}

test('one PC hosts over HTTPS: a doctor signs in from another desk, checks the fingerprint, and is signed out when hosting stops', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  const password = desk.demoPassword!;
  const port = await freePort(HOST);
  // The administrator (a coordinator too) turns host mode on at the host PC and stays signed in.
  await signIn(page, 'admin', password);
  const admin = page;
  const panel = await openHostSection(admin);
  await expect(panel.getByText('未运行。')).toBeVisible();
  await setHostMode(admin, true, port);
  const url = `https://${HOST}:${port}`;
  await expect(panel.getByTestId('host-running')).toContainText(url);

  const served = await servedFingerprint(HOST, port);
  await expect(panel.getByTestId('host-fingerprint')).toHaveAttribute('aria-label', served);
  await panel.screenshot({ path: testInfo.outputPath('host-settings.png') });

  // Another desk: Chromium, the self-signed certificate clicked through as people do after checking it.
  const remoteContext = await page
    .context()
    .browser()!
    .newContext({
      ignoreHTTPSErrors: true,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
  try {
    const remote = await remoteContext.newPage();
    await remote.goto(`${url}/`);
    await expect(remote.getByTestId('host-fingerprint')).toHaveAttribute('aria-label', served);
    await remote.screenshot({ path: testInfo.outputPath('host-remote-sign-in.png') });
    await signIn(remote, 'doctor', password);
    await expect(remote.getByRole('banner').getByRole('button', { name: '张医生' })).toBeVisible();
    const cookies = await remoteContext.cookies(url);
    expect(cookies.map((c) => [c.name, c.secure, c.httpOnly, c.sameSite])).toEqual([
      ['__Host-isd_session', true, true, 'Strict'],
    ]);

    // Both desks work at once: the coordinator on this PC, the doctor through the host.
    await page.reload();
    await expect(page.getByRole('banner').getByRole('button', { name: '王主任' })).toBeVisible();
    await openHostSection(admin);
    await remote.reload();
    await expect(remote.getByRole('banner').getByRole('button', { name: '张医生' })).toBeVisible();

    // A page under a name the host was not given is refused.
    expect(await statusWithHost(port, `evil.example:${port}`)).toBe(403);
    expect(await statusWithHost(port, `${HOST}:${port}`)).toBe(200);

    // Host mode off: the listener closes and the doctor's session ends with it.
    await setHostMode(admin, false);
    await expect(panel.getByText('未运行。')).toBeVisible();
    await expect(servedFingerprint(HOST, port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await setHostMode(admin, true);
    await expect(panel.getByTestId('host-running')).toContainText(url);
    await remote.reload();
    await expect(remote.getByLabel('用户名')).toBeVisible();
    await expect(remote.getByRole('banner')).toHaveCount(0);
  } finally {
    await remoteContext.close();
  }
});
