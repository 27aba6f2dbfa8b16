import type { Db } from '../../db/open';
import { newestAnchor } from './anchorsFile';
import { carryAuditEntries, type CarryResult } from './carry';
import { describeVerification, verifyAgainstAnchor } from './verify';

export interface CarryOptions {
  dataDir: string;
  at: Date;
  /** The pre-restore backup, where the entries stay should carrying fail. */
  savedAs: string | null;
}

function describeCarry(result: CarryResult): string {
  switch (result.kind) {
    case 'nothing':
      return 'no audit entries needed carrying';
    case 'appended':
      return `audit entries #${result.fromId}–#${result.toId} written since the backup were carried over`;
    case 'rechained':
      return (
        `audit entries #${result.oldFrom}–#${result.oldTo} of the data before (head ${result.oldHead}) ` +
        `were carried over as #${result.newFrom}–#${result.newTo} behind marker #${result.markerId}`
      );
  }
}

/**
 * The trail of the data before a restore goes into the restored database: read from the database
 * still open beside the incoming copy (`previous`, null when there was no readable database —
 * recovery after damage). Never throws: a restore must not fail here, and whatever happened is
 * returned as a sentence for the restore's own audit entry, including whether the old trail held
 * against its newest anchor (a cut made before the restore is then on record, not hidden by it).
 */
export function carryIntoRestored(
  incoming: Db,
  previous: Db | null,
  options: CarryOptions,
): string {
  if (!previous) {
    return 'no audit entries were carried: there was no readable database before the restore';
  }
  try {
    const before = verifyAgainstAnchor(previous, newestAnchor(options.dataDir));
    const carried = carryAuditEntries(previous, incoming, options.at);
    return `${describeCarry(carried)}; the trail before the restore: ${describeVerification(before)}`;
  } catch (error) {
    return (
      `the audit entries since the backup could not be carried (${(error as Error).message})` +
      (options.savedAs ? `; they remain in ${options.savedAs}` : '')
    );
  }
}
