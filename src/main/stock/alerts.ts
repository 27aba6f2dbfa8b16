import { addDays, daysBetween } from '../../shared/siteDate';
import type { StockAlerts } from '../../shared/stockAlerts';
import type { ServiceContext } from '../services/context';
import { getSettings } from '../accounts/settings';
import { usagePerDay } from './usageRate';

interface HeldRow {
  item_id: number;
  name: string;
  spec: string;
  base_unit: string;
  low_threshold: number;
  lot_id: number;
  code: string | null;
  expiry: string | null;
  quantity: number;
}

/**
 * The site's stores as they stood at `at` (the end of the report's site `day`, or now): items below
 * their threshold, lots expired or expiring within the set days, and days of supply at the last
 * USAGE_DAYS days' rate. Stock at `at` is today's balance less what moved since, read per item and
 * store on the ledger's index (a report of today reads no movement). Days of supply count only
 * stock that may still be issued (not expired).
 */
export function stockAlerts(
  ctx: ServiceContext,
  input: { siteId: number; day: string; at: string },
): StockAlerts {
  const held = ctx.db
    .prepare<[number, string], HeldRow>(
      `WITH site_stores AS (SELECT id FROM stock_locations WHERE site_id = ?),
       held AS (
         SELECT item_id, lot_id, sum(q) AS quantity FROM (
           SELECT b.item_id, b.lot_id, b.quantity AS q
           FROM stock_balances b WHERE b.location_id IN (SELECT id FROM site_stores)
           UNION ALL
           SELECT m.item_id, coalesce(m.lot_id, 0), -m.quantity
           FROM stock_items i CROSS JOIN site_stores l
             CROSS JOIN stock_movements m ON m.item_id = i.id AND m.location_id = l.id AND m.at >= ?)
         GROUP BY item_id, lot_id)
       SELECT h.item_id, i.name, i.spec, i.base_unit, i.low_threshold, h.lot_id, t.code, t.expiry,
              h.quantity
       FROM held h CROSS JOIN stock_items i ON i.id = h.item_id LEFT JOIN stock_lots t ON t.id = h.lot_id
       WHERE i.archived_at IS NULL
       UNION ALL
       -- Items with nothing held still count for the low threshold.
       SELECT i.id, i.name, i.spec, i.base_unit, i.low_threshold, 0, NULL, NULL, 0
       FROM stock_items i WHERE i.archived_at IS NULL AND i.low_threshold > 0
       ORDER BY 2, 3, 1`,
    )
    .all(input.siteId, input.at);
  const soon = addDays(input.day, getSettings(ctx).stockExpiryDays);
  const usage = usagePerDay(ctx, input);
  const items = new Map<number, { row: HeldRow; onHand: number; usable: number }>();
  const alerts: StockAlerts = {
    low: [],
    expired: [],
    expiring: [],
    supply: [],
    usageFrom: usage.from,
    usageTo: usage.to,
  };
  for (const row of held) {
    const item = items.get(row.item_id) ?? { row, onHand: 0, usable: 0 };
    items.set(row.item_id, item);
    if (row.quantity <= 0) continue;
    item.onHand += row.quantity;
    const ref = { name: row.name, spec: row.spec, baseUnit: row.base_unit };
    const lot = { lotCode: row.code ?? '', quantity: row.quantity };
    if (row.expiry !== null && row.expiry < input.day) {
      alerts.expired.push({ ...ref, ...lot, expiry: row.expiry });
      continue;
    }
    item.usable += row.quantity;
    if (row.expiry !== null && row.expiry <= soon)
      alerts.expiring.push({
        ...ref,
        ...lot,
        expiry: row.expiry,
        daysLeft: daysBetween(input.day, row.expiry),
      });
  }
  for (const [id, { row, onHand, usable }] of items) {
    const ref = { name: row.name, spec: row.spec, baseUnit: row.base_unit };
    if (onHand < row.low_threshold)
      alerts.low.push({ ...ref, onHand, lowThreshold: row.low_threshold });
    const perDay = usage.perDay.get(id);
    if (perDay !== undefined)
      alerts.supply.push({
        ...ref,
        onHand: usable,
        perDay: Math.round(perDay * 10) / 10,
        daysOfSupply: Math.round((usable / perDay) * 10) / 10,
      });
  }
  const byExpiry = (a: { expiry: string }, b: { expiry: string }) =>
    a.expiry.localeCompare(b.expiry);
  alerts.expired.sort(byExpiry);
  alerts.expiring.sort(byExpiry);
  alerts.supply.sort((a, b) => a.daysOfSupply - b.daysOfSupply);
  return alerts;
}
