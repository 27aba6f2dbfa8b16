import type { Db } from '../../db/open';
import { appendAudit, rowHash, type AuditRow } from '../audit';
import { chainHead, hashOfEntry } from './head';

export type CarryResult =
  /** The restored chain already holds everything the previous one had. */
  | { kind: 'nothing' }
  /** The backup's chain was a prefix of the previous one: the rest continues it unchanged. */
  | { kind: 'appended'; fromId: number; toId: number }
  /**
   * The chains part at `commonCount`: the previous entries after it were re-chained behind a
   * marker entry, old ids oldFrom..oldTo becoming newFrom..newTo.
   */
  | {
      kind: 'rechained';
      commonCount: number;
      oldFrom: number;
      oldTo: number;
      oldHead: string;
      markerId: number;
      newFrom: number;
      newTo: number;
    };

/**
 * How many entries the two chains share from the start: the largest n with the same hash at
 * entry n in both. A hash seals every entry before it, so "same hash at n" holds for a prefix of
 * n and a binary search finds its end.
 */
export function commonPrefix(a: Db, b: Db): number {
  let low = 0;
  let high = Math.min(chainHead(a).count, chainHead(b).count);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (hashOfEntry(a, mid) === hashOfEntry(b, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

const INSERT = `INSERT INTO audit_log (id, at, user_id, username, method, outcome, entity, entity_id, changes, detail, prev_hash, hash)
  VALUES (@id, @at, @user_id, @username, @method, @outcome, @entity, @entity_id, @changes, @detail, @prev_hash, @hash)`;

/**
 * Carries into the restored database (`incoming`) the audit entries the database before the
 * restore (`previous`) had beyond the backup, so that a restore never erases the trail. Copied
 * as they are when the backup's whole chain is a prefix of the previous one; otherwise re-chained
 * after a marker entry that names the old ids and the old head. One transaction on `incoming`.
 */
export function carryAuditEntries(previous: Db, incoming: Db, at: Date): CarryResult {
  return incoming
    .transaction((): CarryResult => {
      const common = commonPrefix(previous, incoming);
      const previousHead = chainHead(previous);
      const incomingCount = chainHead(incoming).count;
      if (previousHead.count <= common) return { kind: 'nothing' };
      const rows = previous
        .prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
        .iterate(common);
      const insert = incoming.prepare(INSERT);
      if (common === incomingCount) {
        for (const row of rows) insert.run(row);
        return { kind: 'appended', fromId: common + 1, toId: previousHead.count };
      }
      const markerId = incomingCount + 1;
      const carried = previousHead.count - common;
      appendAudit(incoming, {
        at: at.toISOString(),
        actor: null,
        method: 'audit.carry',
        outcome: 'ok',
        detail:
          `Entries #${common + 1}–#${previousHead.count} of the database before the restore ` +
          `(its head ${previousHead.headHash}) follow as #${markerId + 1}–#${markerId + carried}; ` +
          `the chains part after entry #${common}`,
      });
      let prev = hashOfEntry(incoming, markerId)!;
      let id = markerId;
      for (const row of rows) {
        id++;
        const moved = { ...row, id };
        const hash = rowHash(prev, moved);
        insert.run({ ...moved, prev_hash: prev, hash });
        prev = hash;
      }
      return {
        kind: 'rechained',
        commonCount: common,
        oldFrom: common + 1,
        oldTo: previousHead.count,
        oldHead: previousHead.headHash,
        markerId,
        newFrom: markerId + 1,
        newTo: id,
      };
    })
    .immediate();
}
