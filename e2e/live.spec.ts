import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellCookieName } from '../src/main/browser/sessionCookie';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, openBrowserDesk, test, type BrowserDesk } from './fixtures';
import { apiCall, signIn } from './helpers';
import { checkInOne, roundStartedJustNow } from './rounds';
import { expectFeverShownWithinASecond, recordOnRoundSheet } from './twoDesks';

const FEVERISH = {
  fullName: '联动发热',
  birthDate: '1979-06-21',
  // Area, birth date, sequence 031 (odd: male), check character.
  id: `32060219790621031${residentIdCheckChar('32060219790621031')}`,
};

/** A second browser window on the same desk: its own context, carrying the launch's cookie. */
async function secondWindow(browser: Browser, desk: BrowserDesk): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  const port = Number(new URL(desk.server!.origin).port);
  const launch = (await desk.page.context().cookies(`${desk.server!.origin}/api/invoke`)).filter(
    (c) => c.name === shellCookieName(port),
  );
  await context.addCookies(launch);
  const page = await context.newPage();
  await page.goto(desk.server!.origin);
  return page;
}

// eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature: no fixtures needed
test('a fever typed by the doctor shows on the coordinator’s screen within a second, and a stopped desk is said at once', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Two windows on one browser-shell desk.');
  const dataDir = mkdtempSync(join(tmpdir(), 'isd-e2e-live-'));
  const desk = await openBrowserDesk(dataDir, { demo: true });
  try {
    const password = desk.demoPassword!;
    const doctor = desk.page;
    await roundStartedJustNow(doctor, password);
    await signIn(doctor, 'coordinator', password);
    await expect(doctor.getByRole('heading', { name: '今日概况' })).toBeVisible();
    const [site] = await apiCall<{ id: number }[]>(doctor, 'sites.list', { includeRetired: false });
    await checkInOne(doctor, site!.id, FEVERISH, 'male', '联动测试');
    await apiCall(doctor, 'auth.logout', {});
    await doctor.reload();
    await signIn(doctor, 'doctor', password);
    await expect(doctor.getByRole('heading', { name: '今日概况' })).toBeVisible();

    // The coordinator's window: the home screen, no fever yet.
    const coordinator = await secondWindow(doctor.context().browser()!, desk);
    await signIn(coordinator, 'coordinator', password);
    await expect(coordinator.getByRole('heading', { name: '今日概况' })).toBeVisible();
    const fevers = coordinator.getByTestId('today-fevers');
    await expect(fevers).toContainText('当前没有待处理的发热人员');
    let navigations = 0;
    coordinator.on('framenavigated', () => navigations++);

    // The doctor types a fever on the round sheet; within a second, without a reload: the red
    // fever banner and the home screen's fever list.
    await recordOnRoundSheet(doctor, FEVERISH.fullName, '38.7');
    await expectFeverShownWithinASecond(coordinator, fevers, FEVERISH.fullName);
    expect(navigations).toBe(0);
    await coordinator.screenshot({ path: testInfo.outputPath('live-fever.png') });

    // The desk stops: the coordinator is told at once, not by a failing screen later.
    await desk.shell.stop();
    const offline = coordinator.getByText('与协调台主机的连接已中断，正在重试…');
    await expect(offline).toBeVisible({ timeout: 2_000 });
    // Not hidden under the app bar or a dialog: the banner itself takes a click.
    await offline.click({ trial: true, timeout: 1_000 });
    await coordinator.screenshot({ path: testInfo.outputPath('live-offline.png') });
    await coordinator.context().close();
  } finally {
    await desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
