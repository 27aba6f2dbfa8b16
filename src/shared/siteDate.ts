/** Isolation sites run on China Standard Time: "today", due dates and observation ends are CST days. */
export const SITE_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The site's calendar day of an instant, as YYYY-MM-DD. */
export function siteDay(instant: Date): string {
  return formatter.format(instant);
}

/** A YYYY-MM-DD day plus n days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Midnight (as UTC) of the site's day of an instant: ages and birthdays count on the site's calendar. */
export function siteMidnight(instant: Date): Date {
  return new Date(`${siteDay(instant)}T00:00:00Z`);
}

/** China Standard Time has had no daylight saving since 1991: always UTC+8. */
const SITE_OFFSET = '+08:00';
export const SITE_OFFSET_MINUTES = 8 * 60;

/** The instant of HH:MM on a site day. */
export function siteInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00${SITE_OFFSET}`);
}
