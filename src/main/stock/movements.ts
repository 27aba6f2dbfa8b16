import { siteDay } from '../../shared/siteDate';
import type { DestinationKind, IssuePlan, StockDocument, StockItem } from '../../shared/stock';
import type { ActingContext, ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getItem, toBaseUnits } from './catalogue';
import { insertDocument, lotsOnHand, postMovement, stockLocation } from './ledger';
import { getDocument } from './documents';

/**
 * Which lots an issue of `quantity` base units would take: unexpired lots, first expiry first
 * (lots without expiry last). `available` counts only what may be issued.
 */
export function planIssue(
  ctx: ServiceContext,
  input: { siteId: number; locationId?: number | undefined; itemId: number; quantity: number },
): IssuePlan {
  getItem(ctx, input.itemId);
  const today = siteDay(ctx.now());
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const usable = lotsOnHand(ctx, input.itemId, location).filter(
    (l) => l.expiry === null || l.expiry >= today,
  );
  const picks: IssuePlan['picks'] = [];
  let left = input.quantity;
  for (const lot of usable) {
    if (left <= 0) break;
    const take = Math.min(lot.quantity, left);
    picks.push({ lotId: lot.lotId, code: lot.code, expiry: lot.expiry, quantity: take });
    left -= take;
  }
  return {
    itemId: input.itemId,
    requested: input.quantity,
    available: usable.reduce((sum, l) => sum + l.quantity, 0),
    picks,
  };
}

/**
 * The lots a line of an issue or transfer takes from a store, first expiry first; refused with
 * the quantity available when the store cannot give that much.
 */
export function takeFirstExpiring(
  ctx: ServiceContext,
  siteId: number,
  locationId: number,
  line: { itemId: number; quantity: number; unit: string },
  i: number,
): { item: StockItem; plan: IssuePlan } {
  const item = getItem(ctx, line.itemId);
  const quantity = toBaseUnits(item, line.quantity, line.unit, `lines.${i}`);
  const plan = planIssue(ctx, { siteId, locationId, itemId: item.id, quantity });
  if (plan.available < quantity) {
    throw new DomainError(
      'INSUFFICIENT_STOCK',
      `Only ${plan.available} ${item.baseUnit} of ${item.name} can be issued`,
      { item: item.name, available: plan.available, unit: item.baseUnit },
      { [`lines.${i}.quantity`]: 'insufficient' },
    );
  }
  return { item, plan };
}

export interface IssueInput {
  siteId: number;
  locationId?: number | undefined;
  occurredAt: string;
  destinationKind: DestinationKind;
  destination: string;
  reason: string;
  lines: { itemId: number; quantity: number; unit: string }[];
}

/** An issue to a floor, room, post, staff member, community or department: lots first-expiry-first-out. */
export function issue(ctx: ActingContext, input: IssueInput): StockDocument {
  const userId = ctx.actor?.userId ?? null;
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const documentId = insertDocument(ctx, {
    kind: 'issue',
    siteId: input.siteId,
    occurredAt: input.occurredAt,
    destinationKind: input.destinationKind,
    destination: input.destination,
    reason: input.reason,
    recordedBy: userId,
  });
  const at = new Date(input.occurredAt).toISOString();
  input.lines.forEach((line, i) => {
    const { item, plan } = takeFirstExpiring(ctx, input.siteId, location, line, i);
    for (const pick of plan.picks)
      postMovement(ctx, {
        documentId,
        itemId: item.id,
        lotId: pick.lotId,
        locationId: location,
        quantity: -pick.quantity,
        at,
        kind: 'issue',
        channel: input.destinationKind,
      });
  });
  return getDocument(ctx, { id: documentId });
}

/** A stocktake variance or a write-off: signed base units on one lot, with the reason. */
export function adjust(
  ctx: ActingContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    occurredAt: string;
    reason: string;
    lines: { itemId: number; lotId?: number | undefined; quantity: number }[];
  },
): StockDocument {
  const userId = ctx.actor?.userId ?? null;
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const documentId = insertDocument(ctx, {
    kind: 'adjustment',
    siteId: input.siteId,
    occurredAt: input.occurredAt,
    reason: input.reason,
    recordedBy: userId,
  });
  const at = new Date(input.occurredAt).toISOString();
  input.lines.forEach((line, i) => {
    const item = getItem(ctx, line.itemId);
    const lot = line.lotId ?? null;
    if (item.tracksLots !== (lot !== null)) {
      throw new DomainError(
        'INVALID_INPUT',
        'Adjust a tracked item by lot, an untracked one without',
        {},
        {
          [`lines.${i}.lotId`]: item.tracksLots ? 'lot_required' : 'no_lots',
        },
      );
    }
    const onHand = lotsOnHand(ctx, item.id, location).find((l) => l.lotId === lot)?.quantity ?? 0;
    if (onHand + line.quantity < 0) {
      throw new DomainError(
        'INSUFFICIENT_STOCK',
        `Only ${onHand} on hand`,
        { item: item.name, available: onHand, unit: item.baseUnit },
        {
          [`lines.${i}.quantity`]: 'insufficient',
        },
      );
    }
    postMovement(ctx, {
      documentId,
      itemId: item.id,
      lotId: lot,
      locationId: location,
      quantity: line.quantity,
      at,
      kind: 'adjustment',
      channel: '',
    });
  });
  return getDocument(ctx, { id: documentId });
}
