import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';

const ROOT = resolve(__dirname, '..');
const SHELL = join(ROOT, 'out/main/browser.js');

/** The built browser shell, as a user types it: it must answer, never start a server. */
function runBuiltShell(args: string[], home: string) {
  return spawnSync(process.execPath, [SHELL, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ISD_DATA_DIR: '', HOME: home, XDG_CONFIG_HOME: join(home, 'config') },
  });
}

test.describe('node out/main/browser.js', () => {
  let home: string | undefined;
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'browser', 'The browser shell’s own command line.');
    home = mkdtempSync(join(tmpdir(), 'isd-cli-'));
  });
  test.afterEach(() => {
    if (home) rmSync(home, { recursive: true, force: true });
    home = undefined;
  });

  test('--help prints the usage and exits 0 without touching the default data folder', () => {
    const result = runBuiltShell(['--help'], home!);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: node out/main/browser.js [options]');
    for (const flag of ['--data-dir DIR', '--port N', '--demo', '--parent-pid PID', '--help']) {
      expect(result.stdout).toContain(flag);
    }
    expect(existsSync(join(home!, 'config', 'Isolation Site Desk'))).toBe(false);
  });

  test('an unknown flag is refused with exit code 2', () => {
    const result = runBuiltShell(['--data-dr', join(home!, 'data')], home!);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown option: --data-dr');
    expect(existsSync(join(home!, 'data'))).toBe(false);
    expect(existsSync(join(home!, 'config', 'Isolation Site Desk'))).toBe(false);
  });
});
