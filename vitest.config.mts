import { defineConfig } from 'vitest/config';
import { rendererAliases } from './rendererAliases';

export default defineConfig({
  resolve: { alias: rendererAliases },
  test: {
    include: ['src/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    // Real database files and whole-router walks: seconds on a busy 2-core machine, not 5.
    testTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
