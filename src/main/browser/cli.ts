import { join } from 'node:path';
import { argValue, installShutdown, watchParent } from './shutdown';

/**
 * `node out/main/browser.js [--data-dir DIR] [--port N] [--demo] [--parent-pid PID]`: the app in
 * any browser on this machine. This entry loads nothing slow: the signal handlers are in place
 * before the database driver and the core are even loaded (./run, a chunk of its own).
 */
const shutdown = installShutdown();
const argv = process.argv.slice(2);
const parentPid = argValue(argv, '--parent-pid');
if (parentPid !== undefined) {
  const pid = Number(parentPid);
  if (!Number.isInteger(pid) || pid <= 0) {
    process.stderr.write('--parent-pid takes a process id\n');
    process.exit(2);
  }
  watchParent(pid, () => shutdown.request());
}

// Resolved here: ./run is bundled into a chunk in another folder.
const rendererDir = join(__dirname, '../renderer');
void import('./run').then(({ runBrowserShell }) => runBrowserShell(argv, rendererDir, shutdown));
