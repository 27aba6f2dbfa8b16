import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addBuilding, bulkCreate, setUpDesk } from './helpers';

/**
 * Every `/api/invoke` call the page sends from now on (`method input`, in order), and how long
 * ago the last one started or ended.
 */
function recordCalls(page: Page): { calls: string[]; quietMs(): number } {
  const calls: string[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const isInvoke = (url: string) => new URL(url).pathname === '/api/invoke';
  const ended = (request: { url(): string }) => {
    if (!isInvoke(request.url())) return;
    inFlight--;
    lastActivity = Date.now();
  };
  page.on('request', (request) => {
    if (!isInvoke(request.url())) return;
    const { method, input } = request.postDataJSON() as { method: string; input: unknown };
    calls.push(`${method} ${JSON.stringify(input)}`);
    inFlight++;
    lastActivity = Date.now();
  });
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return { calls, quietMs: () => (inFlight > 0 ? 0 : Date.now() - lastActivity) };
}

/** The calls that came more than once. */
const repeated = (calls: string[]): string[] =>
  [...new Set(calls)].filter((call) => calls.indexOf(call) !== calls.lastIndexOf(call));

test('a save refetches each stale screen query once in its window, and a second tab of the same session still refreshes', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'Two tabs of one browser on the browser shell.');
  const { page } = desk;
  await setUpDesk(page);
  await addBuilding(page, 'C', '三号楼');
  await bulkCreate(page, { floorFrom: 2, floorTo: 2, roomFrom: 1, roomTo: 5, capacity: 2 });
  await page.getByRole('tab', { name: '房态看板' }).click();
  await expect(page.getByRole('button', { name: 'C-203 空闲可用' })).toBeVisible();

  // A second tab: same browser, same cookies, so the same signed-in session.
  const tab = await page.context().newPage();
  await tab.goto(desk.server!.origin);
  await tab.getByRole('navigation').getByRole('button', { name: '房间与房态' }).click();
  await tab.getByRole('tab', { name: '房态看板' }).click();
  await expect(tab.getByRole('button', { name: 'C-203 空闲可用' })).toBeVisible();
  let reloads = 0;
  tab.on('framenavigated', () => reloads++);

  await page.getByRole('button', { name: 'C-203 空闲可用' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('停用原因（必填）').fill('淋浴漏水，待维修');
  const { calls, quietMs } = recordCalls(page);
  await dialog.getByRole('button', { name: '停用维修' }).click();
  await expect(dialog.getByRole('button', { name: '恢复可用' })).toBeVisible();

  // The other tab hears the notice and refreshes without a reload.
  await expect(tab.getByRole('button', { name: 'C-203 停用维修' })).toBeVisible({ timeout: 2_000 });
  expect(reloads).toBe(0);
  // By now this window has had the same notice: a second round of reads would start at once.
  await expect.poll(quietMs, { timeout: 5_000 }).toBeGreaterThan(700);

  const [write, ...reads] = calls;
  testInfo.annotations.push({
    type: 'reads per save',
    description: `${reads.length} reads after rooms.setStatus: ${reads.map((r) => r.split(' ')[0]).join(', ')}`,
  });
  expect(write).toMatch(/^rooms\.setStatus /);
  expect(reads.length).toBeGreaterThan(0);
  expect(repeated(reads)).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('button', { name: 'C-203 停用维修' })).toBeVisible();
  await tab.close();
});
