import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/backups';
import { isBackupLeftover, parseBackupFileName } from './names';
import { removeAnchorSidecar } from '../accounts/auditAnchors/backupAnchor';
import { backupsToDelete } from './policy';

/** A Windows share (`\\server\share`) or a `//server/share` path: may be away when it is needed. */
export function isNetworkPath(folder: string): boolean {
  return /^(\\\\|\/\/)[^\\/]/.test(folder.trim());
}

/** Our backups in the folder, newest first; a missing folder has none. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    try {
      found.push({
        name,
        kind: parsed.kind,
        encrypted: parsed.encrypted,
        takenAt: parsed.takenAt.toISOString(),
        sizeBytes: statSync(join(folder, name)).size,
      });
    } catch {
      // Removed between listing and stat: not there.
    }
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * Deletes what interrupted backups left (see isBackupLeftover); returns the names. Only between
 * backups: the one being written is a leftover by name too.
 */
export function removeBackupLeftovers(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter(isBackupLeftover);
  } catch {
    return [];
  }
  for (const name of names) rmSync(join(folder, name), { force: true });
  return names;
}

/** Applies the rotation policy to the folder, and clears leftovers; returns what it removed. */
export function rotateBackups(folder: string, now: Date): string[] {
  const doomed = backupsToDelete(
    listBackups(folder).map((b) => ({ name: b.name, kind: b.kind, takenAt: new Date(b.takenAt) })),
    now,
  );
  for (const name of doomed) {
    rmSync(join(folder, name), { force: true });
    removeAnchorSidecar(join(folder, name));
  }
  return [...doomed, ...removeBackupLeftovers(folder)];
}
