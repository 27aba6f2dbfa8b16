import { siteDay } from '../../shared/siteDate';
import type {
  DestinationKind,
  IssuePlan,
  PartyKind,
  ReceiptSource,
  StockDocument,
  StockDocumentKind,
  StockItem,
} from '../../shared/stock';
import { EXPIRY_YEARS_AHEAD } from '../../shared/businessDates';
import type { ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { getItem, toBaseUnits } from './catalogue';
import { insertDocument, lotsOnHand, postMovement, stockLocation } from './ledger';

export interface ReceiptInput {
  siteId: number;
  locationId?: number | undefined;
  occurredAt: string;
  source: ReceiptSource;
  party?: { kind: PartyKind; name: string; contact: string; phone: string } | undefined;
  reason: string;
  lines: {
    itemId: number;
    quantity: number;
    unit: string;
    lotCode?: string | undefined;
    expiry?: string | undefined;
  }[];
}

function partyId(ctx: ServiceContext, party: NonNullable<ReceiptInput['party']>): number {
  const found = ctx.db
    .prepare<[string, string], { id: number }>(
      'SELECT id FROM stock_parties WHERE kind = ? AND name = ?',
    )
    .get(party.kind, party.name);
  if (found) {
    if (party.contact || party.phone)
      ctx.db
        .prepare('UPDATE stock_parties SET contact = ?, phone = ? WHERE id = ?')
        .run(party.contact, party.phone, found.id);
    return found.id;
  }
  return Number(
    ctx.db
      .prepare('INSERT INTO stock_parties (kind, name, contact, phone) VALUES (?, ?, ?, ?)')
      .run(party.kind, party.name, party.contact, party.phone).lastInsertRowid,
  );
}

function lotId(ctx: ServiceContext, itemId: number, code: string, expiry: string | null): number {
  const found = ctx.db
    .prepare<[number, string, string | null], { id: number }>(
      'SELECT id FROM stock_lots WHERE item_id = ? AND code = ? AND expiry IS ?',
    )
    .get(itemId, code, expiry);
  if (found) return found.id;
  return Number(
    ctx.db
      .prepare('INSERT INTO stock_lots (item_id, code, expiry) VALUES (?, ?, ?)')
      .run(itemId, code, expiry).lastInsertRowid,
  );
}

/**
 * A receipt (donation, purchase, district allocation, transfer): each line converted to the base
 * unit, lots and expiry recorded where the item tracks them. A donation or purchase names who gave
 * or sold it.
 */
export function receive(
  ctx: ServiceContext,
  input: ReceiptInput,
  userId: number | null,
): StockDocument {
  if ((input.source === 'donation' || input.source === 'purchase') && !input.party) {
    throw new DomainError(
      'INVALID_INPUT',
      'A donation or purchase names its donor or supplier',
      {},
      {
        party: 'required',
      },
    );
  }
  const location = stockLocation(ctx, input.siteId, input.locationId);
  // A lot's expiry may lie years ahead; before 2000 or decades ahead it is a slip.
  assertBusinessDates(
    ctx,
    Object.fromEntries(input.lines.map((line, i) => [`lines.${i}.expiry`, line.expiry])),
    EXPIRY_YEARS_AHEAD,
  );
  const documentId = insertDocument(ctx, {
    kind: 'receipt',
    siteId: input.siteId,
    occurredAt: input.occurredAt,
    source: input.source,
    partyId: input.party ? partyId(ctx, input.party) : null,
    reason: input.reason,
    recordedBy: userId,
  });
  const at = new Date(input.occurredAt).toISOString();
  input.lines.forEach((line, i) => {
    const item = getItem(ctx, line.itemId);
    if (item.archived) {
      throw new DomainError(
        'RETIRED',
        `${item.name} is archived`,
        { name: item.name },
        { [`lines.${i}.itemId`]: 'archived' },
      );
    }
    if (item.tracksLots && !line.lotCode?.trim()) {
      throw new DomainError(
        'INVALID_INPUT',
        `${item.name} needs a lot`,
        { item: item.name },
        {
          [`lines.${i}.lotCode`]: 'lot_required',
        },
      );
    }
    const quantity = toBaseUnits(item, line.quantity, line.unit, `lines.${i}`);
    const lot = item.tracksLots
      ? lotId(ctx, item.id, line.lotCode!.trim(), line.expiry ?? null)
      : null;
    postMovement(ctx, {
      documentId,
      itemId: item.id,
      lotId: lot,
      locationId: location,
      quantity,
      at,
      kind: 'receipt',
      channel: input.source,
    });
  });
  return getDocument(ctx, documentId);
}

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
export function issue(
  ctx: ServiceContext,
  input: IssueInput,
  userId: number | null,
): StockDocument {
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
  return getDocument(ctx, documentId);
}

/** A stocktake variance or a write-off: signed base units on one lot, with the reason. */
export function adjust(
  ctx: ServiceContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    occurredAt: string;
    reason: string;
    lines: { itemId: number; lotId?: number | undefined; quantity: number }[];
  },
  userId: number | null,
): StockDocument {
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
  return getDocument(ctx, documentId);
}

/**
 * Undoes a posted document with a reversing one (nothing posted is ever edited). Refused for a
 * reversal, for a document already reversed, and when the stock it brought in has since gone out.
 */
export function reverse(
  ctx: ServiceContext,
  input: { documentId: number; reason: string },
  userId: number | null,
): StockDocument {
  const original = getDocument(ctx, input.documentId);
  if (original.kind === 'reversal') {
    throw new DomainError(
      'INVALID_INPUT',
      'A reversal is not reversed',
      {},
      { documentId: 'is_reversal' },
    );
  }
  const already = ctx.db
    .prepare('SELECT id FROM stock_documents WHERE reverses_id = ?')
    .pluck()
    .get(original.id);
  if (already) {
    throw new DomainError(
      'DUPLICATE',
      `Document ${original.id} was reversed already`,
      { value: String(already) },
      {
        documentId: 'reversed',
      },
    );
  }
  const siteId = ctx.db
    .prepare('SELECT site_id FROM stock_documents WHERE id = ?')
    .pluck()
    .get(original.id) as number;
  const documentId = insertDocument(ctx, {
    kind: 'reversal',
    siteId,
    occurredAt: ctx.now().toISOString(),
    reason: input.reason,
    reversesId: original.id,
    recordedBy: userId,
  });
  const at = ctx.now().toISOString();
  // Each movement is undone where it happened: a transfer moved stock between two stores.
  const movements = ctx.db
    .prepare<
      [number],
      {
        item_id: number;
        name: string;
        lot_id: number | null;
        location_id: number;
        quantity: number;
      }
    >(
      `SELECT m.item_id, i.name, m.lot_id, m.location_id, m.quantity FROM stock_movements m
       JOIN stock_items i ON i.id = m.item_id WHERE m.document_id = ? ORDER BY m.id`,
    )
    .all(original.id);
  for (const m of movements) {
    const onHand =
      lotsOnHand(ctx, m.item_id, m.location_id).find((l) => l.lotId === m.lot_id)?.quantity ?? 0;
    if (onHand - m.quantity < 0) {
      throw new DomainError('INSUFFICIENT_STOCK', `Only ${onHand} of ${m.name} left to take back`, {
        item: m.name,
        available: onHand,
        unit: '',
      });
    }
    postMovement(ctx, {
      documentId,
      itemId: m.item_id,
      lotId: m.lot_id,
      locationId: m.location_id,
      quantity: -m.quantity,
      at,
      kind: 'reversal',
      channel: original.kind,
    });
  }
  return getDocument(ctx, documentId);
}

interface DocumentRow {
  id: number;
  kind: StockDocumentKind;
  occurred_at: string;
  source: ReceiptSource | null;
  party: string | null;
  destination_kind: DestinationKind | null;
  destination: string | null;
  reason: string;
  reverses_id: number | null;
}

export function getDocument(ctx: ServiceContext, id: number): StockDocument {
  const row = ctx.db
    .prepare<[number], DocumentRow>(
      `SELECT d.id, d.kind, d.occurred_at, d.source, p.name AS party, d.destination_kind, d.destination, d.reason, d.reverses_id
       FROM stock_documents d LEFT JOIN stock_parties p ON p.id = d.party_id WHERE d.id = ?`,
    )
    .get(id);
  if (!row) throw notFound('stock_document', id);
  const lines = ctx.db
    .prepare<
      [number],
      {
        item_id: number;
        name: string;
        lot_id: number | null;
        code: string | null;
        expiry: string | null;
        location: string;
        quantity: number;
      }
    >(
      `SELECT m.item_id, i.name, m.lot_id, l.code, l.expiry, s.name AS location, m.quantity FROM stock_movements m
       JOIN stock_items i ON i.id = m.item_id LEFT JOIN stock_lots l ON l.id = m.lot_id
       JOIN stock_locations s ON s.id = m.location_id WHERE m.document_id = ? ORDER BY m.id`,
    )
    .all(id);
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    source: row.source,
    party: row.party,
    destinationKind: row.destination_kind,
    destination: row.destination,
    reason: row.reason,
    reversesId: row.reverses_id,
    lines: lines.map((l) => ({
      itemId: l.item_id,
      itemName: l.name,
      lotId: l.lot_id,
      lotCode: l.code,
      expiry: l.expiry,
      locationName: l.location,
      quantity: l.quantity,
    })),
  };
}

/**
 * A stocktake: what was counted, per item and lot; each difference from the books is posted as
 * one adjustment document with the reason (nothing posted when every count agrees).
 */
export function stocktake(
  ctx: ServiceContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    occurredAt: string;
    reason: string;
    counts: { itemId: number; lotId?: number | undefined; counted: number }[];
  },
  userId: number | null,
): { variances: number; document: StockDocument | null } {
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const lines = input.counts
    .map((c) => {
      const onBooks =
        lotsOnHand(ctx, c.itemId, location).find((l) => l.lotId === (c.lotId ?? null))?.quantity ??
        0;
      return { itemId: c.itemId, lotId: c.lotId, quantity: c.counted - onBooks };
    })
    .filter((l) => l.quantity !== 0);
  if (lines.length === 0) return { variances: 0, document: null };
  return {
    variances: lines.length,
    document: adjust(
      ctx,
      {
        siteId: input.siteId,
        locationId: location,
        occurredAt: input.occurredAt,
        reason: input.reason,
        lines,
      },
      userId,
    ),
  };
}
