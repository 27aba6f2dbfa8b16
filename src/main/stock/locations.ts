import type { StockDocument, StockLocation } from '../../shared/stock';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { insertDocument, postMovement, siteStore, stockLocation } from './ledger';
import { getDocument } from './documents';
import { takeFirstExpiring } from './movements';

/** The site store first, then its sub-stores (a floor's station, a post's cupboard) by name. */
export function listLocations(
  ctx: ServiceContext,
  input: { siteId: number; includeArchived: boolean },
): StockLocation[] {
  const main = siteStore(ctx, input.siteId);
  return ctx.db
    .prepare<[number], { id: number; name: string; archived_at: string | null; on_hand: number }>(
      `SELECT l.id, l.name, l.archived_at,
              (SELECT coalesce(sum(b.quantity), 0) FROM stock_balances b WHERE b.location_id = l.id) AS on_hand
       FROM stock_locations l WHERE l.site_id = ? ORDER BY l.parent_id IS NOT NULL, l.name, l.id`,
    )
    .all(input.siteId)
    .filter((r) => input.includeArchived || r.archived_at === null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      main: r.id === main,
      archived: r.archived_at !== null,
      onHand: r.on_hand,
    }));
}

function refuseDuplicateName(ctx: ServiceContext, siteId: number, name: string): void {
  const clash = ctx.db
    .prepare(
      'SELECT id FROM stock_locations WHERE site_id = ? AND name = ? AND archived_at IS NULL',
    )
    .get(siteId, name);
  if (clash) {
    throw new DomainError('DUPLICATE', `${name} exists`, { value: name }, { name: 'duplicate' });
  }
}

export function createLocation(
  ctx: ServiceContext,
  input: { siteId: number; name: string },
): StockLocation {
  const main = siteStore(ctx, input.siteId);
  refuseDuplicateName(ctx, input.siteId, input.name);
  const id = Number(
    ctx.db
      .prepare('INSERT INTO stock_locations (site_id, name, parent_id) VALUES (?, ?, ?)')
      .run(input.siteId, input.name, main).lastInsertRowid,
  );
  return { id, name: input.name, main: false, archived: false, onHand: 0 };
}

/** A sub-store that is emptied can be archived; its history stays. The site store stays. */
export function archiveLocation(
  ctx: ServiceContext,
  input: { siteId: number; id: number },
): StockLocation {
  const location = listLocations(ctx, { siteId: input.siteId, includeArchived: true }).find(
    (l) => l.id === input.id,
  );
  if (!location) throw notFound('stock_location', input.id);
  if (location.main) {
    throw new DomainError('INVALID_INPUT', 'The site store stays', {}, { id: 'main_store' });
  }
  if (location.onHand > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `${location.name} still holds stock`,
      {},
      { id: 'has_stock' },
    );
  }
  ctx.db
    .prepare('UPDATE stock_locations SET archived_at = coalesce(archived_at, ?) WHERE id = ?')
    .run(isoNow(ctx), input.id);
  return { ...location, archived: true };
}

export interface TransferInput {
  siteId: number;
  fromLocationId?: number | undefined;
  toLocationId: number;
  occurredAt: string;
  reason: string;
  lines: { itemId: number; quantity: number; unit: string }[];
}

/**
 * Stock moved between two stores of the site, first expiry first out: one document whose
 * movements take each lot out of one store and put the same lot into the other. The sending store
 * reads it as an issue to that store, the receiving one as a receipt by transfer; reversing it
 * undoes both sides.
 */
export function transfer(ctx: ActingContext, input: TransferInput): StockDocument {
  const userId = ctx.actor?.userId ?? null;
  const from = stockLocation(ctx, input.siteId, input.fromLocationId);
  const to = stockLocation(ctx, input.siteId, input.toLocationId);
  if (from === to) {
    throw new DomainError(
      'INVALID_INPUT',
      'A transfer goes to another store',
      {},
      { toLocationId: 'same_store' },
    );
  }
  const toName = ctx.db
    .prepare('SELECT name FROM stock_locations WHERE id = ?')
    .pluck()
    .get(to) as string;
  // Sub-stores are floor stations; stock sent back to the site store returns to the department.
  const destinationKind = to === siteStore(ctx, input.siteId) ? 'department' : 'floor';
  const documentId = insertDocument(ctx, {
    kind: 'issue',
    siteId: input.siteId,
    occurredAt: input.occurredAt,
    destinationKind,
    destination: toName,
    reason: input.reason,
    recordedBy: userId,
  });
  const at = new Date(input.occurredAt).toISOString();
  input.lines.forEach((line, i) => {
    const { item, plan } = takeFirstExpiring(ctx, input.siteId, from, line, i);
    for (const pick of plan.picks) {
      const moved = { documentId, itemId: item.id, lotId: pick.lotId, at };
      postMovement(ctx, {
        ...moved,
        locationId: from,
        quantity: -pick.quantity,
        kind: 'issue',
        channel: destinationKind,
      });
      postMovement(ctx, {
        ...moved,
        locationId: to,
        quantity: pick.quantity,
        kind: 'receipt',
        channel: 'transfer',
      });
    }
  });
  return getDocument(ctx, { id: documentId });
}
