/** Consumption norms, the supply forecast and the request to the district: shared vocabulary. */
import type { StaffRole } from './roster';
import type { OnHandRow } from './stock';

/** How an item is named in a row: the same fields as the on-hand list's. */
export type ItemHead = Pick<OnHandRow, 'itemId' | 'name' | 'spec' | 'category' | 'baseUnit'>;

/** What a norm line counts: a resident's day, an occupied room's day, or a staff shift. */
export const NORM_BASES = ['resident_day', 'room_day', 'staff_shift'] as const;
export type NormBasis = (typeof NORM_BASES)[number];

/** One line of an item's norm; a shift line may be limited to one post or one staff role. */
export interface NormLine {
  basis: NormBasis;
  /** In the item's base unit, at most two decimals (0.2 bottle of disinfectant per room a day). */
  quantity: number;
  postId?: number | undefined;
  role?: StaffRole | undefined;
}

export interface ItemNorms extends ItemHead {
  lines: NormLine[];
  /** A default proposed for an item with no norm yet (never saved until someone accepts it). */
  suggested: NormLine[];
}

/** The longest horizon a forecast or request may look ahead; the projection runs this far. */
export const MAX_HORIZON_DAYS = 60;
export const DEFAULT_HORIZON_DAYS = 7;
export const DEFAULT_MARGIN_PERCENT = 20;

/** Where a day's shift count comes from: the published roster, else the posts' plan, else none. */
export type ShiftSource = 'roster' | 'posts' | 'none';

export interface ForecastDay {
  day: string;
  residents: number;
  rooms: number;
  shifts: number;
  shiftSource: ShiftSource;
}

/** Which figure a row's days of supply use: the norms, the last 7 days' issues, or neither. */
export type ForecastBasis = 'forecast' | 'rate' | 'none';

export interface ForecastItem extends ItemHead {
  /** Everything the site holds, its floor stations included. */
  onHand: number;
  /** Mean daily use over the horizon from the norms; null without a norm. */
  forecastPerDay: number | null;
  /** Mean daily issues of the last 7 days (internal transfers excluded); null if none. */
  ratePerDay: number | null;
  basis: ForecastBasis;
  /** Use over the horizon by the figure used. */
  horizonUse: number;
  /** One decimal; null when the basis is 'none' or the use is nil. */
  daysOfSupply: number | null;
  /** The day the stock no longer covers the day's use; null when it never does. */
  runsOutOn: string | null;
  /** To cover the horizon's use plus the margin, in whole base units; 0 when covered. */
  requestQuantity: number;
}

export interface SupplyForecast {
  siteId: number;
  siteName: string;
  today: string;
  horizonDays: number;
  marginPercent: number;
  generatedAt: string;
  days: ForecastDay[];
  items: ForecastItem[];
}

/** The request to the district: the items whose stock does not cover the horizon, soonest first. */
export function requestLines(forecast: SupplyForecast): ForecastItem[] {
  return forecast.items
    .filter((i) => i.requestQuantity > 0)
    .sort(
      (a, b) => (a.daysOfSupply ?? Infinity) - (b.daysOfSupply ?? Infinity) || a.itemId - b.itemId,
    );
}
