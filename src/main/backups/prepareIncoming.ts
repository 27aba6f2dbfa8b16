import type { Db } from '../db/open';
import type { Actor } from '../services/context';
import { appendAudit } from '../accounts/audit';
import { carryIntoRestored } from '../accounts/auditAnchors/restore';
import { emptySessions } from '../accounts/sessionTable';

export interface IncomingRestore {
  /** Who restored (null from the recovery screen, where nobody is signed in). */
  actor: Actor | null;
  at: string;
  /** The backup restored, and where the data before it was saved. */
  detail: string;
  /** The data folder, whose anchors file tells whether the trail before still held. */
  dataDir: string;
  /** The pre-restore backup's name (null when there was nothing to back up). */
  savedAs: string | null;
}

/**
 * The restore's hook into the incoming copy: it runs while `<database>.restoring` is open and
 * writable and the current database (`previous`, null in recovery) still open, before anything is
 * swapped. Whatever is written here is in the restored file from its first instant, so it is
 * atomic with the swap: a restore that took effect always has its audit row. One transaction.
 */
export function prepareIncoming(incoming: Db, previous: Db | null, restore: IncomingRestore): void {
  incoming
    .transaction(() => {
      // The entries written since the backup come first, so the restore's row closes the chain.
      const carried = carryIntoRestored(incoming, previous, {
        dataDir: restore.dataDir,
        at: new Date(restore.at),
        savedAs: restore.savedAs,
      });
      // Everyone signs in again: the file's sessions are from when it was backed up.
      emptySessions(incoming);
      appendAudit(incoming, {
        at: restore.at,
        actor: restore.actor,
        method: 'backups.restore',
        outcome: 'ok',
        detail: `${restore.detail}; ${carried}`,
      });
    })
    .immediate();
}
