import type { ExportedFile } from '../../shared/accounts';
import type { Language } from '../../shared/domain';
import { interpolate, messagesFor } from '../../shared/i18n/catalogue';
import {
  DESTINATION_KINDS,
  RECEIPT_SOURCES,
  type StockReport,
  type StockReportTotal,
} from '../../shared/stock';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { getSettings } from '../accounts/settings';
import { siteStore } from './ledger';
import { stockReport } from './report';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { sheetCsv, sheetXlsx, type SheetTable } from '../services/xlsx/sheetTable';

/** The period report as a sheet: one row per item, then a total row per base unit. */
export function stockReportTable(report: StockReport, language: Language): SheetTable {
  // The columns the printed report on screen has, in its words.
  const m = messagesFor(language);
  const w = m.stock;
  const header = [
    w.item,
    w.spec,
    w.category,
    w.unit,
    w.opening,
    ...RECEIPT_SOURCES.map((s) => interpolate(w.receivedBy, { source: m.receiptSource[s] })),
    ...DESTINATION_KINDS.map((d) => interpolate(w.issuedTo, { kind: m.destinationKind[d] })),
    w.adjusted,
    w.reversed,
    w.closing,
  ];
  const numbers = (r: Omit<StockReportTotal, 'items'>) => [
    r.opening,
    ...RECEIPT_SOURCES.map((s) => r.received[s]),
    ...DESTINATION_KINDS.map((d) => r.issued[d]),
    r.adjusted,
    r.reversed,
    r.closing,
  ];
  const rows = [
    ...report.rows.map((r) => [
      r.name,
      r.spec,
      m.stockCategory[r.category],
      r.baseUnit,
      ...numbers(r),
    ]),
    // The grand total per base unit: 只, 个, 件 and 瓶 never add up together.
    ...report.totals.map((r) => [
      interpolate(m.exports.stockReport.totalOf, { unit: r.baseUnit }),
      '',
      '',
      r.baseUnit,
      ...numbers(r),
    ]),
  ];
  return {
    sheet: m.exports.stockReport.sheet,
    header,
    rows,
    widths: header.map((_h, i) => (i === 0 ? 18 : i < 4 ? 10 : 12)),
    frozenColumns: 1,
  };
}

export const stockReportXlsx = (report: StockReport, language: Language) =>
  sheetXlsx(stockReportTable(report, language));
export const stockReportCsv = (report: StockReport, language: Language) =>
  sheetCsv(stockReportTable(report, language));

/** The period report as Excel or CSV, named like 物资报表_2026-11-29.xlsx; audited. */
export function exportStockReport(
  ctx: HandlerContext,
  input: {
    siteId: number;
    locationId?: number | undefined;
    from: string;
    to: string;
    format: 'xlsx' | 'csv';
  },
): Deferred<ExportedFile> {
  const report = stockReport(ctx, input);
  const language = getSettings(ctx).language;
  // A sub-store's report names the sub-store, so two stores' files of one day do not collide.
  const store =
    input.locationId === undefined || input.locationId === siteStore(ctx, input.siteId)
      ? ''
      : `_${report.locationName}`;
  return auditedSheetFile(
    ctx,
    'stock.reportExport',
    `stock report ${input.from}–${input.to} as ${input.format}`,
    stockReportTable(report, language),
    `${messagesFor(language).exports.stockReport.file}${store}_${input.to}`,
    input.format,
  );
}
