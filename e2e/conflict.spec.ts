import type { BrowserContext, Page } from '@playwright/test';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { invoke, signIn } from './helpers';
import { roundStartedJustNow } from './rounds';
import { secondSaveOfOneRoom } from './twoDesks';

test.use({ seed: 'demo' });

/**
 * A second desk on the same browser shell: its own browser context (own cookies, own session)
 * carrying the launch's HttpOnly cookie the first page got for its one-time code. The spawned
 * shell prints one address; its launch cookie is what a second exchanged code would set.
 */
async function secondDesk(
  first: Page,
  origin: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const browser = first.context().browser()!;
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const launch = (await first.context().cookies(`${origin}/api/invoke`)).filter((c) =>
    c.name.startsWith('isd_shell_'),
  );
  expect(launch).toHaveLength(1);
  await context.addCookies(launch);
  const page = await context.newPage();
  await page.goto(origin);
  return { context, page };
}

const displayNameOf = async (page: Page): Promise<string> =>
  (await invoke<{ user: { displayName: string } }>(page, 'auth.status', {})).user.displayName;

test('two desks edit one room: the second gets the conflict with the first’s values', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Two desks on one server: the browser shell.');
  const first = desk.page;
  const { context, page: second } = await secondDesk(first, desk.server!.origin);
  try {
    await signIn(first, 'coordinator', desk.demoPassword!);
    await signIn(second, 'admin', desk.demoPassword!);
    for (const page of [first, second])
      await page.getByRole('navigation').getByRole('button', { name: '房间与房态' }).click();
    const [site] = await invoke<{ id: number }[]>(first, 'sites.list', { includeRetired: false });
    const { rows } = await invoke<{ rows: { number: string }[] }>(first, 'rooms.page', {
      siteId: site!.id,
      statuses: ['available'],
      limit: 1,
    });
    const number = rows[0]!.number;

    // Both open the same room's form; the first saves a note and one bed fewer; the second, on
    // the version it opened, changes the beds: refused, with the first's values.
    const { conflict, secondForm } = await secondSaveOfOneRoom(
      first,
      second,
      number,
      '空调待检修，暂住一人',
    );
    await second.screenshot({ path: testInfo.outputPath('conflict-dialog.png') });

    // Nothing of the second's was saved.
    const saved = await invoke<{ rows: { number: string; capacity: number }[] }>(
      first,
      'rooms.page',
      {
        siteId: site!.id,
        search: number,
        limit: 5,
      },
    );
    expect(saved.rows.find((r) => r.number === number)?.capacity).toBe(1);

    // "Keep mine": saved again on the first's version, so the note the first typed stays.
    await conflict.getByRole('button', { name: '保留我的' }).click();
    await expect(secondForm).toBeHidden();
    const room = await invoke<{ rows: { number: string; capacity: number; notes?: string }[] }>(
      first,
      'rooms.page',
      { siteId: site!.id, search: number, limit: 5 },
    );
    expect(room.rows.find((r) => r.number === number)?.capacity).toBe(3);
  } finally {
    await context.close();
  }
});

test('two nurses on one round reading: the second sees the first’s value and who typed it', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Two desks on one server: the browser shell.');
  const first = desk.page;
  await roundStartedJustNow(first, desk.demoPassword!);
  const { context, page: second } = await secondDesk(first, desk.server!.origin);
  try {
    await signIn(first, 'doctor', desk.demoPassword!);
    await signIn(second, 'coordinator', desk.demoPassword!);
    const healthOf = (page: Page) =>
      page.getByRole('navigation').getByRole('button', { name: '健康监测' });
    for (const page of [first, second]) await expect(healthOf(page)).toBeVisible();
    const [site] = await invoke<{ id: number }[]>(first, 'sites.list', { includeRetired: false });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    // One resident checked in now, so the round (begun five minutes ago) is hers.
    const { rows: free } = await invoke<{ rows: { id: number }[] }>(second, 'rooms.page', {
      siteId: site!.id,
      statuses: ['available'],
      limit: 1,
    });
    const batch = await invoke<{ id: number }>(second, 'arrivals.create', {
      siteId: site!.id,
      label: '测温冲突',
      arrivedAt: new Date().toISOString(),
    });
    const first17 = '32060219860312002';
    const [member] = await invoke<{ stayId: number; fullName: string }[]>(
      second,
      'arrivals.register',
      {
        batchId: batch.id,
        people: [
          {
            fullName: '陈晓梅',
            gender: 'female',
            birthDate: '1986-03-12',
            documentType: 'resident_id',
            documentNumber: first17 + residentIdCheckChar(first17),
            category: 'close_contact',
          },
        ],
      },
    );
    await invoke(second, 'allocation.confirm', {
      batchId: batch.id,
      lines: [{ stayId: member!.stayId, roomId: free[0]!.id }],
    });
    const resident = member!;

    const rows = [];
    for (const page of [first, second]) {
      await healthOf(page).click();
      const row = page.getByTestId(`round-row-${resident.stayId}`);
      await expect(row).toBeVisible();
      rows.push(row);
    }
    const [firstRow, secondRow] = rows;
    const temperature = (row: typeof firstRow) => row!.getByLabel(`${resident.fullName} 体温 ℃`);

    await temperature(firstRow).fill('37.6');
    await temperature(firstRow).press('Enter');
    const nurse = await displayNameOf(first);
    await expect(firstRow!).toContainText(nurse);

    // The second sheet still shows no reading: her save is refused, the first's value appears.
    await temperature(secondRow).fill('36.5');
    await temperature(secondRow).press('Enter');
    await expect(secondRow!.getByRole('alert')).toHaveText(
      new RegExp(`${nurse} 已于 \\d\\d:\\d\\d 录入 37.6 ℃；如需更正，请重新输入后按回车`),
    );
    await expect(temperature(secondRow)).toHaveValue('37.6');
    await second.screenshot({ path: testInfo.outputPath('reading-conflict.png') });

    // She corrects it deliberately: now on the version she was shown.
    await temperature(secondRow).fill('36.5');
    await temperature(secondRow).press('Enter');
    await expect(secondRow!.getByRole('alert')).toHaveCount(0);
    const after = await invoke<{
      rows: { stayId: number; reading: { temperatureTenths: number; version: number } | null }[];
    }>(first, 'rounds.sheet', { siteId: site!.id, day: today, slot: 0 });
    expect(after.rows.find((r) => r.stayId === resident.stayId)?.reading).toMatchObject({
      temperatureTenths: 365,
      version: 2,
    });
  } finally {
    await context.close();
  }
});

test('two desks put different guards on one roster slot: the second is told whom the first put there', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Two desks on one server: the browser shell.');
  const first = desk.page;
  const { context, page: second } = await secondDesk(first, desk.server!.origin);
  // The race this guards against: the first desk's change notice has not reached the second yet
  // (live screens would otherwise show the first's guard within a second). Its stream is held
  // open and silent, as on a slow link, so its grid stays as it was read.
  await second.route('**/api/events', () => undefined);
  try {
    await signIn(first, 'coordinator', desk.demoPassword!);
    await signIn(second, 'admin', desk.demoPassword!);
    const rosterOf = (page: Page) =>
      page.getByRole('navigation').getByRole('button', { name: '值班排班' });
    for (const page of [first, second]) await expect(rosterOf(page)).toBeVisible();
    // Next week's roster (Monday to Sunday, site time): one gate post on the day shift, two guards.
    const [site] = await invoke<{ id: number }[]>(first, 'sites.list', { includeRetired: false });
    const today = new Date(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const dayAfter = (n: number) =>
      new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const toMonday = 7 - ((today.getUTCDay() + 6) % 7);
    const monday = dayAfter(toMonday);
    const shift = await invoke<{ id: number }>(first, 'shifts.create', {
      siteId: site!.id,
      name: '白班',
      start: '08:00',
      end: '16:00',
    });
    await invoke(first, 'posts.create', {
      siteId: site!.id,
      name: '门岗',
      roles: ['security'],
      headCount: 1,
      templateIds: [shift.id],
    });
    for (const fullName of ['周建国', '陆海峰'])
      await invoke(first, 'staff.create', { fullName, role: 'security', phone: '13962810101' });
    const period = await invoke<{ id: number }>(first, 'roster.createPeriod', {
      siteId: site!.id,
      startsOn: monday,
      endsOn: dayAfter(toMonday + 6),
    });

    // Both desks open Monday's gate day shift while it is still empty.
    const dialogs = [];
    for (const page of [first, second]) {
      await rosterOf(page).click();
      await page.getByRole('tab', { name: '排班表' }).click();
      await page.getByTestId(`slot-门岗-白班-${monday}`).click();
      const dialog = page.getByRole('dialog', { name: /^门岗 · 白班 08:00/ });
      await expect(dialog.getByRole('list', { name: '可选人员' })).toContainText('陆海峰');
      dialogs.push(dialog);
    }
    const [firstSlot, secondSlot] = dialogs;
    const add = (dialog: typeof firstSlot, name: string) =>
      dialog!
        .getByRole('list', { name: '可选人员' })
        .getByRole('listitem')
        .filter({ hasText: name })
        .getByRole('button', { name: '排入' })
        .click();

    await add(firstSlot, '周建国');
    await expect(firstSlot!.getByRole('list', { name: '已安排（1/1）' })).toContainText('周建国');

    // The second still shows the slot empty: its guard is refused, naming the first's and who.
    await add(secondSlot, '陆海峰');
    const conflict = second.getByRole('dialog', { name: '此记录已被他人修改' });
    await expect(conflict).toBeVisible();
    const by = await displayNameOf(first);
    await expect(
      conflict.getByText(new RegExp(`另一台电脑上的 ${by} 于 \\d\\d:\\d\\d 修改了此记录`)),
    ).toBeVisible();
    const onShift = conflict
      .getByRole('rowheader', { name: '在岗人员' })
      .locator('xpath=..')
      .getByRole('cell');
    await expect(onShift).toHaveText(['周建国', '陆海峰']);
    await second.screenshot({
      path: testInfo.outputPath('slot-conflict.png'),
      animations: 'disabled',
    });

    const grid = await invoke<{ slots: { day: string; assignments: { staffName: string }[] }[] }>(
      first,
      'roster.grid',
      { periodId: period.id },
    );
    expect(grid.slots.find((s) => s.day === monday)!.assignments.map((a) => a.staffName)).toEqual([
      '周建国',
    ]);

    // "Use theirs": the second desk's slot now shows the first's guard.
    await conflict.getByRole('button', { name: '采用对方的' }).click();
    await expect(conflict).toBeHidden();
    await expect(secondSlot!.getByRole('list', { name: '已安排（1/1）' })).toContainText('周建国');
  } finally {
    await context.close();
  }
});
