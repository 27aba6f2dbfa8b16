import { _electron, test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';

const ROOT = resolve(__dirname, '..');

/** Debian's Chromium: Playwright's own browser download is not possible on these machines. */
const CHROMIUM = {
  executablePath: process.env.ISD_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

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
  /** The browser shell's origin and token (browser project only), for raw HTTP checks. */
  server?: { origin: string; token: string };
}

interface Started {
  child: ChildProcess;
  url: string;
  demoPassword?: string;
}

async function startBrowserShell(dataDir: string, demo: boolean): Promise<Started> {
  const args = [
    join(ROOT, 'out/main/browser.js'),
    '--data-dir',
    dataDir,
    '--port',
    '0',
    ...(demo ? ['--demo'] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  return new Promise<Started>((resolveStart, reject) => {
    let demoPassword: string | undefined;
    const timer = setTimeout(
      () => reject(new Error('The browser shell did not print its address')),
      30_000,
    );
    lines.on('line', (line) => {
      const password = /this launch only: (\S+)\)/.exec(line);
      if (password?.[1]) demoPassword = password[1];
      const match = /open: (http\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1], ...(demoPassword ? { demoPassword } : {}) });
      }
    });
    child.once('exit', (code) => reject(new Error(`The browser shell exited with ${code}`)));
  });
}

/**
 * `desk`: the app on a fresh data folder, in whichever shell this project runs. `seed: 'demo'`
 * starts it with the demo site and one account per role (browser shell's --demo).
 */
export const test = base.extend<{
  desk: Desk;
  seed: 'none' | 'demo';
  /** Puts files into the data folder before the app starts (e.g. a damaged database). */
  prepare: ((dataDir: string) => Promise<void>) | null;
}>({
  seed: ['none', { option: true }],
  prepare: [null, { option: true }],
  desk: async ({ playwright, seed, prepare }, use, testInfo) => {
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
        const page = await app.firstWindow();
        await use({ page, dataDir });
        await app.close();
      } else {
        const { child, url, demoPassword } = await startBrowserShell(dataDir, seed === 'demo');
        const browser = await playwright.chromium.launch(CHROMIUM);
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
          locale: 'zh-CN',
          acceptDownloads: true,
        });
        const page = await context.newPage();
        await page.goto(url);
        const parsed = new URL(url);
        await use({
          page,
          dataDir,
          ...(demoPassword ? { demoPassword } : {}),
          server: { origin: parsed.origin, token: parsed.hash.replace('#token=', '') },
        });
        await browser.close();
        // The shell anchors the audit chain head and checkpoints as it stops: let it, before the
        // folder goes.
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill();
        if (child.exitCode === null) await Promise.race([exited, delay(10_000)]);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
