import type { TFunction } from 'i18next';
import { standingOfDaysLeft, type CheckInWarning } from '@shared/observation';
import { formatDay } from './dates';

/** 剩 N 天 / 今日期满 / 已超期 N 天: the one wording of the observation clock. */
export function standingText(t: TFunction, daysLeft: number): string {
  const { state, days } = standingOfDaysLeft(daysLeft);
  return t(`observationStanding.${state}`, { days });
}

/** The warning for someone whose observation is over at check-in, with every date it rests on. */
export function checkInWarningText(t: TFunction, w: CheckInWarning): string {
  return t(`observationStanding.atCheckIn.${w.state}`, {
    exposure: formatDay(w.lastExposureDate),
    observationDays: w.observationDays,
    end: formatDay(w.end),
    checkIn: formatDay(w.checkInDay),
    days: w.days,
  });
}
