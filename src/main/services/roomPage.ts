import type { RoomSortField } from '../../shared/contract';
import type { RoomPage, RoomStatus } from '../../shared/domain';
import type { ServiceContext } from './context';
import { DomainError } from './errors';
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

type KeyValue = string | number;

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

const encodeCursor = (key: KeyValue[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return key as KeyValue[];
    }
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('INVALID_INPUT', 'Invalid cursor', {}, { cursor: 'invalid' });
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC';
  const pageWhere = [filter];
  const pageParams = [...params];
  if (input.cursor) {
    const after = decodeCursor(input.cursor, keys.sql.length);
    pageWhere.push(
      `(${keys.sql.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${keys.sql.map(() => '?').join(', ')})`,
    );
    pageParams.push(...after);
  }
  const rows = ctx.db
    .prepare<KeyValue[], RoomRow>(
      `${ROOM_SELECT} WHERE ${pageWhere.join(' AND ')}
       ORDER BY ${keys.sql.map((k) => `${k} ${dir}`).join(', ')} LIMIT ?`,
    )
    .all(...pageParams, input.limit + 1);
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map(toRoom),
    total,
    nextCursor: hasMore && last ? encodeCursor(keys.of(last)) : null,
  };
}
