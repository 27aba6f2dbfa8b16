import { siteDay, siteInstant } from './siteDate';

/**
 * The instant a receipt is dated for goods that arrived on a site day: now when that is today,
 * otherwise noon of that day (the hour is not known; the day is what the register and the letter
 * of thanks print).
 */
export function receivedInstant(day: string, now: Date): string {
  return day === siteDay(now) ? now.toISOString() : siteInstant(day, '12:00').toISOString();
}
