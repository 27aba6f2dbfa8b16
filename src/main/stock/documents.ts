import type {
  DestinationKind,
  ReceiptSource,
  StockDocument,
  StockDocumentKind,
} from '../../shared/stock';
import type { ServiceContext } from '../services/context';
import { notFound } from '../services/errors';

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

export function getDocument(ctx: ServiceContext, { id }: { id: number }): StockDocument {
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
