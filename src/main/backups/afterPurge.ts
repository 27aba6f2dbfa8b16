import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeAnchorSidecar } from '../accounts/auditAnchors/backupAnchor';
import { listBackups, removeBackupLeftovers } from './folder';

/**
 * After a purge every earlier copy still holds the personal data it removed: the backups in each
 * folder this desk has used (and what interrupted ones left), and damaged files set aside at
 * start. They are deleted (a fresh backup of the purged database follows). Returns how many files
 * went.
 */
export function removeCopiesBeforePurge(databaseFile: string, backupFolders: string[]): number {
  let removed = 0;
  for (const folder of new Set(backupFolders)) {
    for (const backup of listBackups(folder)) {
      rmSync(join(folder, backup.name), { force: true });
      removeAnchorSidecar(join(folder, backup.name));
      removed++;
    }
    removed += removeBackupLeftovers(folder).length;
  }
  const damagedPrefix = `${basename(databaseFile)}.damaged-`;
  for (const name of readdirSync(dirname(databaseFile))) {
    if (!name.startsWith(damagedPrefix)) continue;
    rmSync(join(dirname(databaseFile), name), { force: true });
    removed++;
  }
  return removed;
}
