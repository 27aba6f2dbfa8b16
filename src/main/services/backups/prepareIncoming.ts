import type { Db } from '../../db/open';
import type { Actor } from '../../ipc/context';
import { appendAudit } from '../audit';

export interface IncomingRestore {
  /** Who restored (null from the recovery screen, where nobody is signed in). */
  actor: Actor | null;
  at: string;
  /** The backup restored, and where the data before it was saved. */
  detail: string;
}

/**
 * The restore's hook into the incoming copy: it runs while `<database>.restoring` is open and
 * writable and the current database (`previous`, null in recovery) still open, before anything is
 * swapped. Whatever is written here is in the restored file from its first instant, so it is
 * atomic with the swap: a restore that took effect always has its audit row. One transaction.
 */
export function prepareIncoming(incoming: Db, previous: Db | null, restore: IncomingRestore): void {
  void previous;
  incoming
    .transaction(() => {
      appendAudit(incoming, {
        at: restore.at,
        actor: restore.actor,
        method: 'backups.restore',
        outcome: 'ok',
        detail: restore.detail,
      });
    })
    .immediate();
}
