import {
  _electron,
  chromium,
  expect,
  test as base,
  type Browser,
  type Page,
} from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { shellCookieName } from '../src/main/browser/sessionCookie';
import { EXCHANGE_PATH } from '../src/main/browser/shim';
import { CHROMIUM_ARGS, chromiumPath } from '../src/main/testing/chromium';
import { startShellProcess, type ShellProcess } from '../src/main/testing/shellProcess';

const ROOT = resolve(__dirname, '..');

/** scripts/electron-native.mjs, shared with `npm start` (plain ESM, loaded only when needed). */
interface ElectronNative {
  installedElectronBinary(): string | null;
  electronSqliteBinding(): Promise<string>;
}

export interface Desk {
  page: Page;
  dataDir: string;
  /** With `seed: 'demo'`: the password of the demo accounts (admin, coordinator, doctor, warehouse, viewer). */
  demoPassword?: string;
  /**
   * The browser shell's origin and launch token (browser project only), for raw HTTP checks; the
   * token goes in the `cookie` pair, as the page's HttpOnly cookie carries it. `address` is the
   * printed one, whose one-time code the page has used.
   */
  server?: { origin: string; address: string; token: string; cookie: string };
}

export interface BrowserDesk extends Desk {
  shell: ShellProcess;
  /** Closes the browser, then stops the server and waits until it has exited. */
  close(): Promise<void>;
}

/** The browser's own language and time zone, which the desk's screens must not follow. */
export interface BrowserLocale {
  locale: string;
  timezoneId?: string;
}

/**
 * The browser shell on `dataDir` and Chromium on its address. Whatever fails after the server was
 * spawned (Chromium not starting, the page not loading) stops the server before the error goes on.
 */
export async function openBrowserDesk(
  dataDir: string,
  options: { demo?: boolean; executablePath?: string; locale?: BrowserLocale } = {},
): Promise<BrowserDesk> {
  const shell = await startShellProcess(ROOT, dataDir, { demo: options.demo ?? false });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: options.executablePath ?? (await chromiumPath(ROOT)),
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      ...options.locale,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // The page trades the address's one-time code for the launch's HttpOnly cookie.
    const exchanged = page.waitForResponse((r) => new URL(r.url()).pathname === EXCHANGE_PATH);
    await page.goto(shell.url);
    expect((await exchanged).status()).toBe(204);
    const port = Number(new URL(shell.origin).port);
    const cookie = (await context.cookies(`${shell.origin}/api/invoke`)).find(
      (c) => c.name === shellCookieName(port),
    );
    if (!cookie) throw new Error('The page did not get the launch cookie');
    const opened = browser;
    return {
      page,
      dataDir,
      shell,
      ...(shell.demoPassword ? { demoPassword: shell.demoPassword } : {}),
      server: {
        origin: shell.origin,
        address: shell.url,
        token: cookie.value,
        cookie: `${cookie.name}=${cookie.value}`,
      },
      close: async () => {
        try {
          await opened.close();
        } finally {
          await shell.stop();
        }
      },
    };
  } catch (error) {
    try {
      await browser?.close();
    } finally {
      await shell.stop();
    }
    throw error;
  }
}

/**
 * `desk`: the app on a fresh data folder, in whichever shell this project runs. `seed: 'demo'`
 * starts it with the demo site and one account per role (browser shell's --demo). The data folder
 * is removed only after the app's process has exited.
 */
export const test = base.extend<{
  desk: Desk;
  seed: 'none' | 'demo';
  /** The browser's locale (browser project): zh-CN unless a spec says otherwise. */
  browserLocale: BrowserLocale | null;
  /** Puts files into the data folder before the app starts (e.g. a damaged database). */
  prepare: ((dataDir: string) => Promise<void>) | null;
}>({
  seed: ['none', { option: true }],
  prepare: [null, { option: true }],
  browserLocale: [null, { option: true }],
  desk: async ({ seed, prepare, browserLocale }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'isd-e2e-'));
    try {
      if (prepare) await prepare(dataDir);
      if (testInfo.project.name === 'electron') {
        const native = (await import(join(ROOT, 'scripts/electron-native.mjs'))) as ElectronNative;
        const binary = native.installedElectronBinary();
        test.skip(
          !binary,
          'No Electron binary on this machine (it cannot be downloaded here); the browser project covers the same specs.',
        );
        test.skip(seed === 'demo', 'Demo accounts are seeded by the browser shell.');
        const binding = await native.electronSqliteBinding();
        const app = await _electron.launch({
          executablePath: binary!,
          args: [ROOT, '--data-dir', dataDir],
          env: { ...process.env, ISD_SQLITE_NATIVE_BINDING: binding },
        });
        try {
          await use({ page: await app.firstWindow(), dataDir });
        } finally {
          await app.close();
        }
      } else {
        const desk = await openBrowserDesk(dataDir, {
          demo: seed === 'demo',
          ...(browserLocale ? { locale: browserLocale } : {}),
        });
        try {
          await use({
            page: desk.page,
            dataDir,
            ...(desk.demoPassword ? { demoPassword: desk.demoPassword } : {}),
            ...(desk.server ? { server: desk.server } : {}),
          });
        } finally {
          await desk.close();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
