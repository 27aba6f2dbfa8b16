// `npm start`: the desktop app in Electron, or — where no Electron binary can be had — the same
// app in the browser shell. better-sqlite3 for Electron's ABI is built here, into .cache/, so
// node_modules stays built for Node and the tests keep working.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-native.mjs';
import { NO_OPEN_FLAG, openInBrowser, reasonNotToOpen } from './open-address.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --no-open is this launcher's own; everything else goes to the app.
const passThrough = process.argv.slice(2).filter((arg) => arg !== NO_OPEN_FLAG);

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
      'instead: the same app and the same data, served on 127.0.0.1 only. The address printed below',
      'opens in the default browser (or open it in Chrome or Edge on this computer). (' +
        reason +
        ')',
      '',
    ].join('\n'),
  );
  // --parent-pid: the shell closes its database and ends if this launcher is killed.
  const shellArgs = [join(root, 'out', 'main', 'browser.js'), ...passThrough];
  const child = spawn(process.execPath, [...shellArgs, '--parent-pid', String(process.pid)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  // The shell's output is passed on as it comes; its first address is opened in the browser.
  const notOpening = reasonNotToOpen(process.argv.slice(2), process.env, process.stdout.isTTY);
  let opened = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(line);
    const address = /open: (http\S+)/.exec(line)?.[1];
    if (!address || opened) return;
    opened = true;
    if (notOpening) {
      console.log(`  (not opened in the browser: ${notOpening})`);
    } else {
      openInBrowser(address);
      console.log('  (opened in your default browser)');
    }
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
