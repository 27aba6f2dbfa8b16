import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import type { Language, RoomStatus } from '../../shared/domain';
import { formatTenths } from '../../shared/health';
import { auditHeadShort, type DailyReport } from '../../shared/reports';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { dailyReport } from './dailyReport';
import { Deferred } from '../services/deferred';
import type { HandlerContext } from '../services/context';
import { spreadsheetSafe } from '../services/masking';
import { getSettings } from '../accounts/settings';

/** The workbook's words, in the language the desk is set to (the district reads Chinese). */
const LABELS = {
  'zh-CN': {
    title: '日报',
    site: '隔离点',
    day: '日期',
    generated: '生成时间 (UTC)',
    rooms: '房间',
    status: {
      available: '空闲可用',
      reserved: '已预留',
      occupied: '已入住',
      awaiting_disinfection: '待消毒',
      out_of_service: '停用维修',
    } as Record<RoomStatus, string>,
    total: '合计',
    residents: '人员',
    atMidnight: '24时在住',
    admissions: '当日入住',
    releases: '解除隔离',
    transfers: '转运',
    other: '其他离开',
    health: '健康监测',
    round: '轮次',
    expected: '应测',
    recorded: '已测',
    missing: '漏测/未测',
    fevers: '发热',
    missed: '漏测合计',
    rechecks: '复测',
    feverCases: '发热人员',
    name: '姓名',
    room: '房间',
    max: '最高体温',
    outcome: '处置',
    feverStatus: { open: '待处理', cleared: '已排除', transferred: '已转运' },
    occupancy: '近14日在住人数',
    notYet: '（排班、物资模块上线后填写）',
    staff: '当日在岗人员',
    stock: '物资预警',
    auditHead: '审计日志链头（条数、末条哈希前16位）',
  },
  en: {
    title: 'Daily report',
    site: 'Site',
    day: 'Date',
    generated: 'Generated (UTC)',
    rooms: 'Rooms',
    status: {
      available: 'Available',
      reserved: 'Reserved',
      occupied: 'Occupied',
      awaiting_disinfection: 'Awaiting disinfection',
      out_of_service: 'Out of service',
    } as Record<RoomStatus, string>,
    total: 'Total',
    residents: 'Residents',
    atMidnight: 'In residence at 24:00',
    admissions: 'Admissions',
    releases: 'Releases',
    transfers: 'Transfers',
    other: 'Other departures',
    health: 'Health monitoring',
    round: 'Round',
    expected: 'To measure',
    recorded: 'Measured',
    missing: 'Missed / pending',
    fevers: 'Fever',
    missed: 'Missed in total',
    rechecks: 'Re-checks',
    feverCases: 'Fever cases',
    name: 'Name',
    room: 'Room',
    max: 'Highest',
    outcome: 'Outcome',
    feverStatus: { open: 'Open', cleared: 'Cleared', transferred: 'Transferred' },
    occupancy: 'Residents, last 14 days',
    notYet: '(filled in once the roster and stock modules exist)',
    staff: 'Staff on duty',
    stock: 'Supply alerts',
    auditHead: 'Audit trail head (entries, first 16 hex of the last hash)',
  },
} as const;

export async function dailyReportXlsx(report: DailyReport, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(`${l.title} ${report.day}`);
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size: 12 };
  };
  sheet.addRow([`${spreadsheetSafe(report.siteName)} ${l.title}`]).font = { bold: true, size: 14 };
  sheet.addRow([l.day, report.day]);
  sheet.addRow([l.generated, report.generatedAt]);
  heading(l.rooms);
  for (const [status, n] of Object.entries(report.rooms))
    sheet.addRow([l.status[status as RoomStatus], n]);
  sheet.addRow([l.total, report.roomTotal]);
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
  sheet.addRow([l.missed, report.missedReadings]);
  sheet.addRow([l.rechecks, report.rechecks]);
  heading(l.feverCases);
  sheet.addRow([l.name, l.room, l.max, l.outcome]).font = { bold: true };
  for (const f of report.feverCases)
    sheet.addRow([
      spreadsheetSafe(f.name),
      f.room ?? '',
      `${formatTenths(f.maxTenths)} ℃`,
      l.feverStatus[f.status],
    ]);
  heading(l.occupancy);
  for (const o of report.occupancy) sheet.addRow([o.day, o.residents]);
  heading(`${l.staff} / ${l.stock}`);
  sheet.addRow([l.staff, report.staffOnDuty ?? l.notYet]);
  sheet.addRow([l.stock, report.stockAlerts ?? l.notYet]);
  sheet.addRow([]);
  const foot = sheet.addRow([
    l.auditHead,
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
