import { addDays, siteDay } from '../../shared/siteDate';
import type { OnHandRow, StockCardRow, StockCategory, StockDocumentKind } from '../../shared/stock';
import type { ServiceContext } from '../services/context';
import { getSettings } from '../accounts/settings';
import { getItem } from './catalogue';
import { stockLocation } from './ledger';

/**
 * Every active item's stock at the site with its lots, and what to watch: below its threshold,
 * lots expiring within the set days or expired, and days of supply at last week's pace.
 */
export function onHand(
  ctx: ServiceContext,
  input: { siteId: number; locationId?: number | undefined },
): OnHandRow[] {
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const today = siteDay(ctx.now());
  const soon = addDays(today, getSettings(ctx).stockExpiryDays);
  const weekAgo = addDays(today, -7);
  const items = ctx.db
    .prepare<
      [],
      {
        id: number;
        name: string;
        spec: string;
        category: StockCategory;
        base_unit: string;
        low_threshold: number;
      }
    >(
      'SELECT id, name, spec, category, base_unit, low_threshold FROM stock_items WHERE archived_at IS NULL ORDER BY category, name, spec, id',
    )
    .all();
  const lots = ctx.db
    .prepare<
      [number],
      {
        item_id: number;
        lot_id: number;
        code: string | null;
        expiry: string | null;
        quantity: number;
      }
    >(
      `SELECT b.item_id, b.lot_id, l.code, l.expiry, b.quantity FROM stock_balances b LEFT JOIN stock_lots l ON l.id = b.lot_id
       WHERE b.location_id = ? AND b.quantity > 0 ORDER BY l.expiry IS NULL, l.expiry, b.lot_id`,
    )
    .all(location);
  const issued = new Map(
    ctx.db
      .prepare<[number, string, string], { item_id: number; out: number }>(
        `SELECT item_id, -sum(quantity) AS out FROM stock_daily
         WHERE location_id = ? AND day >= ? AND day < ? AND kind = 'issue' GROUP BY item_id`,
      )
      .all(location, weekAgo, today)
      .map((r) => [r.item_id, r.out]),
  );
  return items.map((item) => {
    const mine = lots.filter((l) => l.item_id === item.id);
    const total = mine.reduce((sum, l) => sum + l.quantity, 0);
    const perDay = (issued.get(item.id) ?? 0) / 7;
    return {
      itemId: item.id,
      name: item.name,
      spec: item.spec,
      category: item.category,
      baseUnit: item.base_unit,
      onHand: total,
      lowThreshold: item.low_threshold,
      low: total < item.low_threshold,
      lots: mine
        .filter((l) => l.lot_id !== 0)
        .map((l) => ({
          lotId: l.lot_id,
          code: l.code ?? '',
          expiry: l.expiry,
          quantity: l.quantity,
          expired: l.expiry !== null && l.expiry < today,
          expiringSoon: l.expiry !== null && l.expiry >= today && l.expiry <= soon,
        })),
      daysOfSupply: perDay > 0 ? Math.round((total / perDay) * 10) / 10 : null,
    };
  });
}

/**
 * Every movement of one item at the site from `from` (inclusive) to `to` (exclusive), with the
 * running balance. The opening balance is today's minus what moved since `from`, so a month of a
 * busy item never reads the months before it.
 */
export function stockCard(
  ctx: ServiceContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    itemId: number;
    from: string;
    to: string;
  },
): { opening: number; rows: StockCardRow[]; closing: number } {
  getItem(ctx, input.itemId);
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const current =
    ctx.db
      .prepare<[number, number], { q: number | null }>(
        'SELECT sum(quantity) AS q FROM stock_balances WHERE item_id = ? AND location_id = ?',
      )
      .get(input.itemId, location)!.q ?? 0;
  const since =
    ctx.db
      .prepare<[number, number, string], { q: number | null }>(
        'SELECT sum(quantity) AS q FROM stock_movements WHERE item_id = ? AND location_id = ? AND at >= ?',
      )
      .get(input.itemId, location, input.from)!.q ?? 0;
  const opening = current - since;
  let balance = opening;
  const rows = ctx.db
    .prepare<
      [number, number, string, string],
      {
        id: number;
        at: string;
        document_id: number;
        kind: StockDocumentKind;
        channel: string;
        lot_id: number | null;
        quantity: number;
      }
    >(
      `SELECT id, at, document_id, kind, channel, lot_id, quantity FROM stock_movements
       WHERE item_id = ? AND location_id = ? AND at >= ? AND at < ? ORDER BY at, id`,
    )
    .all(input.itemId, location, input.from, input.to);
  const lotCodes = new Map(
    ctx.db
      .prepare<[number], { id: number; code: string }>(
        'SELECT id, code FROM stock_lots WHERE item_id = ?',
      )
      .all(input.itemId)
      .map((l) => [l.id, l.code]),
  );
  const card = rows.map((r) => {
    balance += r.quantity;
    return {
      movementId: r.id,
      at: r.at,
      documentId: r.document_id,
      kind: r.kind,
      channel: r.channel,
      lotCode: r.lot_id === null ? null : (lotCodes.get(r.lot_id) ?? null),
      quantity: r.quantity,
      balance,
    };
  });
  return { opening, rows: card, closing: balance };
}
