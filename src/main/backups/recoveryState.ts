import type { RecoveryBackup, RecoveryState } from '../../shared/backups';
import type { Damage } from './startup';
import { listBackups } from './folder';
import { assertRestorable } from './restorable';
import { DomainError } from '../services/errors';
import type { BackupKeys } from './vault/backupKeys';
import { knownBackupFolders } from './takeBackup';

/**
 * What the recovery screen shows: the damage, and every backup found, each checked (an encrypted
 * one this PC holds the key of is opened and checked too), newest first.
 */
export function recoveryState(
  damage: Damage,
  dataDir: string,
  keys: BackupKeys,
  nativeBinding?: string,
): RecoveryState {
  const backups: RecoveryBackup[] = knownBackupFolders(dataDir).flatMap((folder) =>
    listBackups(folder).map((backup) => {
      let good = true;
      let needsKey = false;
      try {
        assertRestorable(folder, backup.name, dataDir, { keys, nativeBinding });
      } catch (error) {
        // Sealed elsewhere (or this PC's key is gone): offered, and opened with the typed secret.
        needsKey = error instanceof DomainError && error.code === 'BACKUP_KEY_NEEDED';
        good = needsKey;
      }
      return { ...backup, folder, good, needsKey };
    }),
  );
  return {
    reason: damage.reason,
    damagedFile: damage.damagedFile,
    detail: damage.detail,
    backups: backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt)),
  };
}
