import type { StockDocument } from '../../shared/stock';
import type { ActingContext } from '../services/context';
import { lotsOnHand, stockLocation } from './ledger';
import { adjust } from './movements';

/**
 * A stocktake: what was counted, per item and lot; each difference from the books is posted as
 * one adjustment document with the reason (nothing posted when every count agrees).
 */
export function stocktake(
  ctx: ActingContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    occurredAt: string;
    reason: string;
    counts: { itemId: number; lotId?: number | undefined; counted: number }[];
  },
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
    document: adjust(ctx, {
      siteId: input.siteId,
      locationId: location,
      occurredAt: input.occurredAt,
      reason: input.reason,
      lines,
    }),
  };
}
