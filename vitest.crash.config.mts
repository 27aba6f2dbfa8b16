import { defineConfig } from 'vitest/config';
import { modulePathPlugin } from './scripts/module-path.mjs';

// `npm run test:crash`: the crash test alone, with 200 kills instead of the everyday suite's 20.
export default defineConfig({
  plugins: [modulePathPlugin()],
  test: {
    include: ['src/main/testing/crash/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    env: { ISD_CRASH_KILLS: '200' },
  },
});
