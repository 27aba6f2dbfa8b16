/**
 * One table of command-line flags per shell, read by both the parser and the usage text, so that
 * `--help` never lists a flag the shell would refuse, nor misses one it takes. Plain Node: the
 * browser shell and the Electron shell both use it.
 */

/**
 * What the command line says, in both of the desk's languages: it is read before the data folder,
 * and so the desk's chosen language, is opened (and a Windows box shows it to a coordinator).
 */
export interface Said {
  zh: string;
  en: string;
}

/** Chinese first, then English, a line each. */
export const inBoth = (said: Said): string => `${said.zh}\n${said.en}`;

export interface FlagSpec {
  name: `--${string}`;
  /** What the flag takes (`DIR`, `N`); absent for a switch. */
  value?: string;
  help: Said;
  /** Why a value is refused (`--port takes 0–65535`), or null when it is fine. */
  check?: (value: string) => Said | null;
}

export interface CommandTable {
  /** How the program is started, e.g. `node out/main/browser.js`. */
  program: string;
  summary: Said;
  flags: readonly FlagSpec[];
  /** Switches the runtime (Chromium, Node) handles itself: let through, never refused. */
  passThrough?: readonly `--${string}`[];
}

export type CommandLine =
  | { kind: 'run'; flags: Readonly<Record<string, string | true>> }
  | { kind: 'help'; text: string }
  | { kind: 'refused'; message: string };

/** Exit code of a refused command line (as for a usage error in most tools). */
export const USAGE_EXIT_CODE = 2;

export const HELP_FLAG: FlagSpec = {
  name: '--help',
  help: { zh: '显示本说明后退出（也可用 -h）', en: 'print this help and exit (also -h)' },
};

export const DATA_DIR_FLAG: FlagSpec = {
  name: '--data-dir',
  value: 'DIR',
  help: {
    zh: '数据文件夹（默认：环境变量 ISD_DATA_DIR，否则为本用户的数据文件夹）',
    en: 'the data folder (default: ISD_DATA_DIR, else the per-user folder)',
  },
};

export function usage(table: CommandTable): string {
  const left = (flag: FlagSpec) => (flag.value ? `${flag.name} ${flag.value}` : flag.name);
  const width = Math.max(...table.flags.map((flag) => left(flag).length));
  const lines = [
    `Usage: ${table.program} [options]`,
    `用法：${table.program} [选项]`,
    '',
    inBoth(table.summary),
    '',
    '选项 Options:',
    ...table.flags.flatMap((flag) => [
      `  ${left(flag).padEnd(width)}  ${flag.help.zh}`,
      `  ${''.padEnd(width)}  ${flag.help.en}`,
    ]),
  ];
  if (table.passThrough?.length) {
    const switches = table.passThrough.join(', ');
    lines.push('', `由运行环境自行处理 Handled by the runtime itself: ${switches}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reads `args` (the arguments after the program) against the table: `--name value` and
 * `--name=value` for flags that take a value, bare `--name` for switches. `--help` or `-h` anywhere
 * asks for the usage; anything the table does not know is refused, naming it.
 */
export function parseCommandLine(args: readonly string[], table: CommandTable): CommandLine {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help', text: usage(table) };
  const refuse = (why: Said): CommandLine => ({
    kind: 'refused',
    message: inBoth({
      zh: `${why.zh}\n运行时加 --help 可查看全部选项。`,
      en: `${why.en}\nRun with --help to see the options.`,
    }),
  });
  const flags: Record<string, string | true> = {};
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (table.passThrough?.some((known) => known === name)) continue;
    const spec = table.flags.find((flag) => flag.name === name);
    if (!spec) {
      return refuse(
        arg.startsWith('-')
          ? { zh: `未知选项：${name}`, en: `Unknown option: ${name}` }
          : { zh: `多余的参数：${arg}`, en: `Unexpected argument: ${arg}` },
      );
    }
    if (!spec.value) {
      if (equals > 0) return refuse({ zh: `${name} 后面不带值`, en: `${name} takes no value` });
      flags[name] = true;
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : args[++at];
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) {
      const form = `${name} ${spec.value}`;
      return refuse({ zh: `${name} 需要一个值：${form}`, en: `${name} needs a value: ${form}` });
    }
    const wrong = spec.check?.(value);
    if (wrong) return refuse(wrong);
    flags[name] = value;
  }
  return { kind: 'run', flags };
}

/** The flags read back as `--name value` / `--name` arguments: one spelling for whoever reads argv. */
export function argsOf(flags: Readonly<Record<string, string | true>>): string[] {
  return Object.entries(flags).flatMap(([name, value]) =>
    value === true ? [name] : [name, value],
  );
}

/** A check for flags that take a whole number between `min` and `max`. */
export const wholeNumber =
  (name: string, min: number, max: number) =>
  (value: string): Said | null =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
      ? null
      : {
          zh: `${name} 应为 ${min} 到 ${max} 之间的整数，而不是 ${value}`,
          en: `${name} takes a whole number from ${min} to ${max}, not ${value}`,
        };
