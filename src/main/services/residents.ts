import { ageOn } from '../../shared/idNumber';
import type { Category, CheckoutKind, Gender, StayStatus } from '../../shared/people';
import type { Resident, ResidentPage, ResidentSort, ResidentView } from '../../shared/residents';
import { addDays, daysBetween, siteDay, siteMidnight } from '../../shared/siteDate';
import type { ServiceContext } from './context';
import { afterKey, decodeCursor, escapeLike, orderBy, pageOf, type KeyValue } from './keyset';
import { maskIdNumber } from './masking';
import { vulnerableFlags } from './people';

export interface ResidentPageInput {
  siteId: number;
  view: ResidentView;
  search?: string | undefined;
  sort: ResidentSort;
  direction: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
}

interface ResidentRow {
  stay_id: number;
  person_id: number;
  full_name: string;
  gender: Gender;
  birth_date: string;
  document_number: string;
  category: Category;
  household: string | null;
  pregnant: number;
  chronic_illness: number;
  disability: number;
  status: StayStatus;
  room_id: number | null;
  room_number: string | null;
  building_code: string | null;
  floor_level: number | null;
  check_in_at: string | null;
  observation_end: string | null;
  checked_out_at: string | null;
  checkout_kind: CheckoutKind | null;
}

// A stay that never reached a room (a registration closed before check-in) sorts first.
const SORT_KEYS: Record<ResidentSort, { sql: string[]; of: (r: ResidentRow) => KeyValue[] }> = {
  room: {
    sql: [
      "coalesce(b.code, '')",
      'coalesce(f.level, -1000)',
      'coalesce(length(r.number), 0)',
      "coalesce(r.number, '')",
      's.id',
    ],
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
 * The site's stays a view can show, by index and never by reading every stay: through the
 * site's rooms (active ones by the partial index of active stays), and for departures also the
 * registrations closed before check-in, through the site's arrival batches. CROSS JOIN keeps
 * that order: without statistics the planner would start from the stays.
 */
function siteStays(view: ResidentView): string {
  const inRooms = `SELECT s.id FROM buildings b CROSS JOIN rooms r ON r.building_id = b.id
    CROSS JOIN stays s ON s.room_id = r.id AND s.status ${view === 'departed' ? "<> 'active'" : "= 'active'"}
    WHERE b.site_id = ?`;
  if (view !== 'departed') return inRooms;
  return `${inRooms} UNION ALL SELECT s.id FROM arrival_batches ab
    CROSS JOIN stays s ON s.batch_id = ab.id AND s.room_id IS NULL WHERE ab.site_id = ?`;
}

const fromSite = (view: ResidentView): string => `FROM (${siteStays(view)}) mine
  CROSS JOIN stays s ON s.id = mine.id
  JOIN people p ON p.id = s.person_id
  LEFT JOIN rooms r ON r.id = s.room_id
  LEFT JOIN floors f ON f.id = r.floor_id
  LEFT JOIN buildings b ON b.id = r.building_id`;

const COLUMNS = `SELECT s.id AS stay_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, p.document_number,
  p.category, s.household, p.pregnant, p.chronic_illness, p.disability, s.status, s.room_id,
  r.number AS room_number, b.code AS building_code, f.level AS floor_level, s.check_in_at,
  s.observation_end, s.checked_out_at, s.checkout_kind`;

function viewFilter(view: ResidentView, today: string): { sql: string; params: KeyValue[] } {
  switch (view) {
    case 'in_residence':
      return { sql: "s.status = 'active'", params: [] };
    case 'due_today':
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

/**
 * One search box for what a coordinator has at hand: part of a name, a room label, or the visible
 * ends of a masked document number (`3206`, `123X`, or the whole `3206**********123X` pasted).
 */
function searchFilter(search: string): { sql: string; params: KeyValue[] } {
  const q = search.trim().toUpperCase();
  const like = `%${escapeLike(q)}%`;
  const clauses = ["p.full_name LIKE ? ESCAPE '\\'", "r.number LIKE ? ESCAPE '\\'"];
  const params: KeyValue[] = [like, like];
  const masked = /^([0-9A-Z]*)\*+([0-9A-Z]*)$/.exec(q);
  if (masked) {
    clauses.push("(p.document_number LIKE ? ESCAPE '\\' AND length(p.document_number) = ?)");
    params.push(`${escapeLike(masked[1]!)}%${escapeLike(masked[2]!)}`, q.length);
  } else if (/^[0-9A-Z]{4,}$/.test(q)) {
    clauses.push("p.document_number LIKE ? ESCAPE '\\'", "p.document_number LIKE ? ESCAPE '\\'");
    params.push(`${escapeLike(q)}%`, `%${escapeLike(q)}`);
  }
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/** One page of a site's residents (or its departed), by keyset: flat cost however deep. */
export function residentPage(ctx: ServiceContext, input: ResidentPageInput): ResidentPage {
  const now = ctx.now();
  const today = siteDay(now);
  // A stay belongs to the site of its room, or (never checked in) of its arrival batch.
  const from = fromSite(input.view);
  const params: KeyValue[] =
    input.view === 'departed' ? [input.siteId, input.siteId] : [input.siteId];
  const where: string[] = [];
  const view = viewFilter(input.view, today);
  where.push(view.sql);
  params.push(...view.params);
  if (input.search?.trim()) {
    const search = searchFilter(input.search);
    where.push(search.sql);
    params.push(...search.params);
  }
  const filter = where.join(' AND ');
  const total = ctx.db
    .prepare<KeyValue[], { n: number }>(`SELECT count(*) AS n ${from} WHERE ${filter}`)
    .get(...params)!.n;

  const keys = SORT_KEYS[input.sort];
  const pageWhere = [filter];
  const pageParams = [...params];
  if (input.cursor) {
    pageWhere.push(afterKey(keys.sql, input.direction));
    pageParams.push(...decodeCursor(input.cursor, keys.sql.length));
  }
  const rows = ctx.db
    .prepare<KeyValue[], ResidentRow>(
      `${COLUMNS} ${from} WHERE ${pageWhere.join(' AND ')} ORDER BY ${orderBy(keys.sql, input.direction)} LIMIT ?`,
    )
    .all(...pageParams, input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit, keys.of);
  return { rows: page.map((r) => toResident(r, now, today)), total, nextCursor };
}

function toResident(r: ResidentRow, now: Date, today: string): Resident {
  return {
    stayId: r.stay_id,
    personId: r.person_id,
    fullName: r.full_name,
    gender: r.gender,
    age: ageOn(r.birth_date, siteMidnight(now)),
    documentMasked: maskIdNumber(r.document_number),
    category: r.category,
    household: r.household,
    vulnerable: vulnerableFlags(
      {
        birthDate: r.birth_date,
        pregnant: r.pregnant === 1,
        chronicIllness: r.chronic_illness === 1,
        disability: r.disability === 1,
      },
      now,
    ),
    status: r.status,
    roomId: r.room_id,
    roomNumber: r.room_number,
    checkInAt: r.check_in_at,
    observationEnd: r.observation_end,
    daysLeft:
      r.status === 'active' && r.observation_end ? daysBetween(today, r.observation_end) : null,
    checkedOutAt: r.checked_out_at,
    checkoutKind: r.checkout_kind,
  };
}
