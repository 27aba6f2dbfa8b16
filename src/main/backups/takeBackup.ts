import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/backups';
import type { Db } from '../db/open';
import { defaultBackupFolder, readBackupSettings } from './backupSettings';
import { anchorNewBackup } from '../accounts/auditAnchors/backupAnchor';
import { rotateBackups } from './folder';
import { writeBackup } from './writer';
import type { BackupKeys } from './vault/backupKeys';
import { backupWorkFolder } from './vault/workFolder';

/**
 * The backup folder lives in the database's settings; a damaged database cannot be asked where
 * its backups are. So the data folder also keeps the last folder used, for the recovery screen.
 */
const FOLDER_MEMORY = 'backup-folder.txt';

export function rememberBackupFolder(dataDir: string, folder: string): void {
  try {
    writeFileSync(join(dataDir, FOLDER_MEMORY), folder, { encoding: 'utf8', mode: 0o600 });
  } catch {
    // Only a hint for recovery; the default folder is always searched as well.
  }
}

/** Every folder that may hold backups of this data folder: the default first. */
export function knownBackupFolders(dataDir: string): string[] {
  const folders = [defaultBackupFolder(dataDir)];
  try {
    const remembered = readFileSync(join(dataDir, FOLDER_MEMORY), 'utf8').trim();
    if (remembered && !folders.includes(remembered)) folders.push(remembered);
  } catch {
    // Nothing remembered.
  }
  return folders;
}

export interface TakeBackupOptions {
  kind: BackupKind;
  now: () => Date;
  onProgress?: (fraction: number) => void;
  nativeBinding?: string;
  /** Write here instead of the folder the settings name. */
  folder?: string;
  /** The desk's backup keys: sealed when a recovery key or passphrase exists. */
  keys?: BackupKeys;
}

/**
 * Rotation may remove the backup about to be restored (the 10th newest drops out of the last 10):
 * the copy taken just before a restore leaves the folder as it is; the next backup rotates.
 */
const rotatesAfter = (kind: BackupKind): boolean => kind !== 'pre-restore';

/** One backup into the chosen folder, then (mostly) the rotation there. */
export async function takeBackup(
  db: Db,
  dataDir: string,
  options: TakeBackupOptions,
): Promise<BackupInfo> {
  const folder = options.folder ?? readBackupSettings(db, dataDir).folder;
  const key = options.keys?.sealing();
  const info = await writeBackup(db, folder, {
    kind: options.kind,
    now: options.now(),
    onProgress: options.onProgress,
    nativeBinding: options.nativeBinding,
    ...(key ? { sealing: { key, workDir: backupWorkFolder(dataDir) } } : {}),
    inspect: (plainCopy, written) =>
      anchorNewBackup(
        join(folder, written.name),
        written,
        dataDir,
        options.nativeBinding,
        plainCopy,
      ),
  });
  if (rotatesAfter(options.kind)) rotateBackups(folder, options.now());
  rememberBackupFolder(dataDir, folder);
  return info;
}
