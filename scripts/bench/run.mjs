// Runs one TypeScript entry of bench/scale with the project's own module resolution: vite bundles
// it (dependencies stay external) into bench/.build, then plain Node runs it with the same argv.
import { build } from 'vite';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modulePathPlugin } from '../module-path.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('Usage: node scripts/bench/run.mjs bench/scale/<entry>.ts [args]\n');
  process.exit(2);
}
const outDir = join(root, 'bench/.build');
const name = basename(entry).replace(/\.ts$/, '');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [modulePathPlugin()],
  build: {
    ssr: resolve(root, entry),
    outDir,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    // .mjs for split chunks too (a dynamic import makes one): the project's .js is CommonJS.
    rollupOptions: {
      output: {
        format: 'esm',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
});
process.env.ISD_ROOT = root;
process.argv = [process.argv[0], join(outDir, `${name}.mjs`), ...rest];
await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
