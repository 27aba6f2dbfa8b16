import { siteDay } from '../../shared/siteDate';
import type { StockDocumentKind } from '../../shared/stock';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { getActiveSite } from '../registry/sites';

/** The site's main store, made on first use. */
export function siteStore(ctx: ServiceContext, siteId: number): number {
  getActiveSite(ctx, siteId);
  const found = ctx.db
    .prepare<[number], { id: number }>(
      'SELECT id FROM stock_locations WHERE site_id = ? AND parent_id IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1',
    )
    .get(siteId);
  if (found) return found.id;
  return Number(
    ctx.db.prepare("INSERT INTO stock_locations (site_id, name) VALUES (?, '物资仓库')").run(siteId)
      .lastInsertRowid,
  );
}

/**
 * The store a movement or view is about: the site store unless a sub-store of the site is named.
 * A sub-store of another site, or an archived one, is refused.
 */
export function stockLocation(
  ctx: ServiceContext,
  siteId: number,
  locationId?: number | undefined,
): number {
  const main = siteStore(ctx, siteId);
  if (locationId === undefined || locationId === main) return main;
  const row = ctx.db
    .prepare<[number], { site_id: number; name: string; archived_at: string | null }>(
      'SELECT site_id, name, archived_at FROM stock_locations WHERE id = ?',
    )
    .get(locationId);
  if (!row || row.site_id !== siteId) throw notFound('stock_location', locationId);
  if (row.archived_at !== null) {
    throw new DomainError(
      'RETIRED',
      `${row.name} is archived`,
      { name: row.name },
      { locationId: 'archived' },
    );
  }
  return locationId;
}

export interface DocumentHead {
  kind: StockDocumentKind;
  siteId: number;
  occurredAt: string;
  source?: string | null;
  partyId?: number | null;
  destinationKind?: string | null;
  destination?: string | null;
  reason?: string;
  reversesId?: number | null;
  recordedBy: number | null;
}

export function insertDocument(ctx: ServiceContext, head: DocumentHead): number {
  assertBusinessDates(ctx, { occurredAt: head.occurredAt });
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO stock_documents (kind, site_id, occurred_at, source, party_id, destination_kind, destination, reason, reverses_id, recorded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        head.kind,
        head.siteId,
        new Date(head.occurredAt).toISOString(),
        head.source ?? null,
        head.partyId ?? null,
        head.destinationKind ?? null,
        head.destination ?? null,
        head.reason ?? '',
        head.reversesId ?? null,
        head.recordedBy,
        isoNow(ctx),
      ).lastInsertRowid,
  );
}

/**
 * One ledger row, with its balance and daily sum in the same transaction. The balance table's
 * CHECK refuses anything that would leave less than nothing; callers check first to name the
 * quantity available, this is the last line.
 */
export function postMovement(
  ctx: ServiceContext,
  m: {
    documentId: number;
    itemId: number;
    lotId: number | null;
    locationId: number;
    quantity: number;
    at: string;
    kind: StockDocumentKind;
    channel: string;
  },
): void {
  if (!Number.isInteger(m.quantity) || m.quantity === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'Quantities are whole base units',
      {},
      { quantity: 'whole_units' },
    );
  }
  ctx.db
    .prepare(
      'INSERT INTO stock_movements (document_id, item_id, lot_id, location_id, quantity, at, kind, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(m.documentId, m.itemId, m.lotId, m.locationId, m.quantity, m.at, m.kind, m.channel);
  // Update first: an upsert would test the CHECK on the would-be inserted (negative) row.
  const balance = ctx.db
    .prepare<[number, number, number, number], { quantity: number }>(
      'UPDATE stock_balances SET quantity = quantity + ? WHERE item_id = ? AND lot_id = ? AND location_id = ? RETURNING quantity',
    )
    .get(m.quantity, m.itemId, m.lotId ?? 0, m.locationId);
  if (!balance) {
    ctx.db
      .prepare(
        'INSERT INTO stock_balances (item_id, lot_id, location_id, quantity) VALUES (?, ?, ?, ?)',
      )
      .run(m.itemId, m.lotId ?? 0, m.locationId, m.quantity);
  }
  const daySum = ctx.db
    .prepare<[number, number, string, string, string, number], { quantity: number }>(
      `INSERT INTO stock_daily (location_id, item_id, day, kind, channel, quantity) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id, day, item_id, kind, channel) DO UPDATE SET quantity = quantity + excluded.quantity
       RETURNING quantity`,
    )
    .get(m.locationId, m.itemId, siteDay(new Date(m.at)), m.kind, m.channel, m.quantity)!;
  assertCountable(ctx, m.itemId, [balance?.quantity ?? 0, daySum.quantity], m.quantity > 0);
}

/**
 * Beyond 2^53 a JavaScript number stops counting one by one: a stock, a day's sum or an item's
 * stock across every store that large would be read back wrong. The movement is refused (and its
 * transaction rolled back) before that can happen.
 */
function assertCountable(
  ctx: ServiceContext,
  itemId: number,
  sums: number[],
  /** Only an increase can push the item's stock across every store past the limit. */
  increase: boolean,
): void {
  const itemTotal = increase
    ? ctx.db
        .prepare<[number], { total: number }>(
          'SELECT coalesce(sum(quantity), 0) AS total FROM stock_balances WHERE item_id = ?',
        )
        .get(itemId)!.total
    : 0;
  if ([...sums, itemTotal].every((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER)) return;
  const item = ctx.db
    .prepare<[number], { name: string }>('SELECT name FROM stock_items WHERE id = ?')
    .get(itemId);
  throw new DomainError(
    'STOCK_TOO_LARGE',
    `The stock of ${item?.name ?? itemId} would pass ${Number.MAX_SAFE_INTEGER}`,
    { item: item?.name ?? String(itemId), max: Number.MAX_SAFE_INTEGER },
  );
}

/** Lots of one item at one location with stock, first expiry first (no expiry last). */
export function lotsOnHand(
  ctx: ServiceContext,
  itemId: number,
  locationId: number,
): { lotId: number | null; code: string | null; expiry: string | null; quantity: number }[] {
  return ctx.db
    .prepare<
      [number, number],
      { lot_id: number; code: string | null; expiry: string | null; quantity: number }
    >(
      `SELECT b.lot_id, l.code, l.expiry, b.quantity FROM stock_balances b LEFT JOIN stock_lots l ON l.id = b.lot_id
       WHERE b.item_id = ? AND b.location_id = ? AND b.quantity > 0
       ORDER BY l.expiry IS NULL, l.expiry, b.lot_id`,
    )
    .all(itemId, locationId)
    .map((r) => ({
      lotId: r.lot_id === 0 ? null : r.lot_id,
      code: r.code,
      expiry: r.expiry,
      quantity: r.quantity,
    }));
}
