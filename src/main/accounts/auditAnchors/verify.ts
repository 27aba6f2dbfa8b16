import type { AuditAnchor, AuditVerification } from '../../../shared/accounts';
import type { Db } from '../../db/open';
import type { AppFacts, ServiceContext } from '../../services/context';
import { verifyAuditChain } from '../audit';
import { newestAnchor } from './anchorsFile';
import { mismatchWith } from './head';

/**
 * Walks the chain (each entry's link and content), then compares it with the anchor: a walk alone
 * cannot see a tail cut off, or a chain rewritten and re-hashed from start to end.
 */
export function verifyAgainstAnchor(db: Db, anchor: AuditAnchor | null): AuditVerification {
  const walk = verifyAuditChain(db);
  if (!walk.ok) return { ...walk, anchor };
  if (!anchor) return { ...walk, anchor };
  const mismatch = mismatchWith(db, anchor);
  if (!mismatch) return { ...walk, anchor };
  return mismatch.reason === 'truncated'
    ? { ok: false, count: walk.count, reason: 'truncated', anchor }
    : {
        ok: false,
        count: walk.count,
        reason: 'rewritten',
        firstBrokenId: mismatch.entryId,
        anchor,
      };
}

/** "Verify the trail": against the newest anchor in the data folder. */
export const verifyAuditTrail = (
  ctx: ServiceContext & Pick<AppFacts, 'dataDir'>,
): AuditVerification => verifyAgainstAnchor(ctx.db, newestAnchor(ctx.dataDir));

/** One line for the trail itself (a restore's entry): what a verification found, in English. */
export function describeVerification(v: AuditVerification): string {
  if (v.ok) return `its ${v.count} entries verified`;
  if (v.reason === 'truncated') {
    return `it was truncated: the anchor of ${v.anchor.at} records ${v.anchor.count} entries, it had ${v.count}`;
  }
  if (v.reason === 'rewritten') {
    return `it was rewritten: entry #${v.firstBrokenId} differs from the anchor of ${v.anchor.at}`;
  }
  return `its chain breaks at entry #${v.firstBrokenId} (${v.reason})`;
}
