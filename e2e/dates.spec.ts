import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { fillDate, signIn } from './helpers';

// An office PC whose browser speaks English (United States) on New York time.
test.use({ seed: 'demo', browserLocale: { locale: 'en-US', timezoneId: 'America/New_York' } });

test('an English-locale browser still shows 2026-12-06 and a Chinese picker when the desk speaks Chinese', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await signIn(page, 'admin', desk.demoPassword!);
  await page.getByRole('navigation').getByRole('button', { name: '统计报表' }).click();

  // The day field reads the site's today as YYYY-MM-DD, not 12/6/2026 nor New York's day.
  const today = siteDay(new Date());
  const field = page.getByRole('group', { name: '日期' });
  await expect(field.locator('input')).toHaveValue(today);
  await expect(field).toContainText(today.slice(0, 4));
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const report = page.getByTestId('daily-report');
  // The report on screen is the paper page: its date in written Chinese.
  await expect(report).toContainText(`${y}年${m}月${d}日`);

  // The calendar speaks Chinese and starts its week on Monday.
  await field.getByRole('button', { name: /选择日期/ }).click();
  const calendar = page.getByRole('dialog').getByRole('grid');
  await expect(calendar.getByRole('columnheader').first()).toHaveText('一');
  await page.screenshot({ path: testInfo.outputPath('picker-en-US.png') });
  await page.keyboard.press('Escape');

  // Typed section by section: the report follows the day typed.
  const yesterday = addDays(today, -1);
  await fillDate(field, yesterday);
  const [yy, ym, yd] = yesterday.split('-').map(Number) as [number, number, number];
  await expect(report).toContainText(`${yy}年${ym}月${yd}日`);
});
