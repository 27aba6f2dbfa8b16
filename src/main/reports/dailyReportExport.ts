import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import type { Language, RoomStatus } from '../../shared/domain';
import { interpolate, messagesFor } from '../../shared/i18n/catalogue';
import { auditHeadShort, type DailyReport } from '../../shared/reports';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { dailyReport } from './dailyReport';
import { Deferred } from '../services/deferred';
import type { HandlerContext } from '../services/context';
import { spreadsheetSafe } from '../services/masking';
import { dayCell, siteClock, type Cell } from '../services/xlsx/sheetTable';
import { getSettings } from '../accounts/settings';

const DAY = 'yyyy-mm-dd';
const MINUTE = 'yyyy-mm-dd hh:mm';
const CLOCK = 'hh:mm';

/** A value and the number format its cell shows it in (a date, a time, one decimal). */
interface Formatted {
  value: Cell;
  numFmt: string;
}
const as = (value: Cell, numFmt: string): Formatted => ({ value, numFmt });

/**
 * The report on one sheet, section by section, in the screen's words. Days, times and instants
 * are date cells at site time, temperatures and quantities numbers (the unit in the header).
 */
export async function dailyReportXlsx(report: DailyReport, language: Language): Promise<Buffer> {
  // The screen's words (report.*), and the few only the workbook needs (exports.daily.*).
  const m = messagesFor(language);
  const l = m.report;
  const x = m.exports.daily;
  const w = m.stock;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(interpolate(x.sheet, { day: report.day }));
  const add = (cells: (Cell | Formatted)[]): ExcelJS.Row => {
    const row = sheet.addRow(
      cells.map((c) => {
        const value = c !== null && typeof c === 'object' && 'numFmt' in c ? c.value : c;
        return typeof value === 'string' ? spreadsheetSafe(value) : value;
      }),
    );
    cells.forEach((c, i) => {
      if (c !== null && typeof c === 'object' && 'numFmt' in c) row.getCell(i + 1).numFmt = c.numFmt;
    });
    return row;
  };
  const heading = (text: string) => {
    sheet.addRow([]);
    add([text]).font = { bold: true, size: 12 };
  };
  const header = (cells: string[]) => {
    add(cells).font = { bold: true };
  };

  add([interpolate(l.title, { site: report.siteName })]).font = { bold: true, size: 14 };
  add([l.day, as(dayCell(report.day), DAY)]);
  add([x.generated, as(siteClock(report.generatedAt), MINUTE)]);
  heading(x.rooms);
  for (const [status, n] of Object.entries(report.rooms)) add([m.status[status as RoomStatus], n]);
  add([x.total, report.roomTotal]);
  heading(l.residents);
  add([l.atMidnight, report.residentsAtMidnight]);
  add([l.admissions, report.admissions]);
  add([l.releases, report.releases]);
  add([l.transfers, report.transfers]);
  add([l.other, report.otherDepartures]);
  heading(l.health);
  header([l.round, l.expected, l.recorded, l.missing, l.fevers]);
  for (const r of report.rounds)
    add([as(siteClock(r.startsAt), CLOCK), r.expected, r.recorded, r.missing, r.fevers]);
  add([x.missedTotal, report.missedReadings]);
  add([x.rechecks, report.rechecks]);
  heading(l.feverCases);
  header([x.name, x.room, x.maxCelsius, l.outcome]);
  for (const f of report.feverCases)
    add([f.name, f.room ?? '', as(f.maxTenths / 10, '0.0'), m.feverStatus[f.status]]);

  heading(l.staff);
  const duty = report.staffOnDuty;
  if (duty.roster !== 'published') {
    add([duty.roster === 'none' ? l.noRoster : l.draftRoster]);
  } else {
    header([m.roster.post, m.roster.shift, x.shiftStart, x.shiftEnd, x.staffNames]);
    for (const p of duty.posts)
      for (const s of p.shifts)
        add([
          p.post,
          s.shift,
          as(siteClock(s.startsAt), MINUTE),
          as(siteClock(s.endsAt), MINUTE),
          s.staff.map((n) => `${n.name}（${m.staffRole[n.role]}）`).join('、') || l.vacant,
        ]);
    add([x.leader, duty.leaders.map((d) => d.name).join('、') || l.noLeader]);
    add([x.headcount, duty.headcount]);
    add([x.gaps, duty.gaps]);
  }

  heading(l.stock);
  const stock = report.stockAlerts;
  if (stock.low.length + stock.expired.length + stock.expiring.length === 0) add([l.noStockAlerts]);
  if (stock.low.length > 0) {
    header([l.stock, w.item, w.spec, w.onHand, w.lowThreshold, w.unit]);
    for (const r of stock.low)
      add([l.stockLow, r.name, r.spec, r.onHand, r.lowThreshold, r.baseUnit]);
  }
  const lots = [
    ...stock.expired.map((r) => ({ ...r, kind: l.stockExpired, daysLeft: null })),
    ...stock.expiring.map((r) => ({ ...r, kind: l.stockExpiring })),
  ];
  if (lots.length > 0) {
    header([l.stock, w.item, w.spec, w.lot, w.quantity, w.unit, w.expiry, m.exports.expiry.daysLeft]);
    for (const r of lots)
      add([
        r.kind,
        r.name,
        r.spec,
        r.lotCode,
        r.quantity,
        r.baseUnit,
        as(dayCell(r.expiry), DAY),
        r.daysLeft,
      ]);
  }
  if (stock.supply.length === 0) add([l.noUsage]);
  else {
    header([w.item, w.spec, x.usable, x.perDay, w.daysOfSupply, w.unit]);
    for (const r of stock.supply)
      add([
        r.name,
        r.spec,
        r.onHand,
        as(r.perDay, '0.0'),
        as(r.daysOfSupply, '0.0'),
        r.baseUnit,
      ]);
  }
  add([x.usageWindow, as(dayCell(stock.usageFrom), DAY), as(dayCell(stock.usageTo), DAY)]);

  heading(l.occupancy);
  for (const o of report.occupancy) add([as(dayCell(o.day), DAY), o.residents]);
  sheet.addRow([]);
  add([x.auditHead, report.auditHead.count, auditHeadShort(report.auditHead.headHash)]).font = {
    size: 8,
    color: { argb: 'FF666666' },
  };
  sheet.getColumn(1).width = 26;
  for (const c of [2, 3, 4, 5, 6, 7, 8]) sheet.getColumn(c).width = 16;
  sheet.getColumn(5).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report as an Excel file named like 日报_2026-12-06.xlsx; the export is audited like every other. */
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
    filename: `${messagesFor(language).exports.daily.file}_${input.day}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await dailyReportXlsx(report, language)).toString('base64'),
  }));
}
