import { join } from 'node:path';
import { argsOf, parseCommandLine, USAGE_EXIT_CODE } from '../platform/commandLine';
import { BROWSER_SHELL_COMMAND } from './flags';
import { argValue, installShutdown, watchParent } from './shutdown';

/**
 * `node out/main/browser.js [--data-dir DIR] [--port N] [--demo] [--parent-pid PID]`: the app in
 * any browser on this machine (`--help` lists the flags). This entry loads nothing slow: the
 * signal handlers are in place before the database driver and the core are even loaded (./run, a
 * chunk of its own).
 */
const commandLine = parseCommandLine(process.argv.slice(2), BROWSER_SHELL_COMMAND);
if (commandLine.kind === 'help') {
  process.stdout.write(commandLine.text);
  process.exit(0);
}
if (commandLine.kind === 'refused') {
  process.stderr.write(`${commandLine.message}\n`);
  process.exit(USAGE_EXIT_CODE);
}
// Checked against the table above; `--name=value` is passed on as `--name value`.
const argv = argsOf(commandLine.flags);
const shutdown = installShutdown();
const parentPid = argValue(argv, '--parent-pid');
if (parentPid !== undefined) watchParent(Number(parentPid), () => shutdown.request());

// Resolved here: ./run is bundled into a chunk in another folder.
const rendererDir = join(__dirname, '../renderer');
void import('./run').then(({ runBrowserShell }) => runBrowserShell(argv, rendererDir, shutdown));
