import type { Db } from '../../src/main/db/open';
import { SCALE, dayOfMs, iso, msOfDay } from './shape';
import { STAFF_PER_SITE, postOfStaff } from './seedStructure';

const SHIFT_START_MIN = [0, 8 * 60, 16 * 60];
const SHIFT_MINUTES = 8 * 60;
const HEAD_COUNT = 2;

/**
 * Which shift (0 night, 1 day, 2 evening) staff j of a site works on a day, or null on their day
 * off. Each person has their own weekday off and moves one shift later each week, right after it:
 * never two shifts within 8 hours, never more than 48 hours a week.
 */
export function shiftOf(j: number, epochDay: number): number | null {
  const since = epochDay - (j % 7);
  if (((since % 7) + 7) % 7 === 6) return null;
  return ((((j % 3) + Math.floor(since / 7)) % 3) + 3) % 3;
}

/**
 * 500,000 assignments of published monthly rosters at the ten sites, walked back from the end of
 * this month until there are enough (the first month is partly filled).
 */
export function seedRoster(
  db: Db,
  input: {
    siteIds: number[];
    staffIds: number[];
    templates: number[][];
    posts: { id: number }[][];
    publishedBy: number;
  },
  progress: (label: string, done: number, total: number) => void,
): number {
  const monthEnd = '2026-11-30';
  interface Row {
    site: number;
    post: number;
    shift: number;
    day: string;
    staff: number;
  }
  const rows: Row[] = [];
  for (let back = 0; rows.length < SCALE.assignments; back++) {
    const day = dayOfMs(msOfDay(monthEnd, -back * 1440));
    const epochDay = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    for (let s = 0; s < input.siteIds.length; s++) {
      const filled = new Map<string, number>();
      for (let j = 0; j < STAFF_PER_SITE; j++) {
        const shift = shiftOf(j, epochDay);
        if (shift === null) continue;
        const post = postOfStaff(j);
        const key = `${post}/${shift}`;
        if ((filled.get(key) ?? 0) >= HEAD_COUNT) continue;
        filled.set(key, (filled.get(key) ?? 0) + 1);
        rows.push({ site: s, post, shift, day, staff: input.staffIds[s * STAFF_PER_SITE + j]! });
      }
    }
  }
  rows.length = SCALE.assignments;
  const firstDay = rows[rows.length - 1]!.day;

  const insertPeriod = db.prepare(
    `INSERT INTO roster_periods (site_id, starts_on, ends_on, status, version, published_at, published_by, created_at)
     VALUES (?, ?, ?, 'published', 1, ?, ?, ?)`,
  );
  const periodOf = new Map<string, number>();
  for (let month = firstDay.slice(0, 7); month <= monthEnd.slice(0, 7);) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const start = `${month}-01`;
    const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const end = dayOfMs(msOfDay(next, -1440));
    const published = iso(msOfDay(start, -5 * 1440 + 10 * 60));
    input.siteIds.forEach((siteId, s) => {
      periodOf.set(
        `${s}/${month}`,
        Number(
          insertPeriod.run(siteId, start, end, published, input.publishedBy, published)
            .lastInsertRowid,
        ),
      );
    });
    month = next.slice(0, 7);
  }

  const insert = db.prepare(
    `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Oldest first, so ids grow with time as they would have.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const startMs = msOfDay(r.day, SHIFT_START_MIN[r.shift]!);
    const periodId = periodOf.get(`${r.site}/${r.day.slice(0, 7)}`)!;
    insert.run(
      periodId,
      input.posts[r.site]![r.post]!.id,
      input.templates[r.site]![r.shift]!,
      r.day,
      r.staff,
      iso(startMs),
      iso(startMs + SHIFT_MINUTES * 60_000),
    );
    if (i % 100_000 === 0) progress('roster', rows.length - i, rows.length);
  }
  return rows.length;
}
