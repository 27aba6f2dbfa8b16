import { defineConfig } from '@playwright/test';

/**
 * One set of specs, two shells. `browser`: the built renderer and the real router served by the
 * browser shell, driven in Debian's Chromium (always). `electron`: the same specs through
 * Playwright's _electron, where an Electron binary exists (skipped with the reason otherwise).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  projects: [{ name: 'browser' }, { name: 'electron' }],
});
