import { expect, test } from './fixtures';
import { invoke, signIn } from './helpers';
import { zhCN } from '../src/shared/i18n/zh-CN';

// The keys and the help menu of issue 20 ("a desktop that feels native"), in the browser shell:
// the same renderer module answers them in Electron, where the menu sends the same commands.
test.use({ seed: 'demo' });

test('shortcuts: Alt+3, Ctrl+F, the 快捷键 dialog from the app bar, Esc', async ({ desk }) => {
  const { page } = desk;
  // Before anyone signs in, F1 (and in Electron the menu's 快捷键 and 关于) already answers, and
  // Ctrl+P says there is nothing to print instead of printing the sign-in form.
  await expect(page.locator('input[autocomplete="current-password"]')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: '快捷键' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '快捷键' })).toBeHidden();
  await page.keyboard.press('Control+p');
  await expect(page.getByText(zhCN.desk.noDocument)).toBeVisible();

  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();

  // Alt+3 opens the third section of the menu on the left, whichever that is for this role.
  const nav = page.getByRole('navigation').getByRole('button');
  const third = (await nav.nth(2).textContent())!;
  await page.keyboard.press('Alt+3');
  await expect(nav.nth(2)).toHaveClass(/Mui-selected/);
  await expect(page.getByRole('navigation').locator('.Mui-selected')).toHaveText(third);

  // Ctrl+F goes to the residents search, where typing searches at once.
  await nav.filter({ hasText: zhCN.nav.residents }).click();
  const search = page.getByRole('textbox', { name: zhCN.residents.search });
  await expect(search).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();

  await page.getByRole('banner').getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: /快捷键/ }).click();
  const dialog = page.getByRole('dialog', { name: '快捷键' });
  await expect(dialog).toBeVisible();
  for (const keys of ['Ctrl+P', 'Ctrl+F', 'Alt+1 … Alt+8', 'Esc', 'F1'])
    await expect(dialog.getByRole('cell', { name: keys, exact: true })).toBeVisible();
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/help-shortcuts.png', animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // F1 brings the same list back; 关于 names what runs and where the data is.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: '快捷键' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('banner').getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: '关于' }).click();
  const about = page.getByRole('dialog', { name: '关于隔离点协调台' });
  await expect(about).toContainText(desk.dataDir);
  await expect(about).toContainText('MIT');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('Ctrl+P on the duty sheet preview presses its Print; Esc closes the preview', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  const [site] = await invoke<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  const siteId = site!.id;
  const day = await invoke<{ id: number }>(page, 'shifts.create', {
    siteId,
    name: '白班',
    start: '08:00',
    end: '16:00',
  });
  await invoke(page, 'posts.create', {
    siteId,
    name: '门岗',
    roles: ['security'],
    headCount: 1,
    templateIds: [day.id],
  });
  await invoke(page, 'roster.createPeriod', {
    siteId,
    startsOn: '2026-12-07',
    endsOn: '2026-12-13',
  });

  await page.getByRole('navigation').getByRole('button', { name: zhCN.nav.roster }).click();
  await page.getByRole('button', { name: zhCN.roster.printDuty }).click();
  const preview = page.getByRole('dialog', { name: zhCN.roster.printDuty });
  await expect(preview.getByTestId('duty-sheet')).toBeVisible();

  // Record the print instead of opening the system dialog (which would block the page).
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void w.printed++;
  });
  await page.keyboard.press('Control+p');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // With no document on screen Ctrl+P prints nothing and says how.
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('status')).toContainText(zhCN.desk.noDocument);
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
