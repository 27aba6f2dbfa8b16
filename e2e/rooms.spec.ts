import { expect, test } from './fixtures';
import { addBuilding, boardCount, bulkCreate, setUpDesk } from './helpers';

test('first run: set up the desk, bulk-create 9 floors × 30 rooms and see them on the board', async ({
  desk,
}) => {
  const { page } = desk;
  await setUpDesk(page);
  await expect(page.getByText('还没有房间')).toBeVisible();

  await addBuilding(page, 'a', '主楼');
  await bulkCreate(page, { floorFrom: 2, floorTo: 10, roomFrom: 1, roomTo: 30 });
  await expect(page.getByRole('status')).toContainText('已新建 270 间房（A-201 … A-1030）');

  await page.getByRole('tab', { name: '房态看板' }).click();
  await expect(page.getByTestId('board-totals')).toContainText('房间 270 间');
  expect(await boardCount(page, 'available')).toBe(270);
  await expect(page.locator('.board-floor')).toHaveCount(9);
  await expect(page.getByTestId('floor-A-10').locator('.board-tile')).toHaveCount(30);
  await expect(page.getByRole('button', { name: 'A-1030 空闲可用' })).toBeVisible();
  // Top floor first.
  await expect(page.locator('.board-floor-label').first()).toHaveText('A栋 10层');
});

test('an overlapping bulk create is refused with the clashes and creates nothing', async ({
  desk,
}) => {
  const { page } = desk;
  await setUpDesk(page);
  await addBuilding(page, 'B', '副楼');
  await bulkCreate(page, { floorFrom: 2, floorTo: 3, roomFrom: 1, roomTo: 10 });
  await expect(page.getByRole('dialog')).toBeHidden();

  await bulkCreate(page, { floorFrom: 3, floorTo: 4, roomFrom: 9, roomTo: 12 });
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText(
    '以下 2 个房号已存在，未新建任何房间：B-309, B-310',
  );
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.getByRole('tab', { name: '房态看板' }).click();
  await expect(page.getByTestId('board-totals')).toContainText('房间 20 间');
  await expect(page.getByTestId('floor-B-4')).toHaveCount(0);
});

test('put a room out of service with a reason, and back', async ({ desk }) => {
  const { page } = desk;
  await setUpDesk(page);
  await addBuilding(page, 'C', '三号楼');
  await bulkCreate(page, { floorFrom: 2, floorTo: 2, roomFrom: 1, roomTo: 5, capacity: 2 });
  await page.getByRole('tab', { name: '房态看板' }).click();

  await page.getByRole('button', { name: 'C-203 空闲可用' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '停用维修' }).click();
  await expect(dialog.getByText('请填写原因。')).toBeVisible();
  expect(await boardCount(page, 'out_of_service')).toBe(0);

  await dialog.getByLabel('停用原因（必填）').fill('淋浴漏水，待维修');
  await dialog.getByRole('button', { name: '停用维修' }).click();
  await expect(dialog.getByRole('button', { name: '恢复可用' })).toBeVisible();
  await expect(
    dialog.getByRole('row', { name: /空闲可用 停用维修 淋浴漏水，待维修/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();

  await expect(page.getByRole('button', { name: 'C-203 停用维修' })).toBeVisible();
  expect(await boardCount(page, 'out_of_service')).toBe(1);
  await expect(page.getByTestId('board-totals')).toContainText('空床 8 / 总床位 10');

  // Filter the board by the status chip.
  await page.getByTestId('count-out_of_service').click();
  await expect(page.locator('.board-tile')).toHaveCount(1);
  await page.getByTestId('count-out_of_service').click();

  await page.getByRole('button', { name: 'C-203 停用维修' }).click();
  await dialog.getByRole('button', { name: '恢复可用' }).click();
  await expect(dialog.getByRole('button', { name: '停用维修' })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('button', { name: 'C-203 空闲可用' })).toBeVisible();
  expect(await boardCount(page, 'out_of_service')).toBe(0);
});

test('switch the language to English and back; the choice survives a reload', async ({ desk }) => {
  const { page } = desk;
  await setUpDesk(page);
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('界面语言').click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Rooms' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Arrivals & allocation' })).toBeVisible();
  await page.getByRole('button', { name: 'Rooms' }).click();
  await expect(page.getByRole('tab', { name: 'Room board' })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await expect(page.getByRole('button', { name: '房间与房态' })).toBeVisible();
});

test('the room list pages through SQLite and sorts on the server', async ({ desk }) => {
  const { page } = desk;
  await setUpDesk(page, 'demo');
  await page.getByRole('tab', { name: '房间列表' }).click();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').nth(1)).toContainText('A-201');
  await expect(page.getByText(/1–50 共 220/)).toBeVisible();
  await page.getByRole('button', { name: /下一页|next page/i }).click();
  await expect(page.getByText(/51–100 共 220/)).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('A-403');
  await page.getByRole('button', { name: /上一页|previous page/i }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('A-201');

  await page.getByLabel('搜索房号').fill('B-5');
  await expect(page.getByText(/1–12 共 12/)).toBeVisible();
  await page.getByLabel('搜索房号').fill('');
  await grid.getByRole('columnheader', { name: '房号' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('B-512');
});

test('demo site board, for the README screenshot', async ({ desk }, testInfo) => {
  const { page } = desk;
  await setUpDesk(page, 'demo');
  await expect(page.getByTestId('board-totals')).toContainText('房间 220 间');
  expect(await boardCount(page, 'out_of_service')).toBe(2);
  expect(await boardCount(page, 'reserved')).toBe(3);
  await expect(page.getByRole('button', { name: 'A-305 停用维修' })).toBeVisible();
  if (testInfo.project.name === 'browser') {
    await page.screenshot({ path: 'docs/screenshots/room-board.png' });
  }
});
