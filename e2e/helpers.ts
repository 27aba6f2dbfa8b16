import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** First run: register a site from the welcome screen and land on the room board. */
export async function registerSite(page: Page, name = '崇川区测试隔离点'): Promise<void> {
  await page.getByLabel('隔离点名称').fill(name);
  await page.getByLabel('地址').fill('南通市崇川区虹桥街道');
  await page.getByRole('button', { name: '登记隔离点' }).click();
  await expect(page.getByRole('tab', { name: '房态看板' })).toBeVisible();
}

export async function addBuilding(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('tab', { name: '楼栋与楼层' }).click();
  await page.getByRole('button', { name: '新建楼栋' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('楼栋编号').fill(code);
  await dialog.getByLabel('楼栋名称').fill(name);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

export async function bulkCreate(
  page: Page,
  range: {
    floorFrom: number;
    floorTo: number;
    roomFrom: number;
    roomTo: number;
    capacity?: number;
  },
): Promise<void> {
  await page.getByRole('button', { name: '批量新建房间' }).first().click();
  const dialog = page.getByRole('dialog');
  for (const [key, value] of Object.entries(range)) {
    await dialog.locator(`input[name="${key}"]`).fill(String(value));
  }
  await dialog.getByRole('button', { name: '新建' }).click();
}

/** The counts on top of the board, by status. */
export async function boardCount(page: Page, status: string): Promise<number> {
  const text = await page.getByTestId(`count-${status}`).innerText();
  return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
}
