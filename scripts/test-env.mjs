// What the e2e tests need from the machine, found or installed before they run: a Chromium (or
// Chrome), CJK fonts (Chinese screenshots and prints) and poppler's pdftotext (PDF checks).
//
//   node scripts/test-env.mjs                  check; install with apt-get where that is possible
//   node scripts/test-env.mjs CMD [ARGS...]    the same, then CMD with ISD_CHROMIUM set to the
//                                              Chromium found (how `npm run test:e2e` runs Playwright)
//
// Where something is missing and cannot be installed, it stops at once with one line naming it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's package for each thing the tests need. */
export const PACKAGES = {
  chromium: 'chromium',
  cjkFonts: 'fonts-noto-cjk',
  pdftotext: 'poppler-utils',
};

/** A system Chromium or Chrome, in order of preference, looked up on PATH. */
export const SYSTEM_BROWSERS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

/** Where Debian and Ubuntu put Noto CJK when fc-list is not there to ask. */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];

export function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in the PATH-like list `pathVar`, or null. */
export function findOnPath(name, pathVar) {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** Playwright's own Chromium, if it was ever downloaded (it cannot be on these machines). */
export function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const path = require('playwright-core').chromium.executablePath();
    return isExecutableFile(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Which browser the tests drive: `ISD_CHROMIUM` when set (and then only it: a wrong path is a
 * mistake to report, not to work around), else a system Chromium or Chrome, else Playwright's.
 * `{ path, source }`, or `{ path: null, problem }`.
 */
export function chooseChromium({ env, pathVar, playwrightPath }) {
  const chosen = env.ISD_CHROMIUM;
  if (chosen) {
    return isExecutableFile(chosen)
      ? { path: chosen, source: 'ISD_CHROMIUM' }
      : { path: null, problem: `ISD_CHROMIUM=${chosen} is not an executable file` };
  }
  for (const name of SYSTEM_BROWSERS) {
    const found = findOnPath(name, pathVar);
    if (found) return { path: found, source: 'system' };
  }
  if (playwrightPath && isExecutableFile(playwrightPath)) {
    return { path: playwrightPath, source: 'playwright' };
  }
  return { path: null, problem: 'no Chromium or Chrome' };
}

/** `fc-list :lang=zh` when fontconfig is on PATH, else the known Noto CJK files. */
export function hasCjkFont({ pathVar, fontFiles = CJK_FONT_FILES }) {
  const fcList = findOnPath('fc-list', pathVar);
  if (fcList) {
    const listed = spawnSync(fcList, [':lang=zh', 'family'], { encoding: 'utf8', timeout: 30_000 });
    if (listed.status === 0 && listed.stdout.trim() !== '') return true;
  }
  return fontFiles.some((file) => existsSync(file));
}

/** What this machine has and lacks for the e2e tests. */
export function assess(world) {
  const chromium = chooseChromium(world);
  const missing = [];
  if (!chromium.path) missing.push('chromium');
  if (!hasCjkFont(world)) missing.push('cjkFonts');
  if (!findOnPath('pdftotext', world.pathVar)) missing.push('pdftotext');
  return { chromium, missing };
}

const DESCRIBE = {
  chromium: 'Chromium or Chrome (or ISD_CHROMIUM=/path/to/chrome)',
  cjkFonts: 'CJK fonts',
  pdftotext: 'pdftotext',
};

/**
 * What to do about an assessment: `ok`, `install` these Debian packages (only as root with
 * apt-get, and never over a wrong ISD_CHROMIUM), or `refuse` with one line saying what to install.
 */
export function plan(assessment, { isRoot, aptGet }) {
  const { chromium, missing } = assessment;
  if (missing.length === 0) return { action: 'ok', chromium: chromium.path };
  const badChoice = chromium.path === null && chromium.problem.startsWith('ISD_CHROMIUM');
  const packages = missing.map((what) => PACKAGES[what]);
  if (isRoot && aptGet && !badChoice) return { action: 'install', packages };
  const needs = missing.map((what) =>
    what === 'chromium' && badChoice ? chromium.problem : DESCRIBE[what],
  );
  return {
    action: 'refuse',
    line:
      `The e2e tests need ${needs.join(', ')}: ` +
      `install them with \`sudo apt-get install ${packages.join(' ')}\` (Debian/Ubuntu) and run again.`,
  };
}

function world() {
  return { env: process.env, pathVar: process.env.PATH, playwrightPath: playwrightChromium() };
}

function install(aptGet, packages) {
  const quiet = {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  console.log(`Installing what the e2e tests need: ${packages.join(' ')} (apt-get) …`);
  spawnSync(aptGet, ['update', '-qq'], quiet);
  const done = spawnSync(
    aptGet,
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
    quiet,
  );
  return done.status === 0;
}

/** The Chromium to drive, installing what is missing where possible; exits with one line if not. */
export function ensureTestEnv() {
  const aptGet = findOnPath('apt-get', process.env.PATH);
  const how = { isRoot: process.getuid?.() === 0, aptGet };
  let next = plan(assess(world()), how);
  if (next.action === 'install') {
    install(aptGet, next.packages);
    next = plan(assess(world()), { ...how, aptGet: null });
  }
  if (next.action === 'refuse') {
    console.error(next.line);
    process.exit(1);
  }
  return next.chromium;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chromium = ensureTestEnv();
  const [command, ...args] = process.argv.slice(2);
  if (command) {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const bin = join(root, 'node_modules', '.bin');
    const ran = spawnSync(command, args, {
      stdio: 'inherit',
      shell: process.platform === 'win32', // node_modules/.bin holds .cmd files there
      env: {
        ...process.env,
        ISD_CHROMIUM: chromium,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      },
    });
    process.exit(ran.status ?? 1);
  }
}
