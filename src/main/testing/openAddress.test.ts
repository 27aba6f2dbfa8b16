import { describe, expect, it } from 'vitest';
import { openCommand, reasonNotToOpen } from '../../../scripts/open-address.mjs';

const URL_WITH_CODE = 'http://127.0.0.1:53127/#code=Zq3x-9';

describe('npm start opening the browser shell’s address', () => {
  it('opens it from a terminal', () => {
    expect(reasonNotToOpen([], {}, true)).toBeNull();
    expect(reasonNotToOpen(['--data-dir', '/d'], { HOME: '/h' }, true)).toBeNull();
  });

  it('never opens a browser under tests or CI, or when asked not to', () => {
    expect(reasonNotToOpen(['--no-open'], {}, true)).toMatch(/--no-open/);
    expect(reasonNotToOpen([], { CI: 'true' }, true)).toMatch(/CI/);
    expect(reasonNotToOpen([], { ISD_TEST_RUN: 'run-1' }, true)).toMatch(/test/);
    expect(reasonNotToOpen([], {}, false)).toMatch(/not a terminal/);
  });

  it('uses each system’s own opener, passing the address whole', () => {
    expect(openCommand('linux', URL_WITH_CODE)).toEqual({
      command: 'xdg-open',
      args: [URL_WITH_CODE],
      verbatim: false,
    });
    expect(openCommand('darwin', URL_WITH_CODE).command).toBe('open');
    const windows = openCommand('win32', URL_WITH_CODE);
    expect(windows.command).toBe('cmd.exe');
    expect(windows.args.at(-1)).toBe(`start "" "${URL_WITH_CODE}"`);
    expect(windows.verbatim).toBe(true);
  });
});
