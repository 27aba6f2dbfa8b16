/**
 * Where a person's observation stands, one rule for every screen, print and export: the board
 * tile, the room dialog, the residents list, the person page, the occupancy print, the release
 * notice and the warnings at check-in all say it the same way.
 */
import { addDays, daysBetween } from './siteDate';

/**
 * `running`: `days` whole days left; `ends_today`: the observation ends on the site day;
 * `overdue`: it ended `days` days ago. Each state has one catalogue entry,
 * `observationStanding.<state>` (剩 N 天 / 今日期满 / 已超期 N 天).
 */
export type ObservationState = 'running' | 'ends_today' | 'overdue';

export interface ObservationStanding {
  state: ObservationState;
  /** Days left (running), 0 (ends today) or days past the end (overdue): never negative. */
  days: number;
}

/** Days from the site day to the observation end: negative once it has passed. */
export function observationDaysLeft(end: string, today: string): number {
  return daysBetween(today, end);
}

/** The standing for a number of days left, as main computes it from the site day. */
export function standingOfDaysLeft(daysLeft: number): ObservationStanding {
  if (daysLeft > 0) return { state: 'running', days: daysLeft };
  if (daysLeft === 0) return { state: 'ends_today', days: 0 };
  return { state: 'overdue', days: -daysLeft };
}

/** Where an observation ending on `end` stands on the site day `today`. */
export function observationStanding(end: string, today: string): ObservationStanding {
  return standingOfDaysLeft(observationDaysLeft(end, today));
}

/** A release notice may be issued once the observation ends today or has ended. */
export const observationOver = (end: string, today: string): boolean =>
  observationStanding(end, today).state !== 'running';

/** The last exposure (or, without one, the check-in day) plus the observation days. */
export function observationEndOf(p: {
  lastExposureDate: string | null | undefined;
  checkInDay: string;
  observationDays: number;
}): string {
  return addDays(p.lastExposureDate || p.checkInDay, p.observationDays);
}

/**
 * The observation of someone checking in on `checkInDay` is already over (it ends that day or
 * ended before): what the preview, the batch view and the allocation step warn about, with dates.
 */
export interface CheckInWarning {
  lastExposureDate: string;
  observationDays: number;
  end: string;
  checkInDay: string;
  /** On the check-in day: the observation ends that day, or ended `days` days before. */
  state: Exclude<ObservationState, 'running'>;
  days: number;
}

/** The warning for one person, or null when the observation still runs at check-in. */
export function checkInWarning(p: {
  lastExposureDate: string | null | undefined;
  checkInDay: string;
  observationDays: number;
}): CheckInWarning | null {
  if (!p.lastExposureDate) return null;
  const end = observationEndOf(p);
  const { state, days } = observationStanding(end, p.checkInDay);
  if (state === 'running') return null;
  return {
    lastExposureDate: p.lastExposureDate,
    observationDays: p.observationDays,
    end,
    checkInDay: p.checkInDay,
    state,
    days,
  };
}

/** The day people of a batch check in: the day it arrives, or today once that has passed. */
export const checkInDayOf = (arrivalDay: string, today: string): string =>
  arrivalDay > today ? arrivalDay : today;
