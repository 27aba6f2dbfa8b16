import { addDays, siteInstant } from '../../shared/siteDate';
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

/**
 * Each item's mean daily use over the last 7 site days (today not included): what left the site's
 * stores by issue. A transfer between two stores of the site is one document with an issue and a
 * receipt; it moves stock, it does not use it, so it is left out.
 */
export function weekRate(ctx: ServiceContext, siteId: number, today: string): Map<number, number> {
  const from = siteInstant(addDays(today, -7), '00:00').toISOString();
  const to = siteInstant(today, '00:00').toISOString();
  const moves = ctx.db
    .prepare<
      [string, string, number],
      { item_id: number; document_id: number; kind: string; quantity: number }
    >(
      // By item, then the site's stores, then the time range: one seek per item and store into
      // the covering ledger index, never the district's whole ledger.
      `SELECT stock_movements.item_id, stock_movements.document_id, stock_movements.kind,
              stock_movements.quantity
       FROM stock_items i CROSS JOIN stock_locations l
       CROSS JOIN stock_movements ON stock_movements.item_id = i.id
         AND stock_movements.location_id = l.id
         AND stock_movements.at >= ? AND stock_movements.at < ?
       WHERE l.site_id = ? AND stock_movements.kind IN ('issue', 'receipt')`,
    )
    .all(from, to, siteId);
  const internal = new Set(moves.filter((m) => m.kind === 'receipt').map((m) => m.document_id));
  const used = new Map<number, number>();
  for (const m of moves) {
    if (m.kind !== 'issue' || internal.has(m.document_id)) continue;
    used.set(m.item_id, (used.get(m.item_id) ?? 0) - m.quantity);
  }
  return new Map([...used].map(([item, q]) => [item, q / 7]));
}
