import type { DomainHandlers } from '../services/handlerMap';
import { producedDailyReport } from './dailyReport';
import { exportDailyReport } from './dailyReportExport';
import { exportDayFile } from './dayFile';
import { districtSummary } from './districtSummary';
import { printToPdf } from './printToPdf';

/** The daily report and printing a window to PDF. */
export const reportsHandlers = {
  'reports.daily': producedDailyReport,
  'reports.dailyExport': exportDailyReport,
  'reports.dayFileExport': exportDayFile,
  'reports.districtSummary': districtSummary,
  'print.toPdf': printToPdf,
} satisfies DomainHandlers;
