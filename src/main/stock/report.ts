import { siteDay } from '../../shared/siteDate';
import {
  DESTINATION_KINDS,
  RECEIPT_SOURCES,
  type DestinationKind,
  type ReceiptSource,
  type StockCategory,
  type StockReport,
  type StockReportRow,
  type StockReportTotal,
} from '../../shared/stock';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getSite } from '../registry/sites';
import { stockLocation } from './ledger';

/**
 * The period stock report for the district: per item, opening, received by source, issued by
 * destination, adjusted, reversed, closing, over the site days [from, to]. It reads the daily sums
 * and today's balances only: opening = today's balance − everything since `from`.
 */
export function stockReport(
  ctx: ServiceContext,
  input: { siteId: number; locationId?: number | undefined; from: string; to: string },
): StockReport {
  const site = getSite(ctx, input.siteId);
  if (input.to < input.from) {
    throw new DomainError(
      'INVALID_INPUT',
      'The period ends before it starts',
      {},
      { to: 'before_start' },
    );
  }
  const today = siteDay(ctx.now());
  if (input.from > today) {
    throw new DomainError(
      'INVALID_INPUT',
      'No report for days to come',
      {},
      { from: 'date_in_future' },
    );
  }
  const location = stockLocation(ctx, input.siteId, input.locationId);
  const locationName = ctx.db
    .prepare('SELECT name FROM stock_locations WHERE id = ?')
    .pluck()
    .get(location) as string;
  const items = ctx.db
    .prepare<
      [],
      { id: number; name: string; spec: string; category: StockCategory; base_unit: string }
    >(
      'SELECT id, name, spec, category, base_unit FROM stock_items ORDER BY category, name, spec, id',
    )
    .all();
  const balance = new Map(
    ctx.db
      .prepare<[number], { item_id: number; q: number }>(
        'SELECT item_id, sum(quantity) AS q FROM stock_balances WHERE location_id = ? GROUP BY item_id',
      )
      .all(location)
      .map((r) => [r.item_id, r.q]),
  );
  const sums = ctx.db
    .prepare<
      [string, number, string],
      { item_id: number; in_period: number; kind: string; channel: string; q: number }
    >(
      `SELECT item_id, day <= ? AS in_period, kind, channel, sum(quantity) AS q
       FROM stock_daily WHERE location_id = ? AND day >= ? GROUP BY item_id, in_period, kind, channel`,
    )
    .all(input.to, location, input.from);
  const rows = new Map<number, StockReportRow>(
    items.map((i) => [
      i.id,
      {
        itemId: i.id,
        name: i.name,
        spec: i.spec,
        category: i.category,
        baseUnit: i.base_unit,
        opening: balance.get(i.id) ?? 0,
        ...nothingMoved(),
        adjusted: 0,
        reversed: 0,
        closing: 0,
      },
    ]),
  );
  for (const s of sums) {
    const row = rows.get(s.item_id);
    if (!row) continue;
    row.opening -= s.q;
    if (!s.in_period) continue;
    if (s.kind === 'receipt') row.received[s.channel as ReceiptSource] += s.q;
    else if (s.kind === 'issue') row.issued[s.channel as DestinationKind] -= s.q;
    else if (s.kind === 'adjustment') row.adjusted += s.q;
    else row.reversed += s.q;
  }
  for (const row of rows.values()) {
    const moved =
      Object.values(row.received).reduce((a, b) => a + b, 0) -
      Object.values(row.issued).reduce((a, b) => a + b, 0) +
      row.adjusted +
      row.reversed;
    row.closing = row.opening + moved;
  }
  return {
    siteName: site.name,
    locationName,
    from: input.from,
    to: input.to,
    generatedAt: isoNow(ctx),
    rows: [...rows.values()],
    totals: totalsByUnit([...rows.values()]),
  };
}

/** Every source and destination at 0. */
const nothingMoved = () => ({
  received: Object.fromEntries(RECEIPT_SOURCES.map((s) => [s, 0])) as Record<ReceiptSource, number>,
  issued: Object.fromEntries(DESTINATION_KINDS.map((d) => [d, 0])) as Record<
    DestinationKind,
    number
  >,
});

/** The report's rows summed per base unit. */
export function totalsByUnit(rows: readonly StockReportRow[]): StockReportTotal[] {
  const totals = new Map<string, StockReportTotal>();
  for (const r of rows) {
    const t = totals.get(r.baseUnit) ?? {
      baseUnit: r.baseUnit,
      items: 0,
      opening: 0,
      ...nothingMoved(),
      adjusted: 0,
      reversed: 0,
      closing: 0,
    };
    t.items++;
    t.opening += r.opening;
    for (const k of RECEIPT_SOURCES) t.received[k] += r.received[k];
    for (const k of DESTINATION_KINDS) t.issued[k] += r.issued[k];
    t.adjusted += r.adjusted;
    t.reversed += r.reversed;
    t.closing += r.closing;
    totals.set(r.baseUnit, t);
  }
  return [...totals.values()];
}
