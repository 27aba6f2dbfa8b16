import { ageIfKnown } from '../../shared/idNumber';
import type { Resident, ResidentPage, ResidentSort, ResidentView } from '../../shared/residents';
import { observationDaysLeft } from '../../shared/observation';
import { addDays, siteDay } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';
import { departedRows, departedTotal } from './departedResidents';
import { afterKey, decodeCursor, orderBy, pageOf, type KeyValue } from '../services/keyset';
import { maskIdNumber } from '../services/masking';
import { vulnerableFlagsOfRow } from './people';
import { auditFullNumberSearch, residentSearch, type Searcher } from './residentSearch';
import {
  COLUMNS,
  ROOM_KEY,
  ROW_JOINS,
  type Filter,
  type PageSpan,
  type ResidentRow,
} from './residentRows';

export interface ResidentPageInput {
  siteId: number;
  view: ResidentView;
  search?: string | undefined;
  sort: ResidentSort;
  direction: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
}

const SORT_KEYS: Record<ResidentSort, { sql: string[]; of: (r: ResidentRow) => KeyValue[] }> = {
  room: {
    sql: ROOM_KEY,
    of: (r) => [
      r.building_code ?? '',
      r.floor_level ?? -1000,
      r.room_number?.length ?? 0,
      r.room_number ?? '',
      r.stay_id,
    ],
  },
  observation_end: {
    sql: ["coalesce(s.observation_end, '')", 's.id'],
    of: (r) => [r.observation_end ?? '', r.stay_id],
  },
  check_in: {
    sql: ["coalesce(s.check_in_at, '')", 's.id'],
    of: (r) => [r.check_in_at ?? '', r.stay_id],
  },
};

/**
 * The site's residents of a view other than the departed (see departedResidents.ts), by index and
 * never by reading every stay: through the site's rooms and the partial index of active stays.
 * CROSS JOIN keeps that order: without statistics the planner would start from the stays.
 */
const FROM_ACTIVE = `FROM (SELECT s.id FROM buildings b CROSS JOIN rooms r ON r.building_id = b.id
    CROSS JOIN stays s ON s.room_id = r.id AND s.status = 'active' WHERE b.site_id = ?) mine
  CROSS JOIN stays s ON s.id = mine.id ${ROW_JOINS}`;

export function viewFilter(view: ResidentView, today: string): Filter {
  switch (view) {
    case 'in_residence':
      return { sql: "s.status = 'active'", params: [] };
    case 'due_today':
      // Ends today or has ended (observationOver): every stay a release notice may be printed for.
      return { sql: "s.status = 'active' AND s.observation_end <= ?", params: [today] };
    case 'due_tomorrow':
      return { sql: "s.status = 'active' AND s.observation_end = ?", params: [addDays(today, 1)] };
    case 'departed':
      // People whose data was purged (privacy.purge) stay only as anonymous rows for the counts.
      return {
        sql: "s.status IN ('released','transferred','checked_out') AND p.document_number <> 'purged:' || p.id",
        params: [],
      };
  }
}

/** One page of a site's residents (or its departed), by keyset: flat cost however deep. */
export function residentPage(
  ctx: ServiceContext & { actor?: Searcher | null },
  input: ResidentPageInput,
): ResidentPage {
  // The searcher is the signed-in actor; without one (benches, service tests) no full number is compared.
  const searcher = ctx.actor ?? null;
  const now = ctx.now();
  const today = siteDay(now);
  const view = viewFilter(input.view, today);
  const searching = Boolean(input.search?.trim());
  const search = searching ? residentSearch(input.search!, searcher) : null;
  if (search?.fullNumber && searcher) auditFullNumberSearch(ctx, searcher, search.fullNumber);
  const filter: Filter = {
    sql: search ? `${view.sql} AND ${search.filter.sql}` : view.sql,
    params: [...view.params, ...(search?.filter.params ?? [])],
  };
  const keys = SORT_KEYS[input.sort];
  const span: PageSpan = {
    direction: input.direction,
    after: input.cursor ? decodeCursor(input.cursor, keys.sql.length) : null,
    limit: input.limit,
  };
  const departed = input.view === 'departed';
  const total = departed
    ? departedTotal(ctx.db, input.siteId, filter, searching, search?.endedStays)
    : activeTotal(ctx, input.siteId, filter);
  const rows = departed
    ? departedRows(ctx.db, input.siteId, input.sort, filter, span, search?.endedStays)
    : activeRows(ctx, input.siteId, keys.sql, filter, span);
  const { page, nextCursor } = pageOf(rows, input.limit, keys.of);
  return { rows: page.map((r) => toResident(r, now, today)), total, nextCursor };
}

/** How many residents a view other than the departed lists now: the list's own count. */
export function residentViewTotal(
  ctx: ServiceContext,
  input: { siteId: number; view: Exclude<ResidentView, 'departed'> },
): number {
  return activeTotal(ctx, input.siteId, viewFilter(input.view, siteDay(ctx.now())));
}

const activeTotal = (ctx: ServiceContext, siteId: number, filter: Filter): number =>
  ctx.db
    .prepare<KeyValue[], { n: number }>(`SELECT count(*) AS n ${FROM_ACTIVE} WHERE ${filter.sql}`)
    .get(siteId, ...filter.params)!.n;

function activeRows(
  ctx: ServiceContext,
  siteId: number,
  keys: string[],
  filter: Filter,
  span: PageSpan,
): ResidentRow[] {
  const where = [filter.sql];
  if (span.after) where.push(afterKey(keys, span.direction));
  return ctx.db
    .prepare<KeyValue[], ResidentRow>(
      `${COLUMNS} ${FROM_ACTIVE} WHERE ${where.join(' AND ')} ORDER BY ${orderBy(keys, span.direction)} LIMIT ?`,
    )
    .all(siteId, ...filter.params, ...(span.after ?? []), span.limit + 1);
}

function toResident(r: ResidentRow, now: Date, today: string): Resident {
  return {
    stayId: r.stay_id,
    personId: r.person_id,
    fullName: r.full_name,
    gender: r.gender,
    age: ageIfKnown(r.birth_date, now),
    documentMasked: maskIdNumber(r.document_number),
    category: r.category,
    household: r.household,
    vulnerable: vulnerableFlagsOfRow(r, now),
    status: r.status,
    roomId: r.room_id,
    roomNumber: r.room_number,
    checkInAt: r.check_in_at,
    observationEnd: r.observation_end,
    daysLeft:
      r.status === 'active' && r.observation_end
        ? observationDaysLeft(r.observation_end, today)
        : null,
    checkedOutAt: r.checked_out_at,
    checkoutKind: r.checkout_kind,
  };
}
