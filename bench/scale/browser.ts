import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/main/testing/chromium';
import { startShellProcess, type ShellProcess } from '../../src/main/testing/shellProcess';
import { BENCH_USER } from './shape';

export interface Shell extends ShellProcess {
  /** Peak resident memory of the shell's process so far (VmHWM), bytes. */
  peakRss(): number;
}

/**
 * The built browser shell (out/main/browser.js) on a data folder, as e2e starts it: it stops by
 * itself if the bench is killed, and `stop()` waits until it has exited.
 */
export async function startShell(root: string, dataDir: string): Promise<Shell> {
  const shell = await startShellProcess(root, dataDir);
  return {
    ...shell,
    peakRss: () => {
      const status = readFileSync(`/proc/${shell.child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
  };
}

/** In the page: time from a hash change to the frame after `count` elements match `selector`. */
const NAVIGATE_AND_WAIT = `(async ({ hash, selector, count }) => {
  const t0 = performance.now();
  location.hash = hash;
  return await new Promise((resolve) => {
    const tick = () => {
      if (document.querySelectorAll(selector).length >= count) {
        requestAnimationFrame(() => resolve(performance.now() - t0));
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})`;

/** In the page: `n` calls of a cheap read through window.api, each timed. */
const ROUND_TRIPS = `(async (n) => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await window.api.invoke('sites.list', {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    times.push(performance.now() - t0);
  }
  return times;
})`;

/** In the page: scroll the residents grid to the bottom in steps, timing each step to its frame. */
const SCROLL_GRID = `(async (steps) => {
  const scroller = document.querySelector('.MuiDataGrid-virtualScroller');
  if (!scroller) throw new Error('No grid');
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const times = [];
  const step = Math.max(1, (scroller.scrollHeight - scroller.clientHeight) / steps);
  for (let i = 1; i <= steps; i++) {
    const t0 = performance.now();
    scroller.scrollTop = step * i;
    await frame();
    times.push(performance.now() - t0);
  }
  return times;
})`;

/** In the page: the grid's next-page button to the frame showing the new page's first row. */
const PAGE_TURN = `(async () => {
  const first = () => document.querySelector('.MuiDataGrid-row')?.getAttribute('data-id');
  const before = first();
  const next = document.querySelectorAll('.MuiTablePagination-actions button')[1];
  const t0 = performance.now();
  next.click();
  return await new Promise((resolve) => {
    const tick = () => {
      const now = first();
      if (now && now !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})`;

const evaluate = <T>(page: Page, fn: string, arg: unknown): Promise<T> =>
  page.evaluate(`${fn}(${JSON.stringify(arg)})`) as Promise<T>;

export interface BrowserFigures {
  boardMs: number[];
  roundTripMs: number[];
  scrollStepMs: number[];
  pageTurnMs: number[];
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]): number => sorted(xs)[Math.floor((xs.length - 1) / 2)]!;
export const p95 = (xs: number[]): number =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!;

export interface Browser {
  page: Page;
  close(): Promise<void>;
}

/** The test Chromium, signed in as the bench account, on the room board; closed again if that fails. */
export async function openDesk(root: string, url: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: await chromiumPath(root),
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('用户名').fill(BENCH_USER.username);
    await page.getByLabel('密码').fill(BENCH_USER.password);
    await page.getByRole('button', { name: '登录' }).click();
    // Signing in lands on 今日概况; the measures start from the room board.
    await page.locator('[data-testid="today-cards"]').waitFor({ timeout: 60_000 });
    await page.evaluate(`location.hash = '#/rooms'`);
    await page.locator('.board-tile').first().waitFor({ timeout: 60_000 });
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The board with `rooms` tiles, `runs` times from a hash navigation (from the reports screen):
 * to the frame showing its first tiles (the top floors, a screenful), and separately to the frame
 * after every tile exists.
 */
export async function measureBoard(
  page: Page,
  rooms: number,
  runs: number,
): Promise<{ visible: number[]; complete: number[] }> {
  const visible: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    for (const count of [1, rooms]) {
      await page.evaluate(`location.hash = '#/reports'`);
      await page.locator('.board-tile').first().waitFor({ state: 'detached' });
      const ms = await evaluate<number>(page, NAVIGATE_AND_WAIT, {
        hash: '#/rooms',
        selector: '.board-tile',
        count,
      });
      if (i > 0) (count === 1 ? visible : complete).push(ms); // the first round is a warm-up
    }
  }
  return { visible, complete };
}

export const measureRoundTrips = (page: Page, n: number): Promise<number[]> =>
  evaluate<number[]>(page, ROUND_TRIPS, n);

/** The residents grid: scroll a page (50 rows) to the bottom twice, then turn pages. */
export async function measureResidents(
  page: Page,
): Promise<{ scrollStepMs: number[]; pageTurnMs: number[] }> {
  await page.evaluate(`location.hash = '#/residents'`);
  await page.locator('.MuiDataGrid-row').first().waitFor({ timeout: 30_000 });
  const scrollStepMs = [
    ...(await evaluate<number[]>(page, SCROLL_GRID, 10)),
    ...(await evaluate<number[]>(page, SCROLL_GRID, 10)),
  ];
  const pageTurnMs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const ms = await evaluate<number>(page, PAGE_TURN, null);
    if (i > 0) pageTurnMs.push(ms);
  }
  return { scrollStepMs, pageTurnMs };
}
