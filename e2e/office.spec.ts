import type { Browser, BrowserContext, Page } from '@playwright/test';
import { TEST_ADDRESSES_VARIABLE } from '../src/main/host/addresses';
import { freePort, servedFingerprint } from '../src/main/testing/hostProbe';
import type { AppInfo } from '../src/shared/domain';
import type { HostOverview } from '../src/shared/host';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { invoke, signIn } from './helpers';
import { checkInOne, roundStartedJustNow } from './rounds';
import {
  expectFeverShownWithinASecond,
  HOST,
  recordOnRoundSheet,
  secondSaveOfOneRoom,
  statusWithHost,
} from './twoDesks';

process.env[TEST_ADDRESSES_VARIABLE] = HOST;

test.use({ seed: 'demo' });

const FEVERISH = {
  fullName: '顾小燕',
  birthDate: '1991-09-08',
  // Area (Chongchuan), birth date, sequence 042 (even: female), check character.
  id: `32060219910908042${residentIdCheckChar('32060219910908042')}`,
};

/** Another PC of the office: its own browser context on the host's HTTPS address. */
async function deskOnTheLan(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  // The self-signed certificate, clicked through as people do after comparing its fingerprint.
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  return { context, page };
}

test('the office over HTTPS: a doctor’s fever reaches the coordinator within a second, a second room edit gets the conflict, strangers are refused', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Host mode runs in the browser shell here.');
  const password = desk.demoPassword!;
  const hostPc = desk.page;
  // At the host PC (its loopback page): the administrator starts a round and turns host mode on.
  await roundStartedJustNow(hostPc, password);
  await signIn(hostPc, 'admin', password);
  await expect(hostPc.getByRole('heading', { name: '今日概况' })).toBeVisible();
  const [site] = await invoke<{ id: number }[]>(hostPc, 'sites.list', { includeRetired: false });
  await checkInOne(hostPc, site!.id, FEVERISH, 'female', '局域网联动');
  const port = await freePort(HOST);
  const url = `https://${HOST}:${port}`;
  const overview = await invoke<HostOverview>(hostPc, 'host.set', {
    enabled: true,
    address: HOST,
    port,
    names: [],
  });
  expect(overview.status.urls).toEqual([url]);
  const served = await servedFingerprint(HOST, port);

  const browser = hostPc.context().browser()!;
  const desks: BrowserContext[] = [];
  try {
    const { context: coordinatorContext, page: coordinator } = await deskOnTheLan(browser, url);
    const { context: doctorContext, page: doctor } = await deskOnTheLan(browser, url);
    desks.push(coordinatorContext, doctorContext);

    // The fingerprint on the sign-in page is the served certificate's, and the host PC's.
    for (const page of [coordinator, doctor])
      await expect(page.getByTestId('host-fingerprint')).toHaveAttribute('aria-label', served);
    expect(overview.status.fingerprint).toBe(served);

    // Before signing in, a desk on the LAN is not told where the data lives; once in, it is.
    expect(await invoke<AppInfo>(coordinator, 'app.info', {})).not.toHaveProperty('dataDir');
    await signIn(coordinator, 'coordinator', password);
    await signIn(doctor, 'doctor', password);
    for (const page of [coordinator, doctor])
      await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
    expect((await invoke<AppInfo>(coordinator, 'app.info', {})).dataDir).toBe(desk.dataDir);
    const fevers = coordinator.getByTestId('today-fevers');
    await expect(fevers).toContainText('当前没有待处理的发热人员');
    let navigations = 0;
    coordinator.on('framenavigated', () => navigations++);

    // The doctor records a fever on the round sheet; within a second, with no reload, the
    // coordinator's red fever banner names her.
    await recordOnRoundSheet(doctor, FEVERISH.fullName, '38.9');
    await expectFeverShownWithinASecond(coordinator, fevers, FEVERISH.fullName);
    expect(navigations).toBe(0);
    await coordinator.screenshot({ path: testInfo.outputPath('office-fever-banner.png') });

    // One room opened at the host PC and on the coordinator's desk: the host PC saves first, the
    // coordinator's save gets the conflict dialog with its values.
    const { rows } = await invoke<{ rows: { number: string }[] }>(hostPc, 'rooms.page', {
      siteId: site!.id,
      statuses: ['available'],
      limit: 1,
    });
    const number = rows[0]!.number;
    await secondSaveOfOneRoom(hostPc, coordinator, number, '窗户密封条待更换');
    await coordinator.screenshot({ path: testInfo.outputPath('office-conflict.png') });

    // A page asked for under a name the host was not given is refused.
    expect(await statusWithHost(port, `isd-desk.example:${port}`)).toBe(403);
    expect(await statusWithHost(port, `${HOST}:${port}`)).toBe(200);
  } finally {
    for (const context of desks) await context.close();
    await invoke(hostPc, 'host.set', { enabled: false, address: HOST, port, names: [] });
  }
});
