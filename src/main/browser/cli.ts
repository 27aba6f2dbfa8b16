import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { startCore } from '../app';
import { DatabaseTooNewError } from '../db/migrate';
import { defaultUserDataDir, resolveDataDir } from '../platform/dataDir';
import { DataFolderInUseError } from '../platform/folderLock';
import { createFileLogger } from '../platform/logger';
import { seedDemo } from '../services/demoAccounts';
import { startBrowserShell } from './server';

/**
 * `node out/main/browser.js [--data-dir DIR] [--port N] [--demo]`: the app in any browser on this
 * machine. `--demo` on its own uses a fresh temporary data folder and fills it with the demo site.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const demo = argv.includes('--demo');
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes 0–65535');
  const fallback = demo ? mkdtempSync(join(tmpdir(), 'isd-demo-')) : defaultUserDataDir();
  const dataDir = resolveDataDir(argv, process.env, fallback);
  const logger = createFileLogger(dataDir);

  const core = await startCore({ dataDir, shell: 'browser', logger });
  let demoLogin = '';
  if (demo) {
    const seeded = seedDemo(core.db);
    if (seeded)
      demoLogin = `  demo accounts (password for all, this launch only: ${seeded.password}): ${seeded.usernames.join(', ')}\n`;
  }
  const shell = await startBrowserShell({
    router: core.router,
    rendererDir: join(__dirname, '../renderer'),
    port,
  });
  const readOnly = core.readOnly
    ? '  READ-ONLY: the data folder may not be written; records can be looked up, not changed\n'
    : '';
  process.stdout.write(
    `Isolation Site Desk (browser shell)\n  data: ${dataDir}\n${readOnly}${demoLogin}  open: ${shell.url}\n`,
  );

  const stop = (): void => {
    void shell.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseTooNewError || error instanceof DataFolderInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
