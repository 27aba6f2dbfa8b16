import type { Locator, Page } from '@playwright/test';
import { request } from 'node:https';
import { expect } from './fixtures';
import { invoke } from './helpers';

/** Host mode may choose this address in e2e only: loopback, never a real network. */
export const HOST = '127.0.0.2';

/** The status of a GET / sent to the host with this Host header. */
export function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: HOST, port, path: '/', headers: { host }, rejectUnauthorized: false, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** On the round sheet (floor 3 of building A): types a temperature and waits for it to be saved. */
export async function recordOnRoundSheet(
  page: Page,
  fullName: string,
  temperature: string,
): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: '健康监测' }).click();
  await page.getByLabel('楼层').click();
  await page.getByRole('option', { name: '3', exact: true }).click();
  await page.getByLabel(`${fullName} 体温 ℃`).fill(temperature);
  const saved = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('readings.record'),
  );
  await page.keyboard.press('Enter');
  expect(await (await saved).json()).toMatchObject({ ok: true });
}

/** The red fever banner and the home screen's fever list name her within a second. */
export async function expectFeverShownWithinASecond(
  page: Page,
  fevers: Locator,
  fullName: string,
): Promise<void> {
  const banner = page.getByRole('alert').filter({ hasText: '发热 1 人待处理' });
  await expect(banner).toBeVisible({ timeout: 1_000 });
  await expect(banner).toContainText(fullName);
  await expect(fevers).toContainText(`${fullName}（`, { timeout: 1_000 });
}

/** Opens a room's edit form from the room board; returns the form. */
async function openRoomForm(page: Page, number: string): Promise<Locator> {
  await page.getByRole('navigation').getByRole('button', { name: '房间与房态' }).click();
  await page.getByRole('button', { name: `${number} 空闲可用` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '编辑' }).click();
  return page.getByRole('dialog', { name: `编辑 ${number}` });
}

/** A row of the conflict dialog: the other's saved value, then this desk's. */
const conflictCells = (conflict: Locator, label: string): Promise<string[]> =>
  conflict
    .getByRole('rowheader', { name: label })
    .locator('xpath=..')
    .getByRole('cell')
    .allTextContents();

/**
 * Both desks open one room's form; the first saves a note and one bed, the second (on the version
 * it opened) three beds: its save is refused with the conflict dialog naming the first and showing
 * the first's values. Returns the dialog and the second's form.
 */
export async function secondSaveOfOneRoom(
  first: Page,
  second: Page,
  number: string,
  note: string,
): Promise<{ conflict: Locator; secondForm: Locator }> {
  const firstForm = await openRoomForm(first, number);
  const secondForm = await openRoomForm(second, number);
  await expect(secondForm.getByLabel('床位')).toBeVisible();
  await firstForm.getByLabel('备注').fill(note);
  await firstForm.getByLabel('床位').fill('1');
  await firstForm.getByRole('button', { name: '保存' }).click();
  await expect(firstForm).toBeHidden();

  await secondForm.getByLabel('床位').fill('3');
  await secondForm.getByRole('button', { name: '保存' }).click();
  const conflict = second.getByRole('dialog', { name: '此记录已被他人修改' });
  await expect(conflict).toBeVisible();
  const by = (await invoke<{ user: { displayName: string } }>(first, 'auth.status', {})).user
    .displayName;
  await expect(
    conflict.getByText(new RegExp(`另一台电脑上的 ${by} 于 \\d\\d:\\d\\d 修改了此记录`)),
  ).toBeVisible();
  expect(await conflictCells(conflict, '床位')).toEqual(['1', '3']);
  expect((await conflictCells(conflict, '备注'))[0]).toBe(note);
  return { conflict, secondForm };
}
