// electron-vite's `?modulePath`: the path of the worker's own bundle (scripts/module-path.mjs
// answers it for vitest, the bench runner and test bundles).
/// <reference types="electron-vite/node" />

const isModuleNotFound = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
};

/**
 * The check worker's bundle, or null where there is none: TypeScript run as it is, without a
 * bundler (Playwright's in-process helpers writing a backup), cannot start a worker from source.
 * A build always has one, so the app and the browser shell always check off the main thread.
 */
export async function copyCheckWorkerFile(): Promise<string | null> {
  try {
    const found: unknown = (await import('./copyCheckWorker?modulePath')).default;
    return typeof found === 'string' ? found : null;
  } catch (error) {
    if (isModuleNotFound(error)) return null;
    throw error;
  }
}
