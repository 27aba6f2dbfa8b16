import { DOCUMENT_TYPES } from '../../shared/people';
import { mayRevealPersonalNumbers, type Role } from '../../shared/permissions';
import { appendAudit } from '../accounts/audit';
import { isoNow, type ServiceContext } from '../services/context';
import { escapeLike, type KeyValue } from '../services/keyset';
import { ID_ENDS_SHOWN, idEndsShown, maskIdNumber } from '../services/masking';
import { peopleByName } from './nameIndex';
import type { Filter } from './residentRows';

/** Who searches: whether they may reveal decides what a search may compare. */
export interface Searcher {
  userId: number;
  username: string;
  roles: readonly Role[];
}

export interface ResidentSearch {
  filter: Filter;
  /** The full document number compared, when the search is one (audited like a reveal). */
  fullNumber: string | null;
  /**
   * Ids of ended stays (`SELECT` of one column) among which are all those `filter` matches, read
   * from indexes (names, rooms): a departed view reads these instead of every stay of the site.
   * Null when the search compares document numbers, which have no such index.
   */
  endedStays: Filter | null;
}

const MASKED = /^([0-9A-Z]*)\*+([0-9A-Z]*)$/;
const VISIBLE_END = new RegExp(`^[0-9A-Z]{${ID_ENDS_SHOWN}}$`);
/** A whole document number (a name like SMITH has no digit): compared only for revealers. */
const FULL_NUMBER = /^(?=.*\d)[0-9A-Z]{5,32}$/;

/**
 * Whether a masked pattern (`3206**********123X`) asks only what the mask of a number this long
 * shows: at most its first and last 4 characters, none of a short number's. Anything more
 * (`32061*************`) would recover hidden digits one search at a time.
 */
const asksOnlyVisible = (head: string, tail: string, length: number): boolean =>
  idEndsShown(length)
    ? head.length <= ID_ENDS_SHOWN && tail.length <= ID_ENDS_SHOWN
    : head === '' && tail === '';

/**
 * One search box for what a coordinator has at hand: part of a name, a room label, or what the
 * mask of a document number shows (`3206`, `123X`, or the whole `3206**********123X` pasted).
 * Without `personal.reveal` a search never compares a hidden character, so trying digit after
 * digit learns nothing; a full number is compared only for those who may reveal it.
 */
export function residentSearch(search: string, searcher: Searcher | null): ResidentSearch {
  const q = search.trim().toUpperCase();
  const like = `%${escapeLike(q)}%`;
  const clauses = ["p.full_name LIKE ? ESCAPE '\\'", "r.number LIKE ? ESCAPE '\\'"];
  const params: KeyValue[] = [like, like];
  let fullNumber: string | null = null;
  const masked = MASKED.exec(q);
  if (masked) {
    const [, head = '', tail = ''] = masked;
    if (asksOnlyVisible(head, tail, q.length)) {
      clauses.push("(length(p.document_number) = ? AND p.document_number LIKE ? ESCAPE '\\')");
      params.push(q.length, `${escapeLike(head)}%${escapeLike(tail)}`);
    }
  } else if (VISIBLE_END.test(q)) {
    clauses.push(
      `(length(p.document_number) > ${2 * ID_ENDS_SHOWN} AND (p.document_number LIKE ? ESCAPE '\\' OR p.document_number LIKE ? ESCAPE '\\'))`,
    );
    params.push(`${escapeLike(q)}%`, `%${escapeLike(q)}`);
  } else if (FULL_NUMBER.test(q) && searcher && mayRevealPersonalNumbers(searcher.roles)) {
    clauses.push('p.document_number = ?');
    params.push(q);
    fullNumber = q;
  }
  const onlyNamesAndRooms = clauses.length === 2;
  return {
    filter: { sql: `(${clauses.join(' OR ')})`, params },
    fullNumber,
    endedStays: onlyNamesAndRooms ? endedStaysOf(q, like) : null,
  };
}

/** The ended stays of the people whose name may hold `q` and of the rooms whose number does. */
function endedStaysOf(q: string, like: string): Filter | null {
  const people = peopleByName(q);
  if (!people) return null;
  return {
    sql: `SELECT cs.id FROM stays cs WHERE cs.person_id IN (${people.sql}) AND cs.status <> 'active'
      UNION ALL
      SELECT cs.id FROM rooms cr CROSS JOIN stays cs ON cs.room_id = cr.id AND cs.status <> 'active'
      WHERE cr.number LIKE ? ESCAPE '\\'`,
    params: [...people.params, like],
  };
}

/**
 * A search by a full number finds whose number it is: the audit trail records it like a reveal,
 * one row per person it names (the numbers themselves are masked by the trail), in its own
 * transaction since the list is a read.
 */
export function auditFullNumberSearch(
  ctx: ServiceContext,
  searcher: Searcher,
  fullNumber: string,
): void {
  const found = ctx.db
    .prepare<string[], { id: number }>(
      `SELECT id FROM people WHERE document_type IN (${DOCUMENT_TYPES.map(() => '?').join(', ')}) AND document_number = ?`,
    )
    .all(...DOCUMENT_TYPES, fullNumber);
  const actor = { userId: searcher.userId, username: searcher.username };
  const at = isoNow(ctx);
  const detail = `residents searched by the full document number ${maskIdNumber(fullNumber)}`;
  ctx.db
    .transaction(() => {
      if (found.length === 0)
        appendAudit(ctx.db, { at, actor, method: 'residents.page', outcome: 'ok', detail });
      for (const person of found)
        appendAudit(ctx.db, {
          at,
          actor,
          method: 'residents.page',
          outcome: 'ok',
          entity: 'person',
          entityId: person.id,
          detail,
        });
    })
    .immediate();
}
