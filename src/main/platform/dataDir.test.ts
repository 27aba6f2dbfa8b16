import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productName } from '../../../package.json';
import {
  DATABASE_FILE,
  PORTABLE_DATA_FOLDER,
  PRODUCT_NAME,
  defaultUserDataDir,
  resolveDataDir,
} from './dataDir';

const FALLBACK = resolve('/fallback/dir');
const ENV_DIR = resolve('/from/env');
const ARG_DIR = resolve('/from/args');

describe('resolveDataDir', () => {
  it('takes --data-dir DIR', () => {
    expect(resolveDataDir(['--data-dir', ARG_DIR], {}, FALLBACK)).toBe(ARG_DIR);
    expect(resolveDataDir(['--demo', '--data-dir', ARG_DIR, '--port', '0'], {}, FALLBACK)).toBe(
      ARG_DIR,
    );
  });

  it('takes --data-dir=DIR', () => {
    expect(resolveDataDir([`--data-dir=${ARG_DIR}`], {}, FALLBACK)).toBe(ARG_DIR);
    expect(resolveDataDir(['--demo', `--data-dir=${ARG_DIR}`], {}, FALLBACK)).toBe(ARG_DIR);
  });

  it('keeps an = inside the folder name', () => {
    expect(resolveDataDir([`--data-dir=${ARG_DIR}=x`], {}, FALLBACK)).toBe(`${ARG_DIR}=x`);
  });

  it('takes ISD_DATA_DIR when no argument names a folder', () => {
    expect(resolveDataDir([], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(ENV_DIR);
    expect(resolveDataDir(['--demo'], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(ENV_DIR);
  });

  it('falls back when neither is given', () => {
    expect(resolveDataDir([], {}, FALLBACK)).toBe(FALLBACK);
    expect(resolveDataDir(['--demo'], { OTHER: ENV_DIR }, FALLBACK)).toBe(FALLBACK);
  });

  it('treats empty values as not given', () => {
    expect(resolveDataDir([], { ISD_DATA_DIR: '' }, FALLBACK)).toBe(FALLBACK);
    expect(resolveDataDir(['--data-dir='], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(ENV_DIR);
    expect(resolveDataDir(['--data-dir'], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(ENV_DIR);
    expect(resolveDataDir(['--data-dir'], {}, FALLBACK)).toBe(FALLBACK);
  });

  it('lets arguments beat the environment', () => {
    expect(resolveDataDir(['--data-dir', ARG_DIR], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(
      ARG_DIR,
    );
    expect(resolveDataDir([`--data-dir=${ARG_DIR}`], { ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(
      ARG_DIR,
    );
  });

  it('always answers an absolute path, resolved against the working directory', () => {
    for (const result of [
      resolveDataDir(['--data-dir', 'rel/a'], {}, FALLBACK),
      resolveDataDir(['--data-dir=rel/b'], {}, FALLBACK),
      resolveDataDir([], { ISD_DATA_DIR: 'rel/c' }, FALLBACK),
      resolveDataDir([], {}, 'rel/d'),
    ]) {
      expect(isAbsolute(result), result).toBe(true);
    }
    expect(resolveDataDir(['--data-dir', 'rel/a'], {}, FALLBACK)).toBe(
      join(process.cwd(), 'rel', 'a'),
    );
    expect(resolveDataDir([], { ISD_DATA_DIR: 'rel/c' }, FALLBACK)).toBe(
      join(process.cwd(), 'rel', 'c'),
    );
    expect(resolveDataDir([], {}, 'rel/d')).toBe(join(process.cwd(), 'rel', 'd'));
  });

  describe('the portable exe', () => {
    const EXE_DIR = resolve('/usb/desk');
    const portable = { PORTABLE_EXECUTABLE_DIR: EXE_DIR };

    it('keeps its data in a folder beside the exe', () => {
      const chosen = resolveDataDir([], portable, FALLBACK);
      expect(chosen).toBe(join(EXE_DIR, PORTABLE_DATA_FOLDER));
      expect(chosen.startsWith(EXE_DIR)).toBe(true);
      expect(resolveDataDir(['--dev'], portable, FALLBACK)).toBe(chosen);
    });

    it('gives way to --data-dir and ISD_DATA_DIR', () => {
      expect(resolveDataDir(['--data-dir', ARG_DIR], portable, FALLBACK)).toBe(ARG_DIR);
      expect(resolveDataDir([], { ...portable, ISD_DATA_DIR: ENV_DIR }, FALLBACK)).toBe(ENV_DIR);
    });

    it('is not in play when the launcher did not set the variable', () => {
      expect(resolveDataDir([], { PORTABLE_EXECUTABLE_DIR: '' }, FALLBACK)).toBe(FALLBACK);
    });
  });

  it('does not read process.env by itself', () => {
    const saved = process.env.ISD_DATA_DIR;
    process.env.ISD_DATA_DIR = ENV_DIR;
    try {
      expect(resolveDataDir([], {}, FALLBACK)).toBe(FALLBACK);
    } finally {
      if (saved === undefined) delete process.env.ISD_DATA_DIR;
      else process.env.ISD_DATA_DIR = saved;
    }
  });
});

describe('defaultUserDataDir', () => {
  const HOME = '/home/tester';

  it('uses APPDATA on Windows', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\t\\AppData\\Roaming' }, HOME)).toBe(
      join('C:\\Users\\t\\AppData\\Roaming', PRODUCT_NAME),
    );
  });

  it('falls back to <home>/AppData/Roaming on Windows without APPDATA', () => {
    expect(defaultUserDataDir('win32', {}, HOME)).toBe(
      join(HOME, 'AppData', 'Roaming', PRODUCT_NAME),
    );
    expect(defaultUserDataDir('win32', { APPDATA: '' }, HOME)).toBe(
      join(HOME, 'AppData', 'Roaming', PRODUCT_NAME),
    );
  });

  it('uses ~/Library/Application Support on macOS, whatever the environment says', () => {
    expect(defaultUserDataDir('darwin', {}, HOME)).toBe(
      join(HOME, 'Library', 'Application Support', PRODUCT_NAME),
    );
    expect(
      defaultUserDataDir('darwin', { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' }, HOME),
    ).toBe(join(HOME, 'Library', 'Application Support', PRODUCT_NAME));
  });

  it('uses XDG_CONFIG_HOME on Linux', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg/config' }, HOME)).toBe(
      join('/xdg/config', PRODUCT_NAME),
    );
  });

  it('falls back to ~/.config on Linux without XDG_CONFIG_HOME', () => {
    expect(defaultUserDataDir('linux', {}, HOME)).toBe(join(HOME, '.config', PRODUCT_NAME));
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '' }, HOME)).toBe(
      join(HOME, '.config', PRODUCT_NAME),
    );
    expect(defaultUserDataDir('linux', { APPDATA: '/appdata' }, HOME)).toBe(
      join(HOME, '.config', PRODUCT_NAME),
    );
  });

  it('names the folder as Electron names userData: after package.json’s productName', () => {
    expect(PRODUCT_NAME).toBe('Isolation Site Desk');
    expect(PRODUCT_NAME).toBe(productName);
    expect(DATABASE_FILE).toBe('isolation-site-desk.sqlite');
  });

  it('defaults to this process’s platform, environment and home', () => {
    expect(defaultUserDataDir()).toBe(defaultUserDataDir(process.platform, process.env, homedir()));
    expect(defaultUserDataDir().endsWith(PRODUCT_NAME)).toBe(true);
  });
});
