/** What the site's stores need watched on a day: the daily report's 物资预警 and the home screen's. */

export interface StockItemRef {
  name: string;
  spec: string;
  baseUnit: string;
}

export interface StockAlerts {
  /** Items below their low threshold. */
  low: (StockItemRef & { onHand: number; lowThreshold: number })[];
  /** Lots past their expiry, and lots expiring within the set days (`daysLeft` ≥ 0). */
  expired: (StockItemRef & { lotCode: string; expiry: string; quantity: number })[];
  expiring: (StockItemRef & {
    lotCode: string;
    expiry: string;
    quantity: number;
    daysLeft: number;
  })[];
  /**
   * The items used in the last 7 days, fewest days of supply first: on hand ÷ the 7 days' use
   * per day.
   */
  supply: (StockItemRef & { onHand: number; perDay: number; daysOfSupply: number })[];
  /** The window the use was measured over: `USAGE_DAYS` days ending the day before the report. */
  usageFrom: string;
  usageTo: string;
}
