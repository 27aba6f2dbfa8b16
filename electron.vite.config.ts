import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { rendererAliases } from './rendererAliases';
import { rendererDefines } from './rendererDefines';

/**
 * `ISD_SINGLE_BUNDLE=1`: the same app with the renderer in one script (no code splitting), built
 * into .cache/single-bundle/ for the first-screen bench (bench/scale/firstScreenBench.ts), which
 * compares it with the split build in out/.
 */
const SINGLE_BUNDLE = process.env.ISD_SINGLE_BUNDLE === '1';
const outDir = (part: string) =>
  SINGLE_BUNDLE ? { outDir: resolve(__dirname, '.cache/single-bundle', part) } : {};

export default defineConfig({
  main: {
    build: {
      ...outDir('main'),
      rollupOptions: {
        // Two entries over one core: the Electron shell and the browser shell (plain Node).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          browser: resolve(__dirname, 'src/main/browser/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      ...outDir('preload'),
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: rendererAliases },
    define: rendererDefines,
    build: {
      ...outDir('renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        ...(SINGLE_BUNDLE ? { output: { codeSplitting: false } } : {}),
      },
      minify: true,
      chunkSizeWarningLimit: SINGLE_BUNDLE ? 4000 : 2000,
    },
    plugins: [react()],
  },
});
