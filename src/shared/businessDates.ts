import type { FieldErrors } from './errors';
import { siteDay } from './siteDate';

/**
 * The days the desk's records may be about. A date outside them is a typing slip (`2062` for
 * `2026`, a year left out) that would sort a list, a report or a lot's expiry wrongly for good.
 */
export const EARLIEST_BUSINESS_DAY = '2000-01-01';
/** How far ahead an arrival, a movement or a disinfection may be dated: planned, not imagined. */
export const BUSINESS_YEARS_AHEAD = 1;
/** A lot's expiry may lie further ahead: medicines and equipment keep for years. */
export const EXPIRY_YEARS_AHEAD = 10;

/** A YYYY-MM-DD day plus whole years (29 February becomes 1 March). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The field code for a site day (or an instant's site day) outside the range, or null. */
export function businessDateProblem(
  value: string,
  today: string,
  yearsAhead: number = BUSINESS_YEARS_AHEAD,
): 'date_before_2000' | 'date_too_late' | null {
  const day = value.length === 10 ? value : siteDay(new Date(value));
  if (day < EARLIEST_BUSINESS_DAY) return 'date_before_2000';
  if (day > addYears(today, yearsAhead)) return 'date_too_late';
  return null;
}

/** The problems of several dated fields at once, keyed by field like the contract's own. */
export function businessDateErrors(
  dated: Record<string, string | undefined>,
  today: string,
  yearsAhead: number = BUSINESS_YEARS_AHEAD,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const [field, value] of Object.entries(dated)) {
    const problem = value === undefined ? null : businessDateProblem(value, today, yearsAhead);
    if (problem) fields[field] = problem;
  }
  return fields;
}
