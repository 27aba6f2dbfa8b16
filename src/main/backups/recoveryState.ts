import type { RecoveryBackup, RecoveryState } from '../../shared/backups';
import type { Damage } from './startup';
import { listBackups } from './folder';
import { restorableBackup } from './restorable';
import { knownBackupFolders } from './takeBackup';

/** What the recovery screen shows: the damage, and every backup found, each checked, newest first. */
export function recoveryState(
  damage: Damage,
  dataDir: string,
  nativeBinding?: string,
): RecoveryState {
  const backups: RecoveryBackup[] = knownBackupFolders(dataDir).flatMap((folder) =>
    listBackups(folder).map((backup) => {
      let good = true;
      try {
        restorableBackup(folder, backup.name, dataDir, nativeBinding);
      } catch {
        good = false;
      }
      return { ...backup, folder, good };
    }),
  );
  return {
    reason: damage.reason,
    damagedFile: damage.damagedFile,
    detail: damage.detail,
    backups: backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt)),
  };
}
