// better-sqlite3 built for Electron's ABI, kept in .cache/ so node_modules stays built for Node
// (the unit tests and the browser shell need that build). Used by `npm start`, by the e2e
// suite's Electron project and by packaging (`npm run dist`); never by postinstall or CI.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Path of the Electron binary if it is already on disk; never triggers a download. */
export function installedElectronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Where the Electron build of better-sqlite3 for this system lives (packaging copies it from here). */
export function electronSqliteBuild() {
  const electronVersion = require('electron/package.json').version;
  const target = join(
    root,
    '.cache',
    'electron-native',
    `${electronVersion}-${process.platform}-${process.arch}`,
  );
  const binding = join(
    target,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  return { electronVersion, target, binding };
}

export async function electronSqliteBinding() {
  const { electronVersion, target, binding } = electronSqliteBuild();
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once, into ${target}) …`);
  mkdirSync(join(target, 'node_modules'), { recursive: true });
  writeFileSync(
    join(target, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true }),
  );
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, join(target, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.startsWith(join(source, 'build')),
  });
  const { rebuild } = require('@electron/rebuild');
  await rebuild({
    buildPath: target,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  if (!existsSync(binding))
    throw new Error(`The Electron build of better-sqlite3 did not appear at ${binding}`);
  return binding;
}
