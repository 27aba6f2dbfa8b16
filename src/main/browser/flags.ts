import { DATA_DIR_FLAG, HELP_FLAG, wholeNumber, type CommandTable } from '../platform/commandLine';

/**
 * The browser shell's command line: every flag it takes, read by the parser and by `--help`. A new
 * flag goes here, or the shell refuses it.
 */
export const BROWSER_SHELL_COMMAND: CommandTable = {
  program: 'node out/main/browser.js',
  summary: {
    zh: '在本机的浏览器中使用隔离点协调台：在 127.0.0.1 上提供服务，并显示要打开的地址。',
    en: 'Isolation Site Desk in a browser on this computer: serves the desk on 127.0.0.1 and prints the address to open.',
  },
  flags: [
    DATA_DIR_FLAG,
    {
      name: '--port',
      value: 'N',
      help: {
        zh: '监听的端口，0–65535（默认 0：任一空闲端口）',
        en: 'the port to listen on, 0–65535 (default 0: any free port)',
      },
      check: wholeNumber('--port', 0, 65535),
    },
    {
      name: '--demo',
      help: {
        zh: '使用新建的临时数据文件夹，内有演示隔离点和每个角色一个账户',
        en: 'a fresh temporary data folder with the demo site and one account per role',
      },
    },
    {
      name: '--parent-pid',
      value: 'PID',
      help: {
        zh: '该进程结束时关闭数据库并退出（供 npm start 和测试使用）',
        en: 'close the database and exit when that process ends (used by npm start and tests)',
      },
      check: wholeNumber('--parent-pid', 1, 2 ** 31 - 1),
    },
    HELP_FLAG,
  ],
};
