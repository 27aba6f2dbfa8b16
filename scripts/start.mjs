// `npm start`: the desktop app in Electron, or — where no Electron binary can be had — the same
// app in the browser shell. better-sqlite3 for Electron's ABI is built here, into .cache/, so
// node_modules stays built for Node and the tests keep working.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
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

async function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const target = join(root, '.cache', 'electron-native', `${electronVersion}-${process.platform}-${process.arch}`);
  const binding = join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once, into ${target}) …`);
  mkdirSync(join(target, 'node_modules'), { recursive: true });
  writeFileSync(join(target, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), join(target, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: target, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error(`The Electron build of better-sqlite3 did not appear at ${binding}`);
  return binding;
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
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser.js'), ...passThrough], { stdio: 'inherit' });
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
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    startBrowserShell(`the database driver could not be built for Electron: ${error.message}`);
  }
}
