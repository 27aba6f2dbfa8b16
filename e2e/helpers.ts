import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const ADMIN = { username: 'zhuren', displayName: '王主任', password: 'haohe-site-2026' };

/** First run: the first administrator and the site, from the setup screen; lands on the home screen, then opens the board. */
export async function setUpDesk(
  page: Page,
  site: { name: string } | 'demo' = { name: '崇川区测试隔离点' },
  options: { recoveryKey?: boolean } = {},
): Promise<string | null> {
  await expect(page.getByRole('heading', { name: '首次使用：建立隔离点协调台' })).toBeVisible();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('input[name="confirm"]').fill(ADMIN.password);
  if (site === 'demo') {
    await page.getByLabel('载入演示隔离点').check();
  } else {
    await page.getByLabel('隔离点名称').fill(site.name);
    await page.getByLabel('地址').fill('南通市崇川区虹桥街道');
  }
  await page.getByRole('button', { name: '建立并登录' }).click();
  // The recovery key step: most specs leave it for later (encrypted-backups.spec makes one).
  await expect(page.getByRole('heading', { name: '保护备份：恢复密钥' })).toBeVisible();
  const key = options.recoveryKey ? await createRecoveryKey(page) : null;
  if (!key) await page.getByRole('button', { name: /稍后在“备份与恢复”中设置/ }).click();
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: '房间与房态' }).click();
  await expect(page.getByRole('tab', { name: '房态看板' })).toBeVisible();
  return key;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function openUserMenu(page: Page, displayName: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: displayName }).click();
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

/** One call through the preload's window.api, as the renderer makes it; a refusal throws. */
export async function apiCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([m, i]) =>
      (window.api as unknown as { invoke: (m: string, i: unknown) => Promise<unknown> }).invoke(
        m,
        i,
      ),
    [method, input] as const,
  );
  const envelope = result as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

type Invoke = (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** Calls main the way the renderer does (set-up steps a spec is not about); throws on a refusal. */
export async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const api = window.api as unknown as { invoke: Invoke };
      const r = await api.invoke(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    { method, input },
  ) as Promise<T>;
}

/**
 * Under 备份与恢复: makes the recovery key, confirms it was written down, and returns it as shown
 * (the only time it is).
 */
export async function createRecoveryKey(page: Page): Promise<string> {
  await page.getByRole('button', { name: /创建恢复密钥|生成新的恢复密钥/ }).click();
  const dialog = page.getByRole('dialog', { name: '恢复密钥' });
  await dialog.getByRole('button', { name: '创建恢复密钥' }).click();
  const key = (await dialog.getByTestId('recovery-key').textContent())!.trim();
  const done = dialog.getByRole('button', { name: '完成' });
  await expect(done).toBeDisabled();
  await dialog.getByLabel('我已抄写或打印恢复密钥，并与备份分开保管').check();
  await done.click();
  await expect(dialog).toBeHidden();
  return key;
}

/**
 * Types a date (2026-12-06) or a date and time (2026-12-06 08:30) into a date picker's field,
 * section by section as a person would: `field` is the picker's group (getByRole('group', { name })).
 */
export async function fillDate(field: Locator, text: string): Promise<void> {
  const keyboard = field.page().keyboard;
  await field.getByRole('spinbutton').first().click();
  // With every section selected the first digit starts the year, whatever the field held.
  await keyboard.press('ControlOrMeta+a');
  // Each section moves on to the next once it is full; separators are the field's own.
  await keyboard.type(text.replace(/\D/g, ''));
  await expect(field.locator('input')).toHaveValue(text);
}
