import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { startCore, type Core } from '../app';
import { DatabaseTooNewError } from '../db/migrate';
import { defaultUserDataDir, resolveDataDir } from '../platform/dataDir';
import { createFileLogger } from '../platform/logger';
import { DataFolderInUseError } from '../platform/folderLock';
import { seedDemo } from '../accounts/demoAccounts';
import { hostListenerFor } from './hostServer';
import { startBrowserShell } from './server';
import { argValue, type Shutdown } from './shutdown';

/** How long a stop waits for a running backup to finish before closing the database anyway. */
const BACKUP_WAIT_MS = 30_000;

/** A backup reads the open database: closing under it would only cost that backup, but why lose it. */
async function backupsSettled(core: Core): Promise<void> {
  await core.startupBackup;
  const until = Date.now() + BACKUP_WAIT_MS;
  while (core.backups.busy && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

async function start(
  argv: readonly string[],
  rendererDir: string,
  shutdown: Shutdown,
): Promise<void> {
  const demo = argv.includes('--demo');
  const port = Number(argValue(argv, '--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes 0–65535');
  // Stopped before anything was opened: nothing to close.
  if (shutdown.requested) process.exit(0);
  const fallback = demo ? mkdtempSync(join(tmpdir(), 'isd-demo-')) : defaultUserDataDir();
  const dataDir = resolveDataDir([...argv], process.env, fallback);
  const logger = createFileLogger(dataDir);

  const core = await startCore({
    dataDir,
    shell: 'browser',
    logger,
    hostListener: hostListenerFor(rendererDir),
  });
  let shell: Awaited<ReturnType<typeof startBrowserShell>> | null = null;
  // From here on a stop closes the core cleanly, whenever it comes (even before the server listens).
  shutdown.onStop(async () => {
    await shell?.close();
    await core.host.close();
    await backupsSettled(core);
    core.close();
  });
  if (shutdown.requested) return;

  let demoLogin = '';
  if (demo) {
    const seeded = seedDemo(core.db);
    if (seeded)
      demoLogin = `  demo accounts (password for all, this launch only: ${seeded.password}): ${seeded.usernames.join(', ')}\n`;
  }
  const listening = await startBrowserShell({
    router: core.router,
    changes: core.changes,
    rendererDir,
    port,
  });
  shell = listening;
  if (shutdown.requested) return void listening.close();
  const readOnly = core.readOnly
    ? '  READ-ONLY: the data folder may not be written; records can be looked up, not changed\n'
    : '';
  process.stdout.write(
    `Isolation Site Desk (browser shell)\n  data: ${dataDir}\n${readOnly}${demoLogin}  open: ${listening.url}\n`,
  );
  if (process.stdin.isTTY) {
    // The printed address works once, for a minute: Enter prints a fresh one.
    process.stdout.write(
      '  (each address opens the desk once, within a minute; press Enter for a new one)\n',
    );
    process.stdin.on('data', () => process.stdout.write(`  open: ${listening.newAddress()}\n`));
  }
}

/** Starts the browser shell; `shutdown` was installed by the entry before this module loaded. */
export function runBrowserShell(
  argv: readonly string[],
  rendererDir: string,
  shutdown: Shutdown,
): Promise<void> {
  return start(argv, rendererDir, shutdown).catch((error: unknown) => {
    if (error instanceof DatabaseTooNewError || error instanceof DataFolderInUseError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}
