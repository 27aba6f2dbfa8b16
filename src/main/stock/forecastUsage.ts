import type { ServiceContext } from '../services/context';

/**
 * What the site can still use of each item: every store of the site (floor stations included),
 * expired lots left out since they are never issued.
 */
export function usableOnHand(
  ctx: ServiceContext,
  siteId: number,
  today: string,
): Map<number, number> {
  return new Map(
    ctx.db
      .prepare<[string, number], { item_id: number; q: number }>(
        `SELECT b.item_id, sum(b.quantity) AS q FROM stock_locations l
         JOIN stock_balances b ON b.location_id = l.id
         LEFT JOIN stock_lots lot ON lot.id = b.lot_id
         WHERE (lot.expiry IS NULL OR lot.expiry >= ?) AND l.site_id = ? GROUP BY b.item_id`,
      )
      .all(today, siteId)
      .map((r) => [r.item_id, r.q]),
  );
}
