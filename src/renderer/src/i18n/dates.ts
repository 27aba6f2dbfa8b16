/**
 * Every date the desk shows, in one place. The screen reads 2026-12-06 (2026-12-06 08:30 with a
 * time) in both languages; prints read 2026年12月6日 in Chinese and 6 Dec 2026 in English. Instants
 * are read on the site's clock (China Standard Time), whatever the browser's or the computer's
 * locale and time zone: nothing here asks either, so an office PC set to English (United States)
 * prints the same paper as one set to Chinese.
 */
import { SITE_OFFSET_MINUTES } from '@shared/siteDate';

/** The site's wall clock of an instant as `YYYY-MM-DDTHH:MM`: shifted by the fixed offset, read as UTC. */
export function siteWallClock(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Date(at + SITE_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

const dayOf = (iso: string) => siteWallClock(iso).slice(0, 10);

/** The site's wall clock of an instant, HH:MM (24-hour). */
export const formatClock = (iso: string): string => siteWallClock(iso).slice(11, 16);

// ---------------------------------------------------------------- on screen

/** A YYYY-MM-DD day on screen: as it is. */
export const formatDay = (day: string): string => day;

/** The site's calendar day of an instant on screen: 2026-12-06. */
export const formatInstantDay = (iso: string): string => dayOf(iso);

/** An instant on screen, on the site's clock: 2026-12-06 08:30. */
export const formatDateTime = (iso: string): string => siteWallClock(iso).replace('T', ' ');

/** A day heading a roster column: 12-06 周日 / 12-06 Sun. */
export function formatWeekdayHead(day: string, language: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const names = language === 'en' ? EN_WEEKDAYS : ZH_WEEKDAYS;
  return `${day.slice(5)} ${names[weekday]}`;
}

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// ---------------------------------------------------------------- on paper

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A YYYY-MM-DD day on paper: 2026年12月6日 / 6 Dec 2026. */
export function printDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return day;
  return language === 'en' ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

/** The site's calendar day of an instant on paper. */
export const printInstantDay = (iso: string, language: string): string =>
  printDay(dayOf(iso), language);

/** An instant on paper, on the site's clock: 2026年12月6日 08:30 / 6 Dec 2026 08:30. */
export const printDateTime = (iso: string, language: string): string =>
  `${printInstantDay(iso, language)} ${formatClock(iso)}`;
