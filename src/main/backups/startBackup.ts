import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sidecarsOf } from '../db/replaceFile';
import { listBackups } from './folder';

const modifiedAt = (path: string): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * When the database file or its write-ahead log was last written: read before the database is
 * opened (opening creates a fresh -wal). A clean close folds the log into the file.
 */
export function lastWrittenAt(file: string): number {
  return Math.max(modifiedAt(file), ...sidecarsOf(file).slice(0, 1).map(modifiedAt));
}

/**
 * Whether the start needs a backup: only if the data may have changed since the newest backup in
 * the folder was written. Ten launches in a day with nothing done take one backup, not ten. Errs
 * towards a backup: a checkpoint after a backup of the same data also counts as a change.
 */
export function changedSinceNewestBackup(folder: string, lastWritten: number): boolean {
  const newest = Math.max(0, ...listBackups(folder).map((b) => modifiedAt(join(folder, b.name))));
  return lastWritten >= newest;
}
