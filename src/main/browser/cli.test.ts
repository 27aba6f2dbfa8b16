import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_ENV, bundleForNode } from '../testing/nodeBundle';
import { stopChild } from '../testing/stopChild';
import { makeTempDir } from '../testing/tempDb';
import { USAGE_EXIT_CODE } from '../platform/commandLine';
import { BROWSER_SHELL_COMMAND } from './flags';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The browser shell's entry, built as `node out/main/browser.js` is, run as a child process. */
describe('the browser shell’s command line', () => {
  const temp = makeTempDir();
  // Where the shell would open its data if it started: it must stay absent for --help and refusals.
  const dataDir = join(temp.dir, 'data');
  const env = { ...BUNDLE_ENV, ISD_DATA_DIR: dataDir, HOME: temp.dir, XDG_CONFIG_HOME: temp.dir };
  let entry: string;

  beforeAll(async () => {
    entry = await bundleForNode(join(__dirname, 'cli.ts'), join(temp.dir, 'out'), 'browser.js');
  }, 60_000);
  afterAll(() => temp.remove());

  function runShell(args: string[]): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [entry, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // A shell that started a server instead of answering is stopped, and the test fails.
      const timer = setTimeout(() => void stopChild(child), 15_000);
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('prints its usage for --help and exits 0 without opening any data', async () => {
    const { code, stdout, stderr } = await runShell(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: node out\/main\/browser\.js \[options\]/);
    for (const flag of BROWSER_SHELL_COMMAND.flags) expect(stdout).toContain(flag.name);
    expect(existsSync(dataDir)).toBe(false);
    expect((await runShell(['--data-dir', dataDir, '-h'])).code).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an unknown flag with a clear message and exit code 2', async () => {
    const { code, stdout, stderr } = await runShell(['--demo', '--hepl']);
    expect(code).toBe(USAGE_EXIT_CODE);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown option: --hepl');
    expect(stderr).toContain('Run with --help');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a bad value before anything starts', async () => {
    const port = await runShell(['--port', '99999']);
    expect(port.code).toBe(USAGE_EXIT_CODE);
    expect(port.stderr).toContain('--port takes a whole number from 0 to 65535, not 99999');
    const pid = await runShell(['--parent-pid', 'me']);
    expect(pid.code).toBe(USAGE_EXIT_CODE);
    expect(pid.stderr).toContain('--parent-pid');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('starts on the folder given as --data-dir=DIR', async () => {
    const chosen = join(temp.dir, 'chosen');
    const child = spawn(
      process.execPath,
      [entry, `--data-dir=${chosen}`, '--port=0', `--parent-pid=${process.pid}`],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`No address printed: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('open: http')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        child.once('exit', (code) => reject(new Error(`Exited with ${code}: ${out}`)));
      });
      expect(printed).toContain(`data: ${chosen}\n`);
      expect(printed).toMatch(/open: http:\/\/127\.0\.0\.1:\d+\//);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await stopChild(child);
    }
  }, 40_000);
});
