import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import type { Language, RoomStatus } from '../../shared/domain';
import { interpolate, messagesFor } from '../../shared/i18n/catalogue';
import { formatTenths } from '../../shared/health';
import { auditHeadShort, type DailyReport } from '../../shared/reports';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { dailyReport } from './dailyReport';
import { Deferred } from '../services/deferred';
import type { HandlerContext } from '../services/context';
import { spreadsheetSafe } from '../services/masking';
import { getSettings } from '../accounts/settings';

export async function dailyReportXlsx(report: DailyReport, language: Language): Promise<Buffer> {
  // The screen's words (report.*), and the few only the workbook needs (exports.daily.*).
  const m = messagesFor(language);
  const l = m.report;
  const x = m.exports.daily;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(interpolate(x.sheet, { day: report.day }));
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size: 12 };
  };
  sheet.addRow([interpolate(l.title, { site: spreadsheetSafe(report.siteName) })]).font = { bold: true, size: 14 };
  sheet.addRow([l.day, report.day]);
  sheet.addRow([x.generated, report.generatedAt]);
  heading(x.rooms);
  for (const [status, n] of Object.entries(report.rooms))
    sheet.addRow([m.status[status as RoomStatus], n]);
  sheet.addRow([x.total, report.roomTotal]);
  heading(l.residents);
  sheet.addRow([l.atMidnight, report.residentsAtMidnight]);
  sheet.addRow([l.admissions, report.admissions]);
  sheet.addRow([l.releases, report.releases]);
  sheet.addRow([l.transfers, report.transfers]);
  sheet.addRow([l.other, report.otherDepartures]);
  heading(l.health);
  sheet.addRow([l.round, l.expected, l.recorded, l.missing, l.fevers]).font = { bold: true };
  for (const r of report.rounds)
    sheet.addRow([r.time, r.expected, r.recorded, r.missing, r.fevers]);
  sheet.addRow([x.missedTotal, report.missedReadings]);
  sheet.addRow([x.rechecks, report.rechecks]);
  heading(l.feverCases);
  sheet.addRow([x.name, x.room, l.max, l.outcome]).font = { bold: true };
  for (const f of report.feverCases)
    sheet.addRow([
      spreadsheetSafe(f.name),
      f.room ?? '',
      `${formatTenths(f.maxTenths)} ℃`,
      m.feverStatus[f.status],
    ]);
  heading(l.occupancy);
  for (const o of report.occupancy) sheet.addRow([o.day, o.residents]);
  heading(l.staffStock);
  sheet.addRow([x.staff, report.staffOnDuty ?? l.notYet]);
  sheet.addRow([x.stock, report.stockAlerts ?? l.notYet]);
  sheet.addRow([]);
  const foot = sheet.addRow([
    x.auditHead,
    report.auditHead.count,
    auditHeadShort(report.auditHead.headHash),
  ]);
  foot.font = { size: 8, color: { argb: 'FF666666' } };
  sheet.getColumn(1).width = 26;
  for (const c of [2, 3, 4, 5]) sheet.getColumn(c).width = 14;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report as an Excel file; the export is audited like every other. */
export function exportDailyReport(
  ctx: HandlerContext,
  input: { siteId: number; day: string },
): Deferred<ExportedFile> {
  const report = dailyReport(ctx, input);
  const language = getSettings(ctx).language;
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'reports.dailyExport',
    outcome: 'ok',
    detail: `daily report ${input.day} as xlsx`,
  });
  return new Deferred(async () => ({
    filename: `daily-report-${input.day}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await dailyReportXlsx(report, language)).toString('base64'),
  }));
}
