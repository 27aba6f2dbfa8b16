import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { SITE_TIME_ZONE } from '@shared/siteDate';

// The pickers read and write on the site's clock (China Standard Time), never the computer's.
dayjs.extend(utc);
dayjs.extend(timezone);

/** What a half-typed or impossible date (2026-02-30) becomes: no contract accepts it, so it is named. */
export const INCOMPLETE_DATE = 'incomplete-date';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A complete YYYY-MM-DD day (not '' and not INCOMPLETE_DATE). */
export const isDay = (text: string): boolean => DAY.test(text);

/** A form's value (YYYY-MM-DD day, or ISO instant with a time) as the picker's value. */
export function toPicker(text: string, withTime: boolean): Dayjs | null {
  if (!text || text === INCOMPLETE_DATE) return null;
  const value = withTime ? dayjs(text).tz(SITE_TIME_ZONE) : dayjs.tz(text, SITE_TIME_ZONE);
  return value.isValid() ? value : null;
}

/** The picker's value as the form's: YYYY-MM-DD, or an ISO instant with a time; '' when cleared. */
export function fromPicker(value: Dayjs | null, withTime: boolean): string {
  if (value === null) return '';
  if (!value.isValid()) return INCOMPLETE_DATE;
  // The field shows minutes: seconds kept from an initial "now" would be invisible and untypable.
  return withTime ? value.startOf('minute').toISOString() : value.format('YYYY-MM-DD');
}

/** One display format on screen whatever the language: 2026-12-06, 2026-12-06 08:30. */
export const pickerFormat = (withTime: boolean) => (withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');

/** A YYYY-MM-DD day as a picker bound (minDate/maxDate). */
export const dayBound = (day: string | undefined): Dayjs | undefined =>
  day ? dayjs.tz(day, SITE_TIME_ZONE) : undefined;
