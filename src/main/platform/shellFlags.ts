import { basename } from 'node:path';
import { DATA_DIR_FLAG, HELP_FLAG, parseCommandLine, type CommandLine } from './commandLine';
import { connectAddressProblem, fingerprintProblem } from './siteServer';

/** What the Electron shell allows beyond the defaults, decided once from its command line. */
export interface ShellFlags {
  /** `--dev`: DevTools and Reload (menu items, shortcuts and the DevTools themselves). */
  dev: boolean;
}

export function shellFlags(argv: readonly string[]): ShellFlags {
  return { dev: argv.includes('--dev') };
}

/** Chromium switches that change how the window is drawn, for PCs whose graphics need them. */
const DISPLAY_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--force-device-scale-factor',
  '--ozone-platform',
  '--ozone-platform-hint',
  '--enable-logging',
  '--lang',
] as const;

/** What `electron-vite dev` adds for debugging; only an unpackaged app accepts them. */
const DEBUG_SWITCHES = ['--remote-debugging-port', '--inspect', '--inspect-brk'] as const;

const FLAGS = [
  DATA_DIR_FLAG,
  {
    name: '--dev',
    help: {
      zh: '菜单中显示开发者工具和重新加载（供开发人员使用）',
      en: 'DevTools and Reload in the menu (for developers)',
    },
  },
  {
    name: '--connect',
    value: 'URL',
    help: {
      zh: '作为另一台电脑上站点服务器的工作台（如 https://192.168.1.20:8443），本机不存数据',
      en: "a desk of another PC's site server (https://192.168.1.20:8443), no data folder here",
    },
    check: connectAddressProblem,
  },
  {
    name: '--fingerprint',
    value: 'SHA256',
    help: {
      zh: '与 --connect 同用：站点服务器证书的指纹，见其设置页',
      en: "with --connect: the site server's certificate fingerprint, as its settings page shows",
    },
    check: fingerprintProblem,
  },
  HELP_FLAG,
] as const;

/**
 * The arguments meant for the app: after the executable, and when Electron runs an unpackaged
 * app (`electron . --data-dir D`), after the app's folder too. Switches before the folder are
 * Chromium's and Node's (Playwright puts `--inspect=0` there).
 */
export function appArguments(argv: readonly string[], unpackaged: boolean): string[] {
  const rest = argv.slice(1);
  if (!unpackaged) return rest;
  const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPath < 0 ? [] : rest.slice(appPath + 1);
}

/** The Electron shell's command line: `--help`, a refusal, or the flags to run with. */
export function readShellCommandLine(argv: readonly string[], unpackaged: boolean): CommandLine {
  return parseCommandLine(appArguments(argv, unpackaged), {
    program: unpackaged ? 'npm start --' : basename(argv[0] ?? 'isolation-site-desk'),
    summary: {
      zh: '隔离点协调台桌面程序。',
      en: 'Isolation Site Desk (隔离点协调台), the desktop app.',
    },
    flags: FLAGS,
    passThrough: unpackaged ? [...DISPLAY_SWITCHES, ...DEBUG_SWITCHES] : DISPLAY_SWITCHES,
  });
}
