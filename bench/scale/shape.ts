/**
 * The district the scale database describes: ten sites, 5,000 rooms, 100,000 stays, 3,000,000
 * readings, 300 items with 500,000 movements, 500 staff with 500,000 shift assignments. "Now" is
 * fixed, so every figure is measured on the same data.
 */
export const SCALE = {
  now: '2026-11-29T08:00:00.000Z',
  today: '2026-11-29',
  stays: 100_000,
  /** Registered today at site 1 and not yet placed: the allocation benchmark's batch. */
  arrivals: 200,
  readings: 3_000_000,
  items: 300,
  movements: 500_000,
  staff: 500,
  assignments: 500_000,
} as const;

/** Rooms per site: site 1 has 1,000 (4 buildings), site 2 600, sites 3–10 425 each: 5,000. */
export const SITE_SHAPES: readonly { buildings: number; floors: number }[] = [
  { buildings: 4, floors: 10 },
  { buildings: 2, floors: 12 },
  ...Array.from({ length: 8 }, () => ({ buildings: 1, floors: 17 })),
];
export const ROOMS_PER_FLOOR = 25;

/** Room n of a floor: 1–15 single, 16–20 double, 21–24 family of 4, 25 accessible. */
export function roomKind(n: number): {
  type: 'single' | 'double' | 'family' | 'accessible';
  capacity: number;
} {
  if (n <= 15) return { type: 'single', capacity: 1 };
  if (n <= 20) return { type: 'double', capacity: 2 };
  if (n <= 24) return { type: 'family', capacity: 4 };
  return { type: 'accessible', capacity: 1 };
}

/** The account the benchmark signs in with (a throwaway database: the password is no secret). */
export const BENCH_USER = { username: 'bench', password: 'Scale-bench-desk-2026!' } as const;

/** Site time is UTC+8 with no daylight saving: day arithmetic without Intl in the hot loops. */
const SITE_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
// Millions of calls while seeding: each day's name and midnight are worked out once.
const dayNames = new Map<number, string>();
const midnights = new Map<string, number>();
export function dayOfMs(ms: number): string {
  const index = Math.floor((ms + SITE_OFFSET_MS) / DAY_MS);
  let name = dayNames.get(index);
  if (name === undefined) {
    name = new Date(index * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(index, name);
  }
  return name;
}
export function msOfDay(day: string, minutes: number): number {
  let midnight = midnights.get(day);
  if (midnight === undefined) {
    midnight = Date.parse(`${day}T00:00:00Z`) - SITE_OFFSET_MS;
    midnights.set(day, midnight);
  }
  return midnight + minutes * 60_000;
}
export const iso = (ms: number): string => new Date(ms).toISOString();
