import { addDays } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';

/** The days the recent rate of use is measured over. */
export const USAGE_DAYS = 7;

/**
 * Each item's use per day at a site over the USAGE_DAYS site days before `day` (`day` itself not
 * counted: today is not over). Use is what left the site's stores: issues, less stock moved between
 * two of its own stores (the receiving side's transfer receipt) and less issues reversed. Read from
 * the per-day sums, never the ledger. Items with no use are absent.
 */
export function usagePerDay(
  ctx: ServiceContext,
  input: { siteId: number; day: string },
): { from: string; to: string; perDay: Map<number, number> } {
  const from = addDays(input.day, -USAGE_DAYS);
  const to = addDays(input.day, -1);
  const rows = ctx.db
    .prepare<[number, string, string], { item_id: number; used: number }>(
      `SELECT d.item_id, -sum(d.quantity) AS used
       FROM stock_locations l CROSS JOIN stock_daily d ON d.location_id = l.id
       WHERE l.site_id = ? AND d.day >= ? AND d.day <= ?
         AND (d.kind = 'issue' OR (d.kind = 'receipt' AND d.channel = 'transfer')
              OR (d.kind = 'reversal' AND d.channel = 'issue'))
       GROUP BY d.item_id HAVING used > 0`,
    )
    .all(input.siteId, from, to);
  return { from, to, perDay: new Map(rows.map((r) => [r.item_id, r.used / USAGE_DAYS])) };
}
