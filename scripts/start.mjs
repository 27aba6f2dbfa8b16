// `npm start`: the desktop app in Electron, or — where no Electron binary can be had — the same
// app in the browser shell. better-sqlite3 for Electron's ABI is built here, into .cache/, so
// node_modules stays built for Node and the tests keep working.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

function electronBinary() {
  // require('electron') downloads the binary on first use; in a child so a failure stays contained.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return probe.status === 0 && probe.stdout && existsSync(probe.stdout) ? probe.stdout : null;
}

function startBrowserShell(reason) {
  console.log(
    [
      '',
      'Electron could not be started on this machine, so Isolation Site Desk opens in the browser shell',
      'instead: the same app and the same data, served on 127.0.0.1 only. Open the address printed',
      'below in Chrome or Edge on this computer. (' + reason + ')',
      '',
    ].join('\n'),
  );
  // --parent-pid: the shell closes its database and ends if this launcher is killed.
  const shellArgs = [join(root, 'out', 'main', 'browser.js'), ...passThrough];
  const child = spawn(process.execPath, [...shellArgs, '--parent-pid', String(process.pid)], {
    stdio: 'inherit',
  });
  // A SIGTERM for the launcher is passed on: the shell closes cleanly and the launcher exits with it.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (!binary) {
  startBrowserShell('the Electron binary is missing and could not be downloaded');
} else {
  try {
    const binding = await electronSqliteBinding();
    const child = spawn(binary, [root, ...passThrough], {
      stdio: 'inherit',
      env: { ...process.env, ISD_SQLITE_NATIVE_BINDING: binding },
    });
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    startBrowserShell(`the database driver could not be built for Electron: ${error.message}`);
  }
}
