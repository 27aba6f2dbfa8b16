import { addDays, siteDay } from '../../shared/siteDate';
import { MAX_HORIZON_DAYS, type ForecastItem, type SupplyForecast } from '../../shared/supply';
import { getActiveSite } from '../registry/sites';
import { isoNow, type ServiceContext } from '../services/context';
import { peopleByDay } from './forecastPeople';
import { project, useOnDay, type DayLoad } from './forecastProjection';
import { shiftsByDay } from './forecastShifts';
import { usableOnHand } from './forecastUsage';
import { usagePerDay } from './usageRate';
import { activeItemHeads, normLinesOfSite } from './norms';

/** The projection always runs this far, whatever the horizon: days of supply look past it. */
const WINDOW_DAYS = MAX_HORIZON_DAYS;

const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * The supply outlook of a site: residents and rooms expected each day (in residence, arrivals
 * registered, releases due), the roster's shifts, and for every active item its use by its norms
 * (or last week's rate where it has none), its days of supply, the day it runs out and what to
 * request to cover the horizon with the margin.
 */
export function supplyForecast(
  ctx: ServiceContext,
  input: { siteId: number; horizonDays: number; marginPercent: number },
): SupplyForecast {
  const site = getActiveSite(ctx, input.siteId);
  const today = siteDay(ctx.now());
  const days = Array.from({ length: WINDOW_DAYS }, (_d, i) => addDays(today, i));
  const people = peopleByDay(ctx, site.id, today, WINDOW_DAYS);
  const shifts = shiftsByDay(ctx, site.id, days);
  const loads: DayLoad[] = days.map((_d, i) => ({
    residents: people.residents[i]!,
    rooms: people.rooms[i]!,
    shifts: shifts[i]!,
  }));
  const norms = normLinesOfSite(ctx, site.id);
  const onHand = usableOnHand(ctx, site.id, today);
  const rates = usagePerDay(ctx, { siteId: site.id, day: today }).perDay;
  const items = activeItemHeads(ctx).map((item): ForecastItem => {
    const lines = norms.get(item.itemId);
    const daily = lines ? loads.map((load) => useOnDay(lines, load)) : null;
    const ratePerDay = rates.get(item.itemId) ?? null;
    const stock = onHand.get(item.itemId) ?? 0;
    const outlook = project({
      today,
      onHand: stock,
      daily,
      ratePerDay: ratePerDay && ratePerDay > 0 ? ratePerDay : null,
      horizonDays: input.horizonDays,
      marginPercent: input.marginPercent,
    });
    return {
      ...item,
      onHand: stock,
      forecastPerDay: daily ? tenth(outlook.horizonUse / input.horizonDays) : null,
      ratePerDay: ratePerDay === null ? null : tenth(ratePerDay),
      ...outlook,
      horizonUse: tenth(outlook.horizonUse),
    };
  });
  return {
    siteId: site.id,
    siteName: site.name,
    today,
    horizonDays: input.horizonDays,
    marginPercent: input.marginPercent,
    generatedAt: isoNow(ctx),
    days: loads.slice(0, input.horizonDays).map((load, i) => ({
      day: days[i]!,
      residents: load.residents,
      rooms: load.rooms,
      shifts: tenth(load.shifts.total),
      shiftSource: load.shifts.source,
    })),
    items,
  };
}
