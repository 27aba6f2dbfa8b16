import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { apiCall, openUserMenu, signIn } from './helpers';
import { checkInOne, roundStartedJustNow } from './rounds';

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
const FEVERISH = {
  fullName: '首页发热',
  birthDate: '1988-03-12',
  // Area, birth date, sequence 022 (even: female), check character.
  id: residentId('32060219880312022'),
};

/** A figure by its label and number (the button reads "在住 12"). */
const figure = (page: Page, card: string, label: string, value: number) =>
  page.getByTestId(card).getByRole('button', { name: new RegExp(`^${label}\\s*${value}$`) });
const cardOrder = (page: Page) =>
  page
    .getByTestId('today-cards')
    .evaluate((grid) => Array.from(grid.children, (c) => c.getAttribute('data-testid')));

test.use({ seed: 'demo' });

test('the home screen comes first for the coordinator and the doctor, follows a fever typed elsewhere without a reload, and each figure opens its screen', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await roundStartedJustNow(page, desk.demoPassword!);

  // The coordinator: rooms and arrivals first; the figures are the lists' own counts.
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  expect((await cardOrder(page)).slice(0, 2)).toEqual(['today-rooms', 'today-people']);
  const [site] = await apiCall<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  const room = await checkInOne(page, site!.id, FEVERISH, 'female', '首页测试');
  const inResidence = await apiCall<{ total: number }>(page, 'residents.page', {
    siteId: site!.id,
    view: 'in_residence',
    limit: 1,
  });
  // Set-up calls go round the renderer's cache; what the UI writes refreshes it (below).
  await page.reload();
  const inResidenceFigure = figure(page, 'today-people', '在住', inResidence.total);
  await expect(inResidenceFigure).toBeVisible();
  await inResidenceFigure.click();
  await expect(page).toHaveURL(/#\/residents$/);
  await expect(page.getByRole('tab', { name: /在住/ }).first()).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: '今日概况' }).click();
  await page
    .getByTestId('today-people')
    .getByRole('button', { name: /^待入住/ })
    .click();
  await expect(page).toHaveURL(/#\/allocation$/);
  await expect(page.getByRole('button', { name: '新建到达批次' })).toBeVisible();

  // The doctor: lands on the home screen (not where the coordinator left), rounds and fevers first.
  await openUserMenu(page, '李协调');
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await signIn(page, 'doctor', desk.demoPassword!);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  expect((await cardOrder(page)).slice(0, 2)).toEqual(['today-rounds', 'today-fevers']);
  await expect(page.getByTestId('today-stock')).toHaveCount(0);
  const fevers = page.getByTestId('today-fevers');
  await expect(fevers).not.toContainText(FEVERISH.fullName);

  // A fever typed on the round sheet…
  await page.getByRole('navigation').getByRole('button', { name: '健康监测' }).click();
  await page.getByLabel('楼层').click();
  await page.getByRole('option', { name: '3', exact: true }).click();
  await page.getByLabel(`${FEVERISH.fullName} 体温 ℃`).fill('38.6');
  await page.keyboard.press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: '人待处理' });
  await expect(banner).toContainText(`${FEVERISH.fullName}（${room}）`);

  // …is on the home screen by name and room, with no reload.
  await page.getByRole('navigation').getByRole('button', { name: '今日概况' }).click();
  const line = fevers.getByRole('button', {
    name: new RegExp(`${FEVERISH.fullName}（${room}）38\\.6℃`),
  });
  await expect(line).toBeVisible();
  await expect(page.getByTestId('today-round-0')).toContainText('发热');
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/today.png' });

  await line.click();
  await expect(page).toHaveURL(/#\/health\/fever$/);
  await expect(
    page
      .getByRole('table', { name: '发热处置' })
      .getByRole('row', { name: new RegExp(FEVERISH.fullName) }),
  ).toContainText('38.6 ℃');
});
