import { SITE_TIME_ZONE } from '@shared/siteDate';

/** Dates as the site reads them: instants in China Standard Time, in the UI's language. */
export const formatDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, {
    timeZone: SITE_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** The site's calendar day of an instant: 2026年11月29日 / November 29, 2026. */
export const formatInstantDay = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { timeZone: SITE_TIME_ZONE, dateStyle: 'long' }).format(
    new Date(iso),
  );

/** A YYYY-MM-DD day (already a site day) in the UI's language. */
export const formatDay = (day: string, language: string): string =>
  new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The site's wall clock of an instant, HH:MM (24-hour). */
export const formatClock = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: SITE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
