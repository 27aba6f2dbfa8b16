import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TestEnv from '../../../scripts/test-env.mjs';

/** How e2e and the bench run Chromium: headless, quiet, nothing fetched from outside. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The browser to drive: ISD_CHROMIUM as scripts/test-env.mjs set it (or the user did), else the
 * same choice made by that script (under `root`), without installing anything.
 */
export async function chromiumPath(root: string): Promise<string> {
  // Loaded at run time from the checkout: the script is plain ESM, outside every bundle.
  const { chooseChromium, playwrightChromium } = (await import(
    pathToFileURL(join(root, 'scripts/test-env.mjs')).href
  )) as typeof TestEnv;
  const choice = chooseChromium({
    env: process.env,
    pathVar: process.env.PATH,
    playwrightPath: playwrightChromium(),
  });
  if (choice.path === null) throw new Error(`${choice.problem}: run node scripts/test-env.mjs`);
  return choice.path;
}
