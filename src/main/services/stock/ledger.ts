import { siteDay } from '../../../shared/siteDate';
import type { StockDocumentKind } from '../../../shared/stock';
import { isoNow, type ServiceContext } from '../context';
import { DomainError, notFound } from '../errors';
import { getActiveSite } from '../sites';

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
  const updated = ctx.db
    .prepare(
      'UPDATE stock_balances SET quantity = quantity + ? WHERE item_id = ? AND lot_id = ? AND location_id = ?',
    )
    .run(m.quantity, m.itemId, m.lotId ?? 0, m.locationId);
  if (updated.changes === 0) {
    ctx.db
      .prepare(
        'INSERT INTO stock_balances (item_id, lot_id, location_id, quantity) VALUES (?, ?, ?, ?)',
      )
      .run(m.itemId, m.lotId ?? 0, m.locationId, m.quantity);
  }
  ctx.db
    .prepare(
      `INSERT INTO stock_daily (location_id, item_id, day, kind, channel, quantity) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id, day, item_id, kind, channel) DO UPDATE SET quantity = quantity + excluded.quantity`,
    )
    .run(m.locationId, m.itemId, siteDay(new Date(m.at)), m.kind, m.channel, m.quantity);
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
