import type { RoomSortField } from '../../shared/contract';
import type { RoomPage, RoomStatus } from '../../shared/domain';
import type { ServiceContext } from '../services/context';
import {
  afterKey,
  decodeCursor,
  escapeLike,
  orderBy,
  pageOf,
  type KeyValue,
} from '../services/keyset';
import { ROOM_SELECT, toRoom, type RoomRow } from './roomRows';

export interface RoomPageInput {
  siteId: number;
  buildingId?: number | undefined;
  statuses?: RoomStatus[] | undefined;
  includeRetired: boolean;
  search?: string | undefined;
  sort: RoomSortField;
  direction: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
}

/** Each sort is a key tuple ending in the room id, so the order is total and a cursor is exact. */
const SORT_KEYS: Record<RoomSortField, { sql: string[]; of: (r: RoomRow) => KeyValue[] }> = {
  location: {
    sql: ['b.code', 'f.level', 'length(r.number)', 'r.number', 'r.id'],
    of: (r) => [r.building_code, r.floor_level, r.number.length, r.number, r.id],
  },
  capacity: { sql: ['r.capacity', 'r.id'], of: (r) => [r.capacity, r.id] },
  status: { sql: ['r.status', 'r.id'], of: (r) => [r.status, r.id] },
  type: { sql: ['r.type', 'r.id'], of: (r) => [r.type, r.id] },
};

/** One page of rooms by keyset (no OFFSET): cost stays flat however deep the page. */
export function roomPage(ctx: ServiceContext, input: RoomPageInput): RoomPage {
  const where: string[] = ['b.site_id = ?'];
  const params: KeyValue[] = [input.siteId];
  if (input.buildingId !== undefined) {
    where.push('r.building_id = ?');
    params.push(input.buildingId);
  }
  if (input.statuses && input.statuses.length > 0) {
    where.push(`r.status IN (${input.statuses.map(() => '?').join(',')})`);
    params.push(...input.statuses);
  }
  if (!input.includeRetired) where.push('r.retired_at IS NULL');
  if (input.search) {
    where.push("r.number LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(input.search.toUpperCase())}%`);
  }
  const filter = where.join(' AND ');
  const total = ctx.db
    .prepare<KeyValue[], { n: number }>(
      `SELECT count(*) AS n FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE ${filter}`,
    )
    .get(...params)!.n;

  const keys = SORT_KEYS[input.sort];
  const pageWhere = [filter];
  const pageParams = [...params];
  if (input.cursor) {
    pageWhere.push(afterKey(keys.sql, input.direction));
    pageParams.push(...decodeCursor(input.cursor, keys.sql.length));
  }
  const rows = ctx.db
    .prepare<KeyValue[], RoomRow>(
      `${ROOM_SELECT} WHERE ${pageWhere.join(' AND ')}
       ORDER BY ${orderBy(keys.sql, input.direction)} LIMIT ?`,
    )
    .all(...pageParams, input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit, keys.of);
  return { rows: page.map(toRoom), total, nextCursor };
}
