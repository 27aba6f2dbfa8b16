import type {
  DestinationKind,
  DonationEntry,
  DonationRegister,
  DonationTrace,
  PartyKind,
} from '../../shared/stock';
import { siteInstant, addDays } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { maskPersonalNumbers } from '../services/masking';
import { siteStore } from './ledger';

interface LineRow {
  document_id: number;
  occurred_at: string;
  donor: string;
  kind: PartyKind;
  contact: string;
  reason: string;
  item_id: number;
  item_name: string;
  spec: string;
  base_unit: string;
  lot_id: number | null;
  code: string | null;
  expiry: string | null;
  quantity: number;
  reversed: number;
}

const LINES = `SELECT d.id AS document_id, d.occurred_at, p.name AS donor, p.kind, p.contact, d.reason, m.item_id, i.name AS item_name,
  i.spec, i.base_unit, m.lot_id, l.code, l.expiry, m.quantity,
  EXISTS (SELECT 1 FROM stock_documents r WHERE r.reverses_id = d.id) AS reversed
  FROM stock_documents d JOIN stock_parties p ON p.id = d.party_id
  JOIN stock_movements m ON m.document_id = d.id JOIN stock_items i ON i.id = m.item_id
  LEFT JOIN stock_lots l ON l.id = m.lot_id`;

function entries(rows: LineRow[]): DonationEntry[] {
  const byDoc = new Map<number, DonationEntry>();
  for (const r of rows) {
    const entry = byDoc.get(r.document_id) ?? {
      documentId: r.document_id,
      occurredAt: r.occurred_at,
      donor: r.donor,
      donorKind: r.kind,
      // The register and its exports reach every stock reader: a phone typed here stays masked.
      contact: maskPersonalNumbers(r.contact),
      reason: maskPersonalNumbers(r.reason),
      lines: [],
      reversed: r.reversed === 1,
    };
    entry.lines.push({
      itemId: r.item_id,
      itemName: r.item_name,
      spec: r.spec,
      baseUnit: r.base_unit,
      lotCode: r.code,
      expiry: r.expiry,
      quantity: r.quantity,
    });
    byDoc.set(r.document_id, entry);
  }
  return [...byDoc.values()];
}

/** Donations received at the site in [from, to] (site days), with totals by donor and by item. */
export function donationRegister(
  ctx: ServiceContext,
  input: { siteId: number; from: string; to: string },
): DonationRegister {
  siteStore(ctx, input.siteId);
  const rows = ctx.db
    .prepare<[number, string, string], LineRow>(
      `${LINES} WHERE d.site_id = ? AND d.kind = 'receipt' AND d.source = 'donation'
       AND d.occurred_at >= ? AND d.occurred_at < ? ORDER BY d.occurred_at, d.id, m.id`,
    )
    .all(
      input.siteId,
      siteInstant(input.from, '00:00').toISOString(),
      siteInstant(addDays(input.to, 1), '00:00').toISOString(),
    );
  const list = entries(rows);
  const counted = list.filter((e) => !e.reversed);
  const donors = new Map<string, DonationRegister['byDonor'][number]>();
  const items = new Map<string, DonationRegister['byItem'][number] & { donorSet: Set<string> }>();
  for (const e of counted) {
    const d = donors.get(e.donor) ?? { donor: e.donor, donations: 0, items: [] };
    d.donations++;
    for (const l of e.lines) {
      const name = `${l.itemName} ${l.spec}`.trim();
      const line = d.items.find((x) => x.itemName === name);
      if (line) line.quantity += l.quantity;
      else d.items.push({ itemName: name, baseUnit: l.baseUnit, quantity: l.quantity });
      const it = items.get(name) ?? {
        itemName: name,
        baseUnit: l.baseUnit,
        quantity: 0,
        donors: 0,
        donorSet: new Set(),
      };
      it.quantity += l.quantity;
      it.donorSet.add(e.donor);
      it.donors = it.donorSet.size;
      items.set(name, it);
    }
    donors.set(e.donor, d);
  }
  return {
    entries: list,
    byDonor: [...donors.values()],
    byItem: [...items.values()].map(({ donorSet: _set, ...rest }) => rest),
  };
}

/** Where each lot of one donation went (issues from that lot, by anyone's receipt), and what is left. */
export function traceDonation(ctx: ServiceContext, input: { documentId: number }): DonationTrace {
  const rows = ctx.db
    .prepare<[number], LineRow>(`${LINES} WHERE d.id = ? AND d.source = 'donation' ORDER BY m.id`)
    .all(input.documentId);
  if (rows.length === 0) {
    const exists = ctx.db
      .prepare('SELECT 1 FROM stock_documents WHERE id = ?')
      .get(input.documentId);
    if (!exists) throw notFound('stock_document', input.documentId);
    throw new DomainError('INVALID_INPUT', 'Not a donation', {}, { documentId: 'not_donation' });
  }
  const donation = entries(rows)[0]!;
  const lots = rows.map((r) => {
    const issues =
      r.lot_id === null
        ? []
        : ctx.db
            .prepare<
              [number],
              {
                document_id: number;
                at: string;
                destination_kind: DestinationKind | null;
                destination: string | null;
                quantity: number;
              }
            >(
              `SELECT m.document_id, m.at, d.destination_kind, d.destination, -m.quantity AS quantity
             FROM stock_movements m JOIN stock_documents d ON d.id = m.document_id
             WHERE m.lot_id = ? AND m.kind = 'issue' ORDER BY m.at, m.id`,
            )
            .all(r.lot_id);
    const onHand =
      r.lot_id === null
        ? null
        : ((ctx.db
            .prepare('SELECT coalesce(sum(quantity), 0) FROM stock_balances WHERE lot_id = ?')
            .pluck()
            .get(r.lot_id) as number) ?? 0);
    return {
      itemName: `${r.item_name} ${r.spec}`.trim(),
      lotCode: r.code,
      received: r.quantity,
      issues: issues.map((i) => ({
        documentId: i.document_id,
        at: i.at,
        destinationKind: i.destination_kind,
        destination: i.destination,
        quantity: i.quantity,
      })),
      onHand,
    };
  });
  return { donation, lots };
}
