import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processesMarked } from '../../../scripts/leftovers.mjs';
import {
  assess,
  chooseChromium,
  hasCjkFont,
  plan,
  type Assessment,
} from '../../../scripts/test-env.mjs';
import { exitOf } from './stopChild';
import { makeTempDir } from './tempDb';

const SCRIPT = resolve(__dirname, '../../../scripts/test-env.mjs');

describe('scripts/test-env.mjs: what the e2e tests need from the machine', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  /** An executable shell script at dir/name that prints `output`. */
  const tool = (dir: string, name: string, output = ''): string => {
    mkdirSync(join(temp.dir, dir), { recursive: true });
    const path = join(temp.dir, dir, name);
    writeFileSync(path, `#!/bin/sh\nprintf '%s' '${output}'\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const pathOf = (...dirs: string[]) => dirs.map((d) => join(temp.dir, d)).join(delimiter);
  const world = (pathVar: string, env: Record<string, string> = {}, playwrightPath = null) => ({
    env,
    pathVar,
    playwrightPath: playwrightPath as string | null,
    fontFiles: [] as string[],
  });

  describe('which Chromium', () => {
    it('takes ISD_CHROMIUM first, over a system Chromium', () => {
      const mine = tool('opt', 'my-chrome');
      tool('bin', 'chromium');
      expect(chooseChromium(world(pathOf('bin'), { ISD_CHROMIUM: mine }))).toEqual({
        path: mine,
        source: 'ISD_CHROMIUM',
      });
    });

    it('reports a wrong ISD_CHROMIUM instead of quietly using another browser', () => {
      tool('bin', 'chromium');
      const notExecutable = join(temp.dir, 'plain-file');
      writeFileSync(notExecutable, 'not a program');
      for (const wrong of [join(temp.dir, 'missing'), notExecutable, temp.dir]) {
        expect(chooseChromium(world(pathOf('bin'), { ISD_CHROMIUM: wrong }))).toEqual({
          path: null,
          problem: `ISD_CHROMIUM=${wrong} is not an executable file`,
        });
      }
    });

    it('prefers chromium over Chrome whatever the PATH order, and skips what is not a program', () => {
      const chrome = tool('a', 'google-chrome');
      mkdirSync(join(temp.dir, 'b', 'chromium'), { recursive: true }); // a folder, not a program
      expect(chooseChromium(world(pathOf('a', 'b')))).toEqual({ path: chrome, source: 'system' });
      const chromium = tool('c', 'chromium');
      expect(chooseChromium(world(pathOf('a', 'b', 'c')))).toEqual({
        path: chromium,
        source: 'system',
      });
    });

    it("falls back to Playwright's own browser only when it is really there", () => {
      const own = tool('ms-playwright', 'chrome');
      expect(chooseChromium(world(pathOf('empty'), {}, own as never))).toEqual({
        path: own,
        source: 'playwright',
      });
      expect(
        chooseChromium(world(pathOf('empty'), {}, join(temp.dir, 'gone', 'chrome') as never)),
      ).toEqual({ path: null, problem: 'no Chromium or Chrome' });
    });
  });

  describe('fonts and pdftotext', () => {
    it('asks fc-list for Chinese fonts, else looks for the font files', () => {
      tool('with', 'fc-list', 'Noto Sans CJK SC');
      tool('without', 'fc-list', '');
      expect(hasCjkFont({ pathVar: pathOf('with'), fontFiles: [] })).toBe(true);
      expect(hasCjkFont({ pathVar: pathOf('without'), fontFiles: [] })).toBe(false);
      const font = join(temp.dir, 'NotoSansCJK-Regular.ttc');
      writeFileSync(font, '');
      expect(hasCjkFont({ pathVar: pathOf('none'), fontFiles: [font] })).toBe(true);
      expect(hasCjkFont({ pathVar: pathOf('none'), fontFiles: [`${font}.missing`] })).toBe(false);
    });

    it('lists exactly what is missing', () => {
      tool('bin', 'chromium');
      tool('bin', 'fc-list', 'Noto Sans CJK SC');
      expect(assess(world(pathOf('bin'))).missing).toEqual(['pdftotext']);
      tool('bin', 'pdftotext');
      expect(assess(world(pathOf('bin')))).toEqual({
        chromium: { path: join(temp.dir, 'bin', 'chromium'), source: 'system' },
        missing: [],
      });
      expect(assess(world(pathOf('empty'))).missing).toEqual(['chromium', 'cjkFonts', 'pdftotext']);
    });
  });

  describe('what to do', () => {
    const nothing: Assessment = {
      chromium: { path: null, problem: 'no Chromium or Chrome' },
      missing: ['chromium', 'cjkFonts', 'pdftotext'],
    };
    const root = { isRoot: true, aptGet: '/usr/bin/apt-get' };

    it('goes ahead with the Chromium found when nothing is missing', () => {
      const ready: Assessment = {
        chromium: { path: '/x/chromium', source: 'system' },
        missing: [],
      };
      expect(plan(ready, { isRoot: false, aptGet: null })).toEqual({
        action: 'ok',
        chromium: '/x/chromium',
      });
    });

    it('installs the Debian packages for what is missing, as root with apt-get', () => {
      expect(plan(nothing, root)).toEqual({
        action: 'install',
        packages: ['chromium', 'fonts-noto-cjk', 'poppler-utils'],
      });
      const noPdf: Assessment = {
        chromium: { path: '/x/chromium', source: 'system' },
        missing: ['pdftotext'],
      };
      expect(plan(noPdf, root)).toEqual({ action: 'install', packages: ['poppler-utils'] });
    });

    it('otherwise refuses with one line naming what to install', () => {
      for (const how of [
        { isRoot: false, aptGet: '/usr/bin/apt-get' },
        { isRoot: true, aptGet: null },
      ]) {
        const refused = plan(nothing, how);
        expect(refused.action).toBe('refuse');
        const line = (refused as { line: string }).line;
        expect(line).not.toContain('\n');
        expect(line).toContain('Chromium or Chrome (or ISD_CHROMIUM=/path/to/chrome)');
        expect(line).toContain('sudo apt-get install chromium fonts-noto-cjk poppler-utils');
      }
    });

    it('never installs over a wrong ISD_CHROMIUM: it says which setting is wrong', () => {
      const wrong: Assessment = {
        chromium: { path: null, problem: 'ISD_CHROMIUM=/nope is not an executable file' },
        missing: ['chromium'],
      };
      const refused = plan(wrong, root);
      expect(refused).toEqual({
        action: 'refuse',
        line:
          'The e2e tests need ISD_CHROMIUM=/nope is not an executable file: install them with ' +
          '`sudo apt-get install chromium` (Debian/Ubuntu) and run again.',
      });
    });
  });

  describe('as a command', () => {
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, [SCRIPT, ...args], {
        encoding: 'utf8',
        env: { HOME: temp.dir, ...env },
        timeout: 30_000,
      });

    it('stops at once with one line where nothing can be installed', () => {
      // No apt-get on this PATH, and no browser or pdftotext either.
      const done = run([], { PATH: pathOf('empty') });
      expect(done.status).toBe(1);
      expect(done.stdout).toBe('');
      const lines = done.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^The e2e tests need Chromium or Chrome .*pdftotext: install them/);
    });

    it('runs the command it is given with ISD_CHROMIUM set to the browser it found', () => {
      const chromium = tool('bin', 'chromium');
      tool('bin', 'pdftotext');
      tool('bin', 'fc-list', 'Noto Sans CJK SC');
      const done = run([process.execPath, '-e', 'console.log(process.env.ISD_CHROMIUM)'], {
        PATH: pathOf('bin'),
      });
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      expect(done.stdout.trim()).toBe(chromium);
    });
  });
});

describe('scripts/leftovers.mjs: what a test run left running', () => {
  it.skipIf(!existsSync('/proc'))(
    'finds a live process by the run marker, and not once it is gone',
    async () => {
      const marker = `test-${process.pid}-${Date.now()}`;
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
        env: { ...process.env, ISD_TEST_RUN: marker },
        stdio: 'ignore',
      });
      try {
        await new Promise((r) => child.once('spawn', r));
        expect(processesMarked(marker)?.map((p) => p.pid)).toEqual([child.pid]);
        expect(processesMarked('another-run')).toEqual([]);
      } finally {
        child.kill('SIGKILL');
        await exitOf(child);
      }
      expect(processesMarked(marker)).toEqual([]);
    },
  );
});
