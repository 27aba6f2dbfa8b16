import type { ResidentSort } from '../../shared/residents';
import { dayNumber, instantMs } from '../db/compactValues';
import type { Db } from '../db/open';
import { cachedStatement } from '../db/statements';
import { afterKey, orderBy, type KeyValue } from '../services/keyset';
import {
  COLUMNS,
  ROOM_KEY,
  ROW_JOINS,
  type Filter,
  type PageSpan,
  type ResidentRow,
} from './residentRows';

/**
 * A site's departed residents (tens of thousands after months) without reading them all: the
 * trigger-kept `departed_stays` (migration 0010) holds them by site in the order of the stay
 * sorts and counts them from one index range; the room sort walks the site's rooms in order and
 * reads only the first rooms' ended stays. A search that names its candidate stays (`candidates`,
 * from the name index) reads only those. `filter` is still applied to every row read, so what is
 * shown is always what the view's definition says.
 */

const FROM_DEPARTED = `FROM departed_stays d CROSS JOIN stays s ON s.id = d.stay_id ${ROW_JOINS}`;

/**
 * The site's departed among the candidates: looked up by stay id (`+` keeps the planner off the
 * site's index, which would walk every departed stay of the site).
 */
const amongCandidates = (candidates: Filter): string =>
  `d.stay_id IN (${candidates.sql}) AND +d.site_id = ?`;

/** How many departed the view shows; without a search, from the index alone. */
export function departedTotal(
  db: Db,
  siteId: number,
  filter: Filter,
  searching: boolean,
  candidates: Filter | null = null,
): number {
  if (candidates)
    return cachedStatement<KeyValue[], { n: number }>(
      db,
      `SELECT count(*) AS n ${FROM_DEPARTED} WHERE ${amongCandidates(candidates)} AND ${filter.sql}`,
    ).get(...candidates.params, siteId, ...filter.params)!.n;
  const statement = searching
    ? cachedStatement<KeyValue[], { n: number }>(
        db,
        `SELECT count(*) AS n ${FROM_DEPARTED} WHERE d.site_id = ? AND ${filter.sql}`,
      )
    : cachedStatement<[number], { n: number }>(
        db,
        'SELECT count(*) AS n FROM departed_stays WHERE site_id = ?',
      );
  return statement.get(siteId, ...(searching ? filter.params : []))!.n;
}

/**
 * Sorted by an instant of the stay: the site's range of the matching index, walked in order. The
 * index keeps integers (epoch ms, day numbers) where the cursor carries the stay's text, '' for
 * none: `stored` turns one into the other, keeping the order.
 */
const STAY_KEYS: Record<
  Exclude<ResidentSort, 'room'>,
  { sql: string[]; stored: (text: string) => number }
> = {
  check_in: {
    sql: ['d.check_in', 'd.stay_id'],
    stored: (at) => (at === '' ? 0 : instantMs(at)),
  },
  observation_end: {
    sql: ['d.observation_end', 'd.stay_id'],
    stored: (day) => (day === '' ? -1 : dayNumber(day)),
  },
};

/** One page of the departed in the order of `sort` (the keys of SORT_KEYS in residents.ts). */
export function departedRows(
  db: Db,
  siteId: number,
  sort: ResidentSort,
  filter: Filter,
  span: PageSpan,
  candidates: Filter | null = null,
): ResidentRow[] {
  if (candidates) return amongRows(db, siteId, sort, filter, span, candidates);
  if (sort === 'room') return byRoom(db, siteId, filter, span);
  const keys = STAY_KEYS[sort];
  const where = [`d.site_id = ?`, filter.sql];
  const after = span.after ? [keys.stored(String(span.after[0])), span.after[1]!] : [];
  if (span.after) where.push(afterKey(keys.sql, span.direction));
  return cachedStatement<KeyValue[], ResidentRow>(
    db,
    `${COLUMNS} ${FROM_DEPARTED} WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy(keys.sql, span.direction)} LIMIT ?`,
  ).all(siteId, ...filter.params, ...after, span.limit + 1);
}

/**
 * A page of the candidates (a search: tens or hundreds of stays, sorted in memory) in the same
 * order and with the same cursors as the unsearched view's walk of its indexes.
 */
function amongRows(
  db: Db,
  siteId: number,
  sort: ResidentSort,
  filter: Filter,
  span: PageSpan,
  candidates: Filter,
): ResidentRow[] {
  const keys = sort === 'room' ? ROOM_KEY : STAY_KEYS[sort].sql;
  const after = !span.after
    ? []
    : sort === 'room'
      ? span.after
      : [STAY_KEYS[sort].stored(String(span.after[0])), span.after[1]!];
  const where = [amongCandidates(candidates), filter.sql];
  if (span.after) where.push(afterKey(keys, span.direction));
  return cachedStatement<KeyValue[], ResidentRow>(
    db,
    `${COLUMNS} ${FROM_DEPARTED} WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy(keys, span.direction)} LIMIT ?`,
  ).all(...candidates.params, siteId, ...filter.params, ...after, span.limit + 1);
}

/**
 * By room: the never-placed (whose key is `('', -1000, 0, '')`, first) through the site's
 * batches, then the site's rooms sorted on their own (a thousand rows, not twenty thousand) and
 * each room's ended stays in id order. The room list is a subquery with a LIMIT so that SQLite
 * keeps it as an ordered co-routine and only sorts stays within a room (`USE TEMP B-TREE FOR LAST
 * TERM OF ORDER BY`): it stops after the first rooms that fill the page. A cursor also skips the
 * rooms before its room.
 */
function byRoom(db: Db, siteId: number, filter: Filter, span: PageSpan): ResidentRow[] {
  const after = (columns: string[]) =>
    span.after ? ` AND ${afterKey(columns, span.direction)}` : '';
  const roomFrom = span.after
    ? ` AND (bw.code, fw.level, length(rw.number), rw.number) ${span.direction === 'asc' ? '>=' : '<='} (?, ?, ?, ?)`
    : '';
  const unplacedKey = ["''", '-1000', '0', "''", 's.id'];
  const roomKey = ['w.code', 'w.level', 'w.len', 'w.number', 's.id'];
  const sql = `
    SELECT * FROM (
      ${COLUMNS}, '' AS k1, -1000 AS k2, 0 AS k3, '' AS k4
      FROM arrival_batches ab CROSS JOIN stays s ON s.batch_id = ab.id AND s.room_id IS NULL ${ROW_JOINS}
      WHERE ab.site_id = ? AND ${filter.sql}${after(unplacedKey)}
      ORDER BY ${orderBy(['s.id'], span.direction)} LIMIT ?)
    UNION ALL
    SELECT * FROM (
      ${COLUMNS}, w.code AS k1, w.level AS k2, w.len AS k3, w.number AS k4
      FROM (SELECT rw.id, bw.code, fw.level, length(rw.number) AS len, rw.number
            FROM buildings bw CROSS JOIN rooms rw ON rw.building_id = bw.id
            CROSS JOIN floors fw ON fw.id = rw.floor_id
            WHERE bw.site_id = ?${roomFrom}
            ORDER BY ${orderBy(['bw.code', 'fw.level', 'length(rw.number)', 'rw.number'], span.direction)}
            LIMIT -1) w
      CROSS JOIN stays s ON s.room_id = w.id AND s.status <> 'active' ${ROW_JOINS}
      WHERE ${filter.sql}${after(roomKey)}
      ORDER BY ${orderBy(roomKey, span.direction)} LIMIT ?)
    ORDER BY ${orderBy(['k1', 'k2', 'k3', 'k4', 'stay_id'], span.direction)} LIMIT ?`;
  const key = span.after ?? [];
  const limit = span.limit + 1;
  return cachedStatement<KeyValue[], ResidentRow>(db, sql).all(
    ...[siteId, ...filter.params, ...key, limit],
    ...[siteId, ...key.slice(0, 4), ...filter.params, ...key, limit],
    limit,
  );
}
