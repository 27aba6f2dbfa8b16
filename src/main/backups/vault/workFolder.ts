import { readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makePrivateFolder } from '../../platform/dataDir';

/**
 * `<data folder>/backup-work`: the plain copy an encrypted backup is sealed from, and the opened
 * copy of one being restored. On the desk's own disk beside the live database, never in the backup
 * folder; each file is removed when its step ends, and whatever a crash left at the next start.
 */
export const backupWorkFolder = (dataDir: string): string => join(dataDir, 'backup-work');

/** A fresh, unused path in the work folder (the folder is created owner-only). */
export function workFile(dataDir: string, label: string): string {
  const folder = backupWorkFolder(dataDir);
  makePrivateFolder(folder);
  return join(folder, `${label}-${randomBytes(6).toString('hex')}.sqlite`);
}

/**
 * Only at start, before any backup or restore runs: everything there is left over. Leaves the
 * folder there, owner-only.
 */
export function clearBackupWork(dataDir: string): string[] {
  const folder = backupWorkFolder(dataDir);
  makePrivateFolder(folder);
  const names = readdirSync(folder);
  for (const name of names) rmSync(join(folder, name), { force: true, recursive: true });
  return names;
}
