import type { AuditAnchor, AuditAnchorReason } from '../../../shared/accounts';
import type { Db } from '../../db/open';
import { anchorsFileOf, appendAnchorLine, newestAnchor } from './anchorsFile';
import { chainHead, mismatchWith } from './head';

/**
 * Acts that legitimately change entries an earlier anchor sealed (a restore re-chains what it
 * carries, a purge reseals redacted entries, recovery may start afresh): their anchor is written
 * whatever the previous one says, and the trail itself records why.
 */
const RESETS: ReadonlySet<AuditAnchorReason> = new Set(['restore', 'purge', 'start_empty']);

export interface AnchorRequest {
  reason: AuditAnchorReason;
  source?: string | null;
  at: Date;
}

/**
 * Writes the chain head of `db` to the data folder's anchors file. A chain that no longer agrees
 * with the newest anchor gets no new one (except for RESETS): anchoring it would make a cut or a
 * rewrite look sound, so the disagreement stays for "verify" to name. An unchanged head is not
 * written twice, except for a backup, whose restore looks up its own line. Returns the anchor
 * written, the newest one when unchanged, or null when refused.
 */
export function anchorChain(dataDir: string, db: Db, request: AnchorRequest): AuditAnchor | null {
  const last = newestAnchor(dataDir);
  if (last && !RESETS.has(request.reason) && mismatchWith(db, last)) return null;
  const head = chainHead(db);
  const unchanged = last?.count === head.count && last.headHash === head.headHash;
  if (unchanged && request.reason !== 'backup') return last;
  const anchor: AuditAnchor = {
    at: request.at.toISOString(),
    count: head.count,
    headHash: head.headHash,
    reason: request.reason,
    source: request.source ?? null,
  };
  appendAnchorLine(anchorsFileOf(dataDir), anchor);
  return anchor;
}
