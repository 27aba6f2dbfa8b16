import { defineConfig } from 'vitest/config';
import { rendererAliases } from './rendererAliases';
import { rendererDefines } from './rendererDefines';
import { modulePathPlugin } from './scripts/module-path.mjs';

export default defineConfig({
  // Worker threads of the main process (backup checks) load their own bundle, as in the app.
  plugins: [modulePathPlugin()],
  resolve: { alias: rendererAliases },
  define: rendererDefines,
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Real database files and whole-router walks: seconds on a busy 2-core machine, not 5.
    testTimeout: 20_000,
    pool: 'forks',
    // Root-level reporters cover every project, so CI's summary sees both in one file.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      { extends: true, test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        // Components rendered in a fake DOM, talking to a fake window.api (the IPC boundary).
        extends: true,
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/renderer/src/testing/setup.ts'],
        },
      },
    ],
  },
});
