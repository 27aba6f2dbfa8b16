import { addDays } from '../../shared/siteDate';
import type { ForecastBasis, NormLine } from '../../shared/supply';
import type { DayShifts } from './forecastShifts';

/** What one day brings to the norms: residents, occupied rooms and shifts. */
export interface DayLoad {
  residents: number;
  rooms: number;
  shifts: DayShifts;
}

/** An item's use on one day by its norm lines. */
export function useOnDay(lines: readonly NormLine[], load: DayLoad): number {
  let use = 0;
  for (const l of lines) {
    if (l.basis === 'resident_day') use += l.quantity * load.residents;
    else if (l.basis === 'room_day') use += l.quantity * load.rooms;
    else if (l.postId !== undefined) use += l.quantity * (load.shifts.byPost.get(l.postId) ?? 0);
    else if (l.role !== undefined) use += l.quantity * (load.shifts.byRole.get(l.role) ?? 0);
    else use += l.quantity * load.shifts.total;
  }
  return use;
}

export interface Projection {
  basis: ForecastBasis;
  horizonUse: number;
  daysOfSupply: number | null;
  runsOutOn: string | null;
  requestQuantity: number;
}

/** Float sums of two-decimal norms land a hair off whole numbers; never round that up. */
const EPSILON = 1e-9;
const floorTenth = (n: number) => Math.floor(n * 10 + EPSILON) / 10;

/**
 * Days of supply along a daily use that changes (releases, arrivals, rosters): the stock covers
 * whole days while it lasts, then the fraction of the day it runs out on. Past the window the last
 * day's use is assumed to go on; with no use at all the stock never runs out (null).
 */
function coveredDays(onHand: number, daily: readonly number[]): number | null {
  let left = onHand;
  for (let i = 0; i < daily.length; i++) {
    const use = daily[i]!;
    if (use > left + EPSILON) return i + left / use;
    left -= use;
  }
  const last = daily[daily.length - 1] ?? 0;
  return last > 0 ? daily.length + left / last : null;
}

/**
 * One item's outlook: by its norms when it has any (`daily`, one use per day of the window from
 * today), else by last week's rate, else nothing to say. The request covers the horizon's use plus
 * the margin, less what is on hand, in whole base units.
 */
export function project(input: {
  today: string;
  onHand: number;
  daily: readonly number[] | null;
  ratePerDay: number | null;
  horizonDays: number;
  marginPercent: number;
}): Projection {
  const { today, onHand, daily, ratePerDay, horizonDays } = input;
  const basis: ForecastBasis = daily ? 'forecast' : ratePerDay ? 'rate' : 'none';
  const horizonUse = daily
    ? daily.slice(0, horizonDays).reduce((s, u) => s + u, 0)
    : (ratePerDay ?? 0) * horizonDays;
  const days = daily ? coveredDays(onHand, daily) : ratePerDay ? onHand / ratePerDay : null;
  const wanted = horizonUse * (1 + input.marginPercent / 100) - onHand;
  return {
    basis,
    horizonUse,
    daysOfSupply: days === null ? null : floorTenth(days),
    runsOutOn: days === null ? null : addDays(today, Math.floor(days + EPSILON)),
    requestQuantity: wanted > EPSILON ? Math.ceil(wanted - EPSILON) : 0,
  };
}
