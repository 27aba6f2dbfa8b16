import { DATA_DIR_FLAG, HELP_FLAG, wholeNumber, type CommandTable } from '../platform/commandLine';

/**
 * The browser shell's command line: every flag it takes, read by the parser and by `--help`. A new
 * flag goes here, or the shell refuses it.
 */
export const BROWSER_SHELL_COMMAND: CommandTable = {
  program: 'node out/main/browser.js',
  summary:
    'Isolation Site Desk in a browser on this computer: serves the desk on 127.0.0.1 and prints the address to open.',
  flags: [
    DATA_DIR_FLAG,
    {
      name: '--port',
      value: 'N',
      help: 'the port to listen on, 0–65535 (default 0: any free port)',
      check: wholeNumber('--port', 0, 65535),
    },
    {
      name: '--demo',
      help: 'a fresh temporary data folder with the demo site and one account per role',
    },
    {
      name: '--parent-pid',
      value: 'PID',
      help: 'close the database and exit when that process ends (used by npm start and tests)',
      check: wholeNumber('--parent-pid', 1, 2 ** 31 - 1),
    },
    HELP_FLAG,
  ],
};
