import { describe, expect, it } from 'vitest';
import { BROWSER_SHELL_COMMAND } from '../browser/flags';
import { argsOf, parseCommandLine, usage, USAGE_EXIT_CODE, type CommandTable } from './commandLine';

const run = (args: string[], table: CommandTable = BROWSER_SHELL_COMMAND) =>
  parseCommandLine(args, table);

describe('parseCommandLine (browser shell table)', () => {
  it('reads values in both spellings, and switches', () => {
    expect(run(['--data-dir', '/d', '--port=8080', '--demo'])).toEqual({
      kind: 'run',
      flags: { '--data-dir': '/d', '--port': '8080', '--demo': true },
    });
    expect(run(['--data-dir=/a=b'])).toEqual({ kind: 'run', flags: { '--data-dir': '/a=b' } });
    expect(run([])).toEqual({ kind: 'run', flags: {} });
  });

  it('answers --help and -h with the usage, wherever they stand', () => {
    for (const args of [['--help'], ['-h'], ['--port', '1', '--help'], ['--bogus', '--help']]) {
      const answer = run(args);
      expect(answer.kind, args.join(' ')).toBe('help');
    }
  });

  it('refuses an unknown flag, naming it', () => {
    const answer = run(['--data-dir', '/d', '--halp']);
    expect(answer).toMatchObject({ kind: 'refused' });
    if (answer.kind === 'refused') {
      // Chinese first, then English: the desk's language is not known before its data is opened.
      expect(answer.message.split('\n')).toEqual([
        '未知选项：--halp',
        '运行时加 --help 可查看全部选项。',
        'Unknown option: --halp',
        'Run with --help to see the options.',
      ]);
    }
    expect(run(['--Demo'])).toMatchObject({ kind: 'refused' });
    expect(run(['-d'])).toMatchObject({ kind: 'refused', message: /Unknown option: -d/ });
    expect(run(['--hostname=x'])).toMatchObject({ message: /Unknown option: --hostname\n/ });
  });

  it('refuses a stray argument', () => {
    expect(run(['D:\\data'])).toMatchObject({ kind: 'refused', message: /Unexpected argument/ });
  });

  it('refuses a flag missing its value, and a value given to a switch', () => {
    expect(run(['--data-dir'])).toMatchObject({
      message: /--data-dir needs a value: --data-dir DIR/,
    });
    expect(run(['--data-dir='])).toMatchObject({ kind: 'refused' });
    expect(run(['--data-dir', '--demo'])).toMatchObject({ kind: 'refused' });
    expect(run(['--demo=yes'])).toMatchObject({ message: /--demo takes no value/ });
  });

  it('checks the values the table checks', () => {
    expect(run(['--port', '70000'])).toMatchObject({ message: /--port takes a whole number/ });
    expect(run(['--port', '70000'])).toMatchObject({
      message: /^--port 应为 0 到 65535 之间的整数，而不是 70000\n/,
    });
    expect(run(['--port', '-1'])).toMatchObject({ kind: 'refused' });
    expect(run(['--port', '80.5'])).toMatchObject({ kind: 'refused' });
    expect(run(['--port', '65535'])).toMatchObject({ kind: 'run' });
    expect(run(['--parent-pid', '0'])).toMatchObject({ kind: 'refused' });
    expect(run(['--parent-pid=abc'])).toMatchObject({ kind: 'refused' });
    expect(run(['--parent-pid', '4242'])).toMatchObject({ kind: 'run' });
  });

  it('lets the runtime’s own switches through, and only those', () => {
    const table: CommandTable = { ...BROWSER_SHELL_COMMAND, passThrough: ['--no-sandbox'] };
    expect(run(['--no-sandbox', '--demo'], table)).toEqual({
      kind: 'run',
      flags: { '--demo': true },
    });
    expect(run(['--no-sandboxes'], table)).toMatchObject({ kind: 'refused' });
  });

  it('passes the flags on in one spelling', () => {
    const answer = run(['--port=0', '--data-dir=/d', '--demo']);
    expect(answer.kind).toBe('run');
    if (answer.kind !== 'run') return;
    expect(argsOf(answer.flags)).toEqual(['--port', '0', '--data-dir', '/d', '--demo']);
    expect(run(argsOf(answer.flags))).toEqual(answer);
  });

  it('exits a refusal with the usual usage-error code', () => {
    expect(USAGE_EXIT_CODE).toBe(2);
  });
});

describe('usage', () => {
  it('lists every flag of the table, with what it takes, and nothing else', () => {
    const text = usage(BROWSER_SHELL_COMMAND);
    expect(text.startsWith(`Usage: ${BROWSER_SHELL_COMMAND.program} [options]\n`)).toBe(true);
    const listed = text
      .split('\n')
      .filter((line) => line.startsWith('  --'))
      .map((line) => line.trim().split(/\s{2,}/)[0]);
    expect(listed).toEqual(
      BROWSER_SHELL_COMMAND.flags.map((f) => (f.value ? `${f.name} ${f.value}` : f.name)),
    );
    // Each flag's line in Chinese, then its English line under it.
    const lines = text.split('\n');
    const port = lines.findIndex((line) => line.startsWith('  --port N'));
    expect(lines[port]).toContain('监听的端口');
    expect(lines[port + 1]).toMatch(/^\s+the port to listen on/);
    expect(text).toContain('用法：node out/main/browser.js [选项]');
    // Every flag the usage lists is one the parser takes.
    for (const flag of BROWSER_SHELL_COMMAND.flags) {
      const args = flag.value ? [flag.name, flag.name === '--data-dir' ? '/d' : '1'] : [flag.name];
      expect(run(args).kind, flag.name).toBe(flag.name === '--help' ? 'help' : 'run');
    }
  });
});
