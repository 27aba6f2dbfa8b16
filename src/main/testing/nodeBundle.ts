import { join, resolve } from 'node:path';
import { build, type PluginOption } from 'vite';
import { modulePathPlugin } from '../../../scripts/module-path.mjs';

export const REPO = resolve(__dirname, '../../..');
/** A bundle finds its packages (better-sqlite3, zod, saxes) in the project's node_modules. */
export const BUNDLE_ENV = { ...process.env, NODE_PATH: join(REPO, 'node_modules') };

/**
 * Bundles a TypeScript entry (with the core it imports) into one CommonJS file that plain `node`
 * runs as a child of a test; packages stay outside the bundle and are found through NODE_PATH.
 */
export async function bundleForNode(
  entry: string,
  outDir: string,
  name: string,
  plugins: PluginOption[] = [],
): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO,
    plugins: [modulePathPlugin(), ...plugins],
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: name } },
    },
  });
  return join(outDir, name);
}
