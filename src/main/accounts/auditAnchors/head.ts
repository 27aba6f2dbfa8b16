import type { AuditAnchor } from '../../../shared/accounts';
import type { Db } from '../../db/open';
import { GENESIS_HASH } from '../audit';

/** Where the chain ends: entries 1..count, the last one's hash (the genesis hash when empty). */
export interface ChainHead {
  count: number;
  headHash: string;
}

/** Ids run 1..N in an intact chain, so the last id is the count (a gap is the walk's to find). */
export function chainHead(db: Db): ChainHead {
  const last = db
    .prepare<[], { id: number; hash: string }>(
      'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    .get();
  return last ? { count: last.id, headHash: last.hash } : { count: 0, headHash: GENESIS_HASH };
}

/** The stored hash of entry `id` (the genesis hash for 0), undefined when there is no such entry. */
export function hashOfEntry(db: Db, id: number): string | undefined {
  if (id === 0) return GENESIS_HASH;
  return db.prepare<[number], string>('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id);
}

export type AnchorMismatch =
  { reason: 'truncated'; count: number } | { reason: 'rewritten'; count: number; entryId: number };

/**
 * Does the chain still hold what the anchor recorded? Fewer entries than it counted is a cut;
 * a different hash at its last entry means something up to there was rewritten (the hash of entry
 * N seals entries 1..N). Null when the chain agrees.
 */
export function mismatchWith(
  db: Db,
  anchor: Pick<AuditAnchor, 'count' | 'headHash'>,
): AnchorMismatch | null {
  const head = chainHead(db);
  if (head.count < anchor.count) return { reason: 'truncated', count: head.count };
  if (hashOfEntry(db, anchor.count) !== anchor.headHash) {
    return { reason: 'rewritten', count: head.count, entryId: anchor.count };
  }
  return null;
}
