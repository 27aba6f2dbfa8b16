import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/main/testing/chromium';
import { startShellProcess, type ShellProcess } from '../../src/main/testing/shellProcess';
import { median } from './browser';
import type { Row } from './results';

/** The single-bundle build of the same code (electron.vite.config.ts, ISD_SINGLE_BUNDLE). */
export const SINGLE_BUNDLE_BUILD = '.cache/single-bundle';

/** The sign-in form is on screen: its password field (LoginScreen). */
const SIGN_IN_FORM = 'input[autocomplete="current-password"]';
/** The home screen (今日概况) is on screen: its cards, drawn from the site's figures. */
const HOME = '[data-testid="today-cards"]';

/**
 * In every page, from its first moment: the time since navigation start (the page's time origin)
 * of the frame after the sign-in form first exists, so the figure does not depend on when the bench
 * gets to ask.
 */
const WATCH_SIGN_IN_FORM = `(() => {
  const tick = () => {
    if (document.querySelector(${JSON.stringify(SIGN_IN_FORM)}))
      requestAnimationFrame(() => (window.__signInFormAt = performance.now()));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** In the page: the watch's figure, once it has one (a string, not a function: the page's CSP). */
const SIGN_IN_FORM_AT = `new Promise((resolve) => {
  const tick = () =>
    window.__signInFormAt !== undefined ? resolve(window.__signInFormAt) : requestAnimationFrame(tick);
  tick();
})`;

/** In the page: submit the filled sign-in form, time to the frame after the home screen exists. */
const SIGN_IN_TO_HOME = `(async (selector) => {
  const t0 = performance.now();
  document.querySelector('form button[type="submit"]').click();
  return await new Promise((resolve) => {
    const tick = () => {
      if (document.querySelector(selector)) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})`;

export interface FirstScreenTimes {
  signInFormMs: number[];
  homeMs: number[];
  /** auth.login alone through window.api: the password check (scrypt, N = 2^17) and its trip. */
  loginCallMs: number[];
}

interface Desk {
  shell: ShellProcess;
  page: Page;
  times: FirstScreenTimes;
}

/** Builds the renderer as one script (no code splitting) with the rest of the app, under .cache/. */
export function buildSingleBundle(root: string): void {
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: root,
    env: { ...process.env, ISD_SINGLE_BUNDLE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function signOut(page: Page): Promise<void> {
  const out = (await page.evaluate(`window.api.invoke('auth.logout', {})`)) as { ok: boolean };
  if (!out.ok) throw new Error('Signing out failed');
}

/** One navigation to the sign-in form, then one sign-in to the home screen, and signed out again. */
async function measureOnce(
  desk: Desk,
  password: string,
): Promise<{ form: number; home: number; loginCall: number }> {
  const { page, shell } = desk;
  await page.goto(`${shell.origin}/`, { waitUntil: 'domcontentloaded' });
  const form = (await page.evaluate(SIGN_IN_FORM_AT)) as number;
  await page.getByLabel('用户名').fill('admin');
  await page.locator(SIGN_IN_FORM).fill(password);
  const home = (await page.evaluate(`${SIGN_IN_TO_HOME}(${JSON.stringify(HOME)})`)) as number;
  await signOut(page);
  const loginCall = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    const r = await window.api.invoke('auth.login', { username: 'admin', password: ${JSON.stringify(password)} });
    if (!r.ok) throw new Error(r.error.code);
    return performance.now() - t0;
  })()`)) as number;
  await signOut(page);
  return { form, home, loginCall };
}

async function openDesk(context: BrowserContext, shell: ShellProcess): Promise<Desk> {
  const page = await context.newPage();
  // The one-time code becomes the session cookie; later navigations go to the bare address.
  await page.goto(shell.url);
  await page.locator(SIGN_IN_FORM).waitFor({ timeout: 60_000 });
  return { shell, page, times: { signInFormMs: [], homeMs: [], loginCallMs: [] } };
}

/**
 * The split build (out/) and the single bundle (.cache/single-bundle/), each served by its own
 * browser shell on a demo data folder of its own, in one Chromium: after one warm-up each (the
 * cache is warm, as on a desk used daily), `runs` rounds alternating between them.
 */
export async function measureFirstScreen(
  root: string,
  runs = 7,
): Promise<{ split: FirstScreenTimes; single: FirstScreenTimes }> {
  const dirs: string[] = [];
  const shells: ShellProcess[] = [];
  const browser = await chromium.launch({
    executablePath: await chromiumPath(root),
    args: CHROMIUM_ARGS,
  });
  try {
    const desks: Desk[] = [];
    for (const build of ['out', SINGLE_BUNDLE_BUILD]) {
      const dir = mkdtempSync(join(tmpdir(), 'isd-first-'));
      dirs.push(dir);
      const shell = await startShellProcess(root, dir, { demo: true, build });
      shells.push(shell);
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      await context.addInitScript(WATCH_SIGN_IN_FORM);
      desks.push(await openDesk(context, shell));
    }
    for (let i = 0; i < runs + 1; i++) {
      for (const desk of desks) {
        const { form, home, loginCall } = await measureOnce(desk, desk.shell.demoPassword!);
        if (i === 0) continue;
        desk.times.signInFormMs.push(form);
        desk.times.homeMs.push(home);
        desk.times.loginCallMs.push(loginCall);
      }
    }
    return { split: desks[0]!.times, single: desks[1]!.times };
  } finally {
    await browser.close();
    for (const shell of shells) await shell.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => v.toFixed(0);

/** The two rows of `npm run bench`, each the split build against the single bundle. */
export function firstScreenRows(
  times: { split: FirstScreenTimes; single: FirstScreenTimes },
  record: (key: string, value: number) => number,
): Row[] {
  const row = (key: 'signInFormMs' | 'homeMs', name: string, limit: number, note = ''): Row => {
    const split = record(`chromium.firstScreen.${key}.p50`, median(times.split[key]));
    const max = record(`chromium.firstScreen.${key}.max`, Math.max(...times.split[key]));
    const single = record(`chromium.firstScreen.${key}.singleBundleP50`, median(times.single[key]));
    return {
      group: 'Chromium',
      name: `first screen, warm cache, demo site: ${name}`,
      figure: `p50 ${ms(split)} / max ${ms(max)} ms; one bundle p50 ${ms(single)} ms${note}`,
      target: `≤ ${limit} ms`,
      ok: split <= limit,
    };
  };
  const loginCall = record('chromium.firstScreen.loginCall.p50', median(times.split.loginCallMs));
  return [
    row('signInFormMs', 'navigation → sign-in form visible', 300),
    row(
      'homeMs',
      'sign-in → home screen (今日概况 cards) visible',
      500,
      ` (of which auth.login alone, the scrypt password check: p50 ${ms(loginCall)} ms)`,
    ),
  ];
}

/**
 * Alone (no district seed: the first screen does not depend on data volume):
 * `node scripts/bench/run.mjs bench/scale/firstScreenBench.ts [--runs N] [--no-build]`.
 * It builds out/ (unless --no-build) and the single bundle, then prints the two rows.
 */
async function standalone(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 7;
  const root = resolve(process.env.ISD_ROOT ?? '.');
  if (!argv.includes('--no-build')) {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  buildSingleBundle(root);
  const rows = firstScreenRows(await measureFirstScreen(root, runs), (_key, value) => value);
  for (const r of rows)
    process.stdout.write(`${r.name}: ${r.figure} [${r.target}] ${r.ok ? 'met' : 'MISSED'}\n`);
}

if (/firstScreenBench\.m?[jt]s$/.test(process.argv[1] ?? '')) void standalone();
