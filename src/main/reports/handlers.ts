import type { DomainHandlers } from '../services/handlerMap';
import { producedDailyReport } from './dailyReport';
import { exportDailyReport } from './dailyReportExport';
import { printToPdf } from './printToPdf';

/** The daily report and printing a window to PDF. */
export const reportsHandlers = {
  'reports.daily': producedDailyReport,
  'reports.dailyExport': exportDailyReport,
  'print.toPdf': printToPdf,
} satisfies DomainHandlers;
