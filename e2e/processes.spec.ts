import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/main/db/open';
import { DATABASE_FILE } from '../src/main/platform/dataDir';
import { startShellProcess } from '../src/main/testing/shellProcess';
import { exitOf } from '../src/main/testing/stopChild';
import { expect, openBrowserDesk, test } from './fixtures';

const ROOT = resolve(__dirname, '..');
const SHELL = join(ROOT, 'out/main/browser.js');

/** Pids of running processes whose command line mentions `text` (a run's unique data folder). */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue; // exited, waiting to be reaped
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until no process mentions `text`; returns those still there. */
async function settle(text: string, ms = 5_000): Promise<number[]> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(100)) {
    if (processesMentioning(text).length === 0) return [];
  }
  return processesMentioning(text);
}

/** A database file closed cleanly: no log or shared-memory file beside it, and it checks out. */
function expectClosedCleanly(dataDir: string): void {
  const file = join(dataDir, DATABASE_FILE);
  expect(existsSync(file)).toBe(true);
  expect(existsSync(`${file}-wal`), 'a -wal file was left').toBe(false);
  expect(existsSync(`${file}-shm`), 'a -shm file was left').toBe(false);
  const db = openDatabase(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

test.describe('processes a test starts', () => {
  let dataDir: string;
  // eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures destructured
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'browser', 'About the browser shell process.');
    test.skip(!existsSync('/proc'), 'Finds processes through /proc.');
    dataDir = mkdtempSync(join(tmpdir(), 'isd-e2e-proc-'));
  });
  test.afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a Chromium that cannot start leaves no server of its run behind', async () => {
    const missing = join(dataDir, 'no-such-chromium');
    await expect(openBrowserDesk(dataDir, { executablePath: missing })).rejects.toThrow();
    // The server did start (it made the database), and it was stopped and closed it cleanly.
    expect(processesMentioning(dataDir)).toEqual([]);
    expectClosedCleanly(dataDir);
  });

  test('the browser shell stops by itself when the process that started it is killed', async () => {
    // A stand-in for a test runner: starts the shell as the fixtures do, then is SIGKILLed.
    const runner = spawn(
      process.execPath,
      [
        '-e',
        `const { spawn } = require('node:child_process');
         const { SHELL, DATA_DIR } = process.env;
         const args = [SHELL, '--data-dir', DATA_DIR, '--port', '0', '--parent-pid', String(process.pid)];
         const shell = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
         shell.stdout.on('data', (d) => { if (String(d).includes('open: ')) console.log('up'); });`,
      ],
      // Through the environment, so only the shell's own command line names the data folder.
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SHELL, DATA_DIR: dataDir } },
    );
    try {
      await new Promise<void>((done, fail) => {
        runner.stdout!.on('data', (d: Buffer) => String(d).includes('up') && done());
        runner.once('exit', () => fail(new Error('The stand-in runner ended early')));
      });
      expect(processesMentioning(dataDir)).toHaveLength(1);
      runner.kill('SIGKILL');
      await exitOf(runner);
      expect(await settle(dataDir)).toEqual([]);
      expectClosedCleanly(dataDir);
    } finally {
      runner.kill('SIGKILL');
      for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    }
  });

  test('SIGTERM at any moment of start-up ends the shell cleanly, never with the file open', async () => {
    test.setTimeout(180_000);
    // An existing database, so start-up also opens, migrates and backs it up.
    const first = await startShellProcess(ROOT, dataDir);
    await first.stop();
    expect(first.child.exitCode).toBe(0);
    const file = join(dataDir, DATABASE_FILE);

    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const child = spawn(process.execPath, [SHELL, '--data-dir', dataDir, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let printed = false;
      child.stdout!.on('data', () => (printed = true));
      child.stderr!.resume();
      const before = statSync(file).mtimeMs;
      // Rounds 0–14 spread the signal over the first ~1.5 s; the rest send it on the first output.
      if (round < 15) await sleep(round * 100);
      else await new Promise((done) => child.stdout!.once('data', done));
      child.kill('SIGTERM');
      await exitOf(child);
      const how = child.signalCode ?? child.exitCode;
      outcomes.push(`${round}:${how}${printed ? ':printed' : ''}`);
      if (how !== 0) {
        // Only Node's own start-up, before any line of the shell ran, may end by the signal,
        // and then nothing was opened.
        expect(how, outcomes.join(' ')).toBe('SIGTERM');
        expect(printed).toBe(false);
        expect(statSync(file).mtimeMs).toBe(before);
      }
      expect(existsSync(`${file}-wal`), outcomes.join(' ')).toBe(false);
      expect(existsSync(`${file}-shm`), outcomes.join(' ')).toBe(false);
    }
    // Most rounds did reach the shell's own code (else the test would prove little).
    expect(outcomes.filter((o) => /:0(:|$)/.test(o)).length, outcomes.join(' ')).toBeGreaterThan(
      10,
    );
    expect(
      outcomes.some((o) => o.endsWith(':printed')),
      outcomes.join(' '),
    ).toBe(true);
    expectClosedCleanly(dataDir);
  });
});
