// Types of electron-native.mjs for the packaging configuration and its test.
export function installedElectronBinary(): string | null;
export function electronSqliteBuild(): {
  electronVersion: string;
  /** The folder better-sqlite3 is rebuilt in. */
  target: string;
  /** The built better_sqlite3.node. */
  binding: string;
};
export function electronSqliteBinding(): Promise<string>;
