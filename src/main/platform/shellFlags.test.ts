import { describe, expect, it } from 'vitest';
import { appArguments, readShellCommandLine } from './shellFlags';

// What Electron's process.argv looks like: `electron [switches] <app folder> [app args]` when
// unpackaged (Playwright and electron-vite put switches on both sides), `<exe> [args]` installed.
const DEV_EXE = '/x/node_modules/electron/dist/electron';
const INSTALLED =
  'C:\\Users\\t\\AppData\\Local\\Programs\\Isolation Site Desk\\Isolation Site Desk.exe';

describe('appArguments', () => {
  it('skips the executable, Chromium’s switches and the app folder of an unpackaged app', () => {
    expect(
      appArguments(
        [DEV_EXE, '--inspect=0', '--remote-debugging-port=0', '/repo', '--data-dir', '/d'],
        true,
      ),
    ).toEqual(['--data-dir', '/d']);
    expect(appArguments([DEV_EXE, '.', '--dev'], true)).toEqual(['--dev']);
    expect(appArguments([DEV_EXE], true)).toEqual([]);
  });

  it('skips only the executable of an installed app', () => {
    expect(appArguments([INSTALLED, '--data-dir', 'D:\\desk'], false)).toEqual([
      '--data-dir',
      'D:\\desk',
    ]);
    expect(appArguments([INSTALLED], false)).toEqual([]);
  });
});

describe('readShellCommandLine', () => {
  it('runs with the desk’s own flags', () => {
    expect(readShellCommandLine([INSTALLED, '--data-dir=D:\\desk', '--dev'], false)).toEqual({
      kind: 'run',
      flags: { '--data-dir': 'D:\\desk', '--dev': true },
    });
    expect(readShellCommandLine([INSTALLED], false)).toEqual({ kind: 'run', flags: {} });
  });

  it('answers --help with the Electron shell’s own flags, named after the program', () => {
    const answer = readShellCommandLine([INSTALLED, '--help'], false);
    expect(answer.kind).toBe('help');
    if (answer.kind !== 'help') return;
    expect(answer.text).toContain('Isolation Site Desk.exe [options]');
    for (const flag of ['--data-dir DIR', '--dev', '--help']) expect(answer.text).toContain(flag);
    expect(answer.text).not.toContain('--port');
    const dev = readShellCommandLine([DEV_EXE, '.', '-h'], true);
    expect(dev.kind === 'help' && dev.text.startsWith('Usage: npm start -- [options]')).toBe(true);
  });

  it('refuses what it does not know, and the browser shell’s flags', () => {
    for (const flag of ['--halp', '--port', '--demo', 'D:\\file.xlsx']) {
      expect(readShellCommandLine([INSTALLED, flag], false).kind, flag).toBe('refused');
    }
  });

  it('lets display switches through, and debugging ones only to an unpackaged app', () => {
    expect(readShellCommandLine([INSTALLED, '--no-sandbox', '--disable-gpu'], false).kind).toBe(
      'run',
    );
    expect(readShellCommandLine([INSTALLED, '--force-device-scale-factor=1.5'], false).kind).toBe(
      'run',
    );
    expect(readShellCommandLine([INSTALLED, '--remote-debugging-port=9222'], false).kind).toBe(
      'refused',
    );
    expect(readShellCommandLine([INSTALLED, '--inspect=9229'], false).kind).toBe('refused');
    // What `electron-vite dev` passes after the app folder.
    expect(
      readShellCommandLine(
        [DEV_EXE, '.', '--dev', '--remote-debugging-port=9222', '--inspect=5858', '--no-sandbox'],
        true,
      ),
    ).toEqual({ kind: 'run', flags: { '--dev': true } });
  });
});
