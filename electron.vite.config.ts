import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { rendererAliases } from './rendererAliases';
import { rendererDefines } from './rendererDefines';

export default defineConfig({
  main: {
    build: {
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
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: rendererAliases },
    define: rendererDefines,
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
    plugins: [react()],
  },
});
