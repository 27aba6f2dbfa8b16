import type { ExportedFile } from '../../shared/accounts';
import { interpolate, messagesFor } from '../../shared/i18n/catalogue';
import { daysBetween, siteDay } from '../../shared/siteDate';
import type { DestinationKind, ReceiptSource } from '../../shared/stock';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { getSettings } from '../accounts/settings';
import { getItem } from './catalogue';
import { donationRegister } from './donations';
import { onHand, stockCard } from './onHand';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { dayCell, siteClock, type Cell, type SheetTable } from '../services/xlsx/sheetTable';

type Format = 'xlsx' | 'csv';

/** The donation register of a period: one row per donated line, with its lot. */
export function exportDonations(
  ctx: HandlerContext,
  input: { siteId: number; from: string; to: string; format: Format },
): Deferred<ExportedFile> {
  const m = messagesFor(getSettings(ctx).language);
  const w = m.exports.donations;
  const register = donationRegister(ctx, input);
  const rows: Cell[][] = register.entries.flatMap((e): Cell[][] =>
    e.lines.map((l) => [
      siteClock(e.occurredAt),
      e.donor,
      e.contact,
      e.documentId,
      l.itemName,
      l.spec,
      l.lotCode ?? '',
      dayCell(l.expiry),
      l.quantity,
      l.baseUnit,
      [e.reason, e.reversed ? m.stock.reversedMark : ''].filter(Boolean).join('；'),
    ]),
  );
  // The total per base unit: 只, 个 and 件 never add up together.
  const totals = register.byItem.reduce((sum, i) => {
    sum.set(i.baseUnit, (sum.get(i.baseUnit) ?? 0) + i.quantity);
    return sum;
  }, new Map<string, number>());
  for (const [unit, quantity] of totals) {
    const label = interpolate(m.exports.stockReport.totalOf, { unit });
    rows.push([label, '', '', '', '', '', '', null, quantity, unit, '']);
  }
  const table: SheetTable = {
    sheet: w.file,
    header: [
      w.date,
      w.donor,
      m.stock.contact,
      w.document,
      m.stock.item,
      m.stock.spec,
      m.stock.lot,
      m.stock.expiry,
      m.stock.quantity,
      m.stock.unit,
      w.note,
    ],
    rows,
    widths: [17, 24, 12, 8, 18, 10, 10, 12, 10, 6, 8],
    dates: { 0: 'minute', 7: 'day' },
  };
  return auditedSheetFile(
    ctx,
    'stock.donationsExport',
    `donations ${input.from}–${input.to} as ${input.format}`,
    table,
    `${w.file}_${input.from}_${input.to}`,
    input.format,
  );
}

/** Lots of the store that are expired or expire within the set days, soonest first. */
export function exportExpiry(
  ctx: HandlerContext,
  input: { siteId: number; locationId?: number | undefined; format: Format },
): Deferred<ExportedFile> {
  const m = messagesFor(getSettings(ctx).language);
  const w = m.exports.expiry;
  const today = siteDay(ctx.now());
  const lots = onHand(ctx, input)
    .flatMap((item) =>
      item.lots
        .filter((l) => l.expired || l.expiringSoon)
        .map((l) => ({ item, lot: l, expiry: l.expiry! })),
    )
    .sort((a, b) => a.expiry.localeCompare(b.expiry));
  const table: SheetTable = {
    sheet: w.file,
    header: [
      m.stock.item,
      m.stock.spec,
      m.stock.lot,
      m.stock.expiry,
      w.daysLeft,
      m.stock.quantity,
      m.stock.unit,
      w.status,
    ],
    rows: lots.map(({ item, lot, expiry }) => [
      item.name,
      item.spec,
      lot.code,
      dayCell(expiry),
      daysBetween(today, expiry),
      lot.quantity,
      item.baseUnit,
      lot.expired ? w.expired : w.soon,
    ]),
    widths: [18, 10, 12, 12, 10, 10, 6, 10],
    dates: { 3: 'day' },
  };
  return auditedSheetFile(
    ctx,
    'stock.expiryExport',
    `expiry report as ${input.format}`,
    table,
    `${w.file}_${today}`,
    input.format,
  );
}

/** One item's stock card: the opening balance, every movement, the running balance. */
export function exportCard(
  ctx: HandlerContext,
  input: Parameters<typeof stockCard>[1] & { format: Format },
): Deferred<ExportedFile> {
  const m = messagesFor(getSettings(ctx).language);
  const w = m.exports.card;
  const item = getItem(ctx, input.itemId);
  const card = stockCard(ctx, input);
  const entry = (kind: string, channel: string) =>
    kind === 'receipt'
      ? m.receiptSource[channel as ReceiptSource]
      : kind === 'issue'
        ? m.destinationKind[channel as DestinationKind]
        : kind === 'adjustment'
          ? w.adjustment
          : m.documentKind.reversal;
  const table: SheetTable = {
    sheet: w.file,
    header: [m.stock.occurredAt, w.document, w.entry, m.stock.lot, w.in, w.out, m.stock.balance],
    rows: [
      [siteClock(input.from), null, w.opening, '', null, null, card.opening],
      ...card.rows.map((r) => [
        siteClock(r.at),
        r.documentId,
        entry(r.kind, r.channel),
        r.lotCode ?? '',
        r.quantity > 0 ? r.quantity : null,
        r.quantity < 0 ? -r.quantity : null,
        r.balance,
      ]),
    ],
    widths: [17, 8, 14, 12, 10, 10, 10],
    dates: { 0: 'minute' },
  };
  return auditedSheetFile(
    ctx,
    'stock.cardExport',
    `stock card of item ${item.id} as ${input.format}`,
    table,
    `${w.file}_${item.name}_${siteDay(new Date(input.from))}`,
    input.format,
  );
}
