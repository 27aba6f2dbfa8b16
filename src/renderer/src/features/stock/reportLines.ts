import type { TFunction } from 'i18next';
import type { StockReport, StockReportTotal } from '@shared/stock';

export type ReportLine = StockReportTotal & { key: string; label: string; total: boolean };

/** The report's item rows, then its grand total per base unit (只, 个, 件 never added together). */
export function reportLines(report: StockReport, t: TFunction): ReportLine[] {
  return [
    ...report.rows.map((r) => ({
      ...r,
      items: 1,
      key: `item-${r.itemId}`,
      label: `${r.name} ${r.spec}（${r.baseUnit}）`,
      total: false,
    })),
    ...report.totals.map((r) => ({
      ...r,
      key: `total-${r.baseUnit}`,
      label: t('stock.totalOf', { unit: r.baseUnit }),
      total: true,
    })),
  ];
}
