import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { invoke, signIn } from './helpers';
import { checkInOne } from './rounds';

/**
 * The oldest office screens still in use: 1024×768, in English (the longer labels). Each check
 * stands for a screen that was found broken there: a card running off the page, fields squeezed
 * until their text could not be read.
 */
const OFFICE_SCREEN = { width: 1024, height: 768 };
/** 1366×768 at 125 % zoom: what the page is given to lay itself out in. */
const ZOOMED_SCREEN = { width: 1093, height: 614 };

test.use({ seed: 'demo' });

async function openInEnglish(page: Page, password: string): Promise<void> {
  await page.setViewportSize(OFFICE_SCREEN);
  await signIn(page, 'admin', password);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  await invoke(page, 'settings.setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
}

async function openSection(page: Page, section: string, tab?: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: section }).click();
  if (tab) await page.getByRole('main').getByRole('tab', { name: tab }).click();
}

/** Nothing wider than the page: neither the window nor the page area scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return {
      document: document.documentElement.scrollWidth - window.innerWidth,
      main: main.scrollWidth - main.clientWidth,
    };
  });
  expect(widths).toEqual({ document: 0, main: 0 });
}

/** Each field of `row` is at least `minWidth` px wide and none lies over another. */
async function expectFieldsReadable(row: Locator, minWidth: number): Promise<void> {
  const boxes = await row.locator('.MuiFormControl-root').evaluateAll((fields) =>
    fields.map((f) => {
      const r = f.getBoundingClientRect();
      return {
        label: f.textContent ?? '',
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(1);
  for (const box of boxes) {
    expect(box.right - box.left, `width of "${box.label}"`).toBeGreaterThanOrEqual(minWidth);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `"${a.label}" and "${b.label}" overlap`).toBe(true);
    }
  }
}

test('at 1024×768 in English the rooms, round and receipt screens fit the page and keep their fields readable', async ({
  desk,
}) => {
  const { page } = desk;
  await openInEnglish(page, desk.demoPassword!);

  // The room board: "A-801" was split over two lines by the tile's status word ("Free").
  await openSection(page, 'Rooms');
  const number = page.getByRole('button', { name: /^A-801 / }).locator('.board-tile-number');
  const lineHeight = await number.evaluate((n) => parseFloat(getComputedStyle(n).lineHeight));
  expect((await number.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await expectNoSidewaysScroll(page);

  // Buildings & floors: the floors card goes below the buildings instead of off the page.
  await openSection(page, 'Rooms', 'Buildings & floors');
  await expect(page.getByRole('table', { name: 'Floors' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  const newFloor = await page.getByRole('button', { name: 'New floor' }).boundingBox();
  expect(newFloor!.x + newFloor!.width).toBeLessThanOrEqual(OFFICE_SCREEN.width);

  // The temperature round's filters: the date was squeezed to its calendar icon.
  await openSection(page, 'Health');
  const day = page.getByRole('group', { name: 'Date' });
  await expect(day.locator('input')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expectFieldsReadable(
    page.getByRole('main').locator('.MuiStack-root').filter({ has: day }).last(),
    110,
  );
  await expectNoSidewaysScroll(page);

  // Receiving stock: contact and phone were squeezed to two empty slivers.
  await openSection(page, 'Supplies', 'Receive');
  const receivedOn = page.getByRole('group', { name: 'Received on' });
  await expect(receivedOn).toBeVisible();
  await expectFieldsReadable(
    page.getByRole('main').locator('.MuiStack-root').filter({ has: receivedOn }).last(),
    110,
  );
  await expectNoSidewaysScroll(page);
});

test('at 1024×768 a batch of arrivals and the audit trail scroll their tables, not the page; at 125 % a tall dialog keeps Save in view', async ({
  desk,
}) => {
  const { page } = desk;
  await openInEnglish(page, desk.demoPassword!);
  const [site] = await invoke<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  const first17 = '32060219880312022';
  await checkInOne(
    page,
    site!.id,
    { fullName: '欧阳晓燕', birthDate: '1988-03-12', id: first17 + residentIdCheckChar(first17) },
    'female',
    'Arrivals by the evening coach',
  );

  // The batch's register grid and its eleven-column list of people were wider than the page.
  await openSection(page, 'Arrivals & allocation');
  await expect(page.getByRole('table', { name: 'People in this batch' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await openSection(page, 'Administration', 'Audit trail');
  await expect(page.getByRole('table', { name: 'Audit trail' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // A dialog taller than the window: its fields scroll between the title and the buttons.
  await page.setViewportSize(ZOOMED_SCREEN);
  await openSection(page, 'Supplies', 'Catalogue');
  await page.getByRole('button', { name: 'New item' }).click();
  const dialog = page.getByRole('dialog', { name: 'New item' });
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('heading', { name: 'New item' })).toBeInViewport({ ratio: 1 });
});
