// electron-vite's `import workerPath from './x?modulePath'` (the path of x's own bundle, for a
// worker thread) for the builds that are not electron-vite's: vitest, the bench runner and the
// child bundles of tests. `electron-vite build` emits the worker beside the main bundle itself.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const SUFFIX = '?modulePath';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Inside the project, so the bundle's `require('better-sqlite3')` finds its node_modules. */
const outDir = join(root, '.cache/module-path');

/**
 * Bundles `entry` (packages left outside) into one CommonJS file named after its content: test
 * processes building the same worker at once write the same file, each whole (a rename).
 */
async function bundleWorker(entry) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: entry,
      write: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs' } },
    },
  });
  const [chunk] = (Array.isArray(output) ? output[0] : output).output;
  const hash = createHash('sha256').update(chunk.code).digest('hex').slice(0, 12);
  const file = join(outDir, `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}-${hash}.cjs`);
  mkdirSync(outDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, chunk.code);
  renameSync(temp, file);
  return file;
}

/** A Vite plugin answering `?modulePath` imports with the absolute path of the worker's bundle. */
export function modulePathPlugin() {
  const bundles = new Map();
  return {
    name: 'isd:module-path',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const entry = id.slice(0, -SUFFIX.length);
      if (!bundles.has(entry)) bundles.set(entry, bundleWorker(entry));
      return bundles.get(entry).then((file) => `export default ${JSON.stringify(file)};`);
    },
  };
}
