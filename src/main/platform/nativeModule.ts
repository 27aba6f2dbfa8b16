import { join } from 'node:path';

/**
 * Where an installed app keeps better-sqlite3 built for Electron's ABI, relative to its resources
 * folder: outside app.asar (a native library cannot be loaded from inside the archive). Packaging
 * (electron-builder.config.ts) puts it there; the Electron shell loads it from there.
 */
export const PACKAGED_SQLITE_BINDING = 'native/better_sqlite3.node';

export function packagedSqliteBinding(resourcesPath: string): string {
  return join(resourcesPath, ...PACKAGED_SQLITE_BINDING.split('/'));
}
