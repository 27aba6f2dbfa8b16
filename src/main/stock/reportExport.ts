import type { ExportedFile } from '../../shared/accounts';
import type { Language } from '../../shared/domain';
import {
  DESTINATION_KINDS,
  RECEIPT_SOURCES,
  type DestinationKind,
  type ReceiptSource,
  type StockCategory,
  type StockReport,
} from '../../shared/stock';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { getSettings } from '../accounts/settings';
import { siteStore } from './ledger';
import { stockReport } from './report';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { sheetCsv, sheetXlsx, type SheetTable } from '../services/xlsx/sheetTable';

const WORDS = {
  'zh-CN': {
    sheet: '物资报表',
    file: '物资报表',
    item: '物资',
    spec: '规格',
    category: '类别',
    unit: '单位',
    opening: '期初',
    in: (s: ReceiptSource) =>
      `入库-${{ donation: '捐赠', purchase: '采购', allocation: '上级调拨', transfer: '调入' }[s]}`,
    out: (d: DestinationKind) =>
      `出库-${{ floor: '楼层', room: '房间', post: '岗位', staff: '工作人员', community: '街道社区', department: '部门' }[d]}`,
    adjusted: '调整',
    reversed: '冲销',
    closing: '期末',
    total: '合计',
    categories: {
      ppe: '防护用品',
      disinfection: '消杀用品',
      medical: '医疗用品',
      living: '生活物资',
      food_water: '食品饮用水',
      other: '其他',
    } as Record<StockCategory, string>,
  },
  en: {
    sheet: 'Stock report',
    file: 'stock-report',
    item: 'Item',
    spec: 'Specification',
    category: 'Category',
    unit: 'Unit',
    opening: 'Opening',
    in: (s: ReceiptSource) => `In: ${s}`,
    out: (d: DestinationKind) => `Out: ${d}`,
    adjusted: 'Adjusted',
    reversed: 'Reversed',
    closing: 'Closing',
    total: 'Total',
    categories: {
      ppe: 'PPE',
      disinfection: 'Disinfection',
      medical: 'Medical',
      living: 'Living supplies',
      food_water: 'Food & water',
      other: 'Other',
    } as Record<StockCategory, string>,
  },
};

/** The period report as a sheet: one row per item, totals under every number column. */
export function stockReportTable(report: StockReport, language: Language): SheetTable {
  const w = WORDS[language];
  const header = [
    w.item,
    w.spec,
    w.category,
    w.unit,
    w.opening,
    ...RECEIPT_SOURCES.map(w.in),
    ...DESTINATION_KINDS.map(w.out),
    w.adjusted,
    w.reversed,
    w.closing,
  ];
  const rows = report.rows.map((r) => [
    r.name,
    r.spec,
    w.categories[r.category],
    r.baseUnit,
    r.opening,
    ...RECEIPT_SOURCES.map((s) => r.received[s]),
    ...DESTINATION_KINDS.map((d) => r.issued[d]),
    r.adjusted,
    r.reversed,
    r.closing,
  ]);
  return {
    sheet: w.sheet,
    header,
    rows,
    // Quantities of different units only add up per unit, but the district asks for the row; it
    // counts pieces handled.
    totals: { label: w.total, columns: header.map((_h, i) => i).filter((i) => i >= 4) },
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
    `${WORDS[language].file}${store}_${input.to}`,
    input.format,
  );
}
