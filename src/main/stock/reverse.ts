import type { StockDocument } from '../../shared/stock';
import type { ActingContext } from '../services/context';
import { DomainError } from '../services/errors';
import { insertDocument, lotsOnHand, postMovement } from './ledger';
import { getDocument } from './documents';

/**
 * Undoes a posted document with a reversing one (nothing posted is ever edited). Refused for a
 * reversal, for a document already reversed, and when the stock it brought in has since gone out.
 */
export function reverse(
  ctx: ActingContext,
  input: { documentId: number; reason: string },
): StockDocument {
  const userId = ctx.actor?.userId ?? null;
  const original = getDocument(ctx, { id: input.documentId });
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
  return getDocument(ctx, { id: documentId });
}
