import type { PartyKind, ReceiptSource, StockDocument } from '../../shared/stock';
import { EXPIRY_YEARS_AHEAD } from '../../shared/businessDates';
import type { ActingContext, ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError } from '../services/errors';
import { getItem, toBaseUnits } from './catalogue';
import { getDocument } from './documents';
import { insertDocument, postMovement, stockLocation } from './ledger';
import { assertReceivedOn } from './receivedDate';

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
  ctx: ActingContext,
  input: ReceiptInput,
  /** Where a refused arrival day points: the form's date, or a register line's. */
  receivedField = 'occurredAt',
): StockDocument {
  const userId = ctx.actor?.userId ?? null;
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
  // Before 2000 or years ahead is a slip, whoever enters it; then the day the goods arrived.
  assertBusinessDates(ctx, { [receivedField]: input.occurredAt });
  assertReceivedOn(ctx, input.occurredAt, receivedField);
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
  return getDocument(ctx, { id: documentId });
}
