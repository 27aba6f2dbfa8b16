import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data folder of the portable Windows exe, in the folder the exe was started from. */
export const PORTABLE_DATA_FOLDER = 'Isolation Site Desk data';

/**
 * `--data-dir DIR`, `--data-dir=DIR`, then `ISD_DATA_DIR`, then beside the portable exe (its
 * launcher sets `PORTABLE_EXECUTABLE_DIR`; the app itself runs from a temporary folder), then the
 * shell's default.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  fallback: string,
): string {
  const index = argv.indexOf('--data-dir');
  const inline = argv.find((a) => a.startsWith('--data-dir='));
  const fromArgs = inline
    ? inline.slice('--data-dir='.length)
    : index >= 0
      ? argv[index + 1]
      : undefined;
  const portable = env.PORTABLE_EXECUTABLE_DIR
    ? join(env.PORTABLE_EXECUTABLE_DIR, PORTABLE_DATA_FOLDER)
    : undefined;
  const chosen = fromArgs || env.ISD_DATA_DIR || portable || fallback;
  return resolve(chosen);
}

export const DATABASE_FILE = 'isolation-site-desk.sqlite';

export const PRODUCT_NAME = 'Isolation Site Desk';

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, computed without Electron
 * so that the browser shell opens the same data as the desktop app.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/**
 * Takes group and other permissions off a file or folder (0700/0600 on Linux and macOS: the
 * records are personal data), keeping the owner's as they are (a write-protected folder stays
 * write-protected). Windows ignores the mode: the profile's folders are private already.
 */
export function makePrivate(path: string): void {
  if (process.platform === 'win32') return;
  try {
    const { mode } = statSync(path);
    if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
  } catch {
    // Not there (yet), or not ours to change.
  }
}

/** Creates a folder readable by its owner only, and narrows one that exists. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  makePrivate(folder);
}
