import { createHash } from 'node:crypto';
import { version as appVersion } from '../../../package.json';
import type { ExportedFile } from '../../shared/accounts';
import {
  DAY_CSV_COLUMNS,
  DAY_FILE_DATA_SET,
  DAY_FILE_FORMAT,
  dayFileCanonical,
  dayToPeriod,
  periodToDay,
  roundCode,
  type DayFile,
} from '../../shared/dayFile';
import { messagesFor } from '../../shared/i18n/catalogue';
import { siteDay } from '../../shared/siteDate';
import type { DailyReport } from '../../shared/reports';
import { appendAudit } from '../accounts/audit';
import { getSettings } from '../accounts/settings';
import { isoNow, type HandlerContext } from '../services/context';
import { sheetCsv } from '../services/xlsx/sheetTable';
import { dailyReport } from './dailyReport';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The site's code. Sites have no code of their own in the registry, and their ids are only
 * unique within one desk's database, so the code is derived from the site's name (unique among
 * a desk's sites, and what the district knows a site by): "S" and 10 hex digits of its SHA-256,
 * a DHIS2-shaped uid that every desk computes alike for the same name.
 */
export const siteCode = (siteName: string): string =>
  `S${sha256(siteName.normalize('NFC').trim()).slice(0, 10).toUpperCase()}`;

/** The report's figures under their indicator codes, in report order (no figure recomputed). */
function reportValues(report: DailyReport): [string, number][] {
  const duty = report.staffOnDuty;
  const stock = report.stockAlerts;
  return [
    ['ISD_RESIDENTS_MIDNIGHT', report.residentsAtMidnight],
    ['ISD_ADMISSIONS', report.admissions],
    ['ISD_RELEASES', report.releases],
    ['ISD_TRANSFERS', report.transfers],
    ['ISD_OTHER_DEPARTURES', report.otherDepartures],
    ...Object.entries(report.rooms).map(
      ([status, n]): [string, number] => [`ISD_ROOMS_${status.toUpperCase()}`, n],
    ),
    ['ISD_ROOMS_TOTAL', report.roomTotal],
    ['ISD_FEVER_NEW', report.feverCases.length],
    ['ISD_RECHECKS', report.rechecks],
    ['ISD_READINGS_MISSED', report.missedReadings],
    // No published roster: no one recorded on duty, which the file says as 0 (and a comment).
    ['ISD_STAFF_ON_DUTY', duty.headcount],
    ['ISD_STAFF_GAPS', duty.gaps],
    ['ISD_STOCK_LOW', stock.low.length],
    ['ISD_STOCK_EXPIRING', stock.expiring.length],
    ['ISD_STOCK_EXPIRED', stock.expired.length],
    ...report.rounds.flatMap((r): [string, number][] => [
      [roundCode(r.slot + 1, 'DUE'), r.expected],
      [roundCode(r.slot + 1, 'MEASURED'), r.recorded],
      [roundCode(r.slot + 1, 'MISSED'), r.missing],
      [roundCode(r.slot + 1, 'FEVER'), r.fevers],
    ]),
  ];
}

/** The day file of a report, its checksum over the canonical content. */
export function dayFileOf(report: DailyReport): DayFile {
  const orgUnit = siteCode(report.siteName);
  const period = dayToPeriod(report.day);
  const rosterNote =
    report.staffOnDuty.roster === 'published' ? undefined : `roster: ${report.staffOnDuty.roster}`;
  const body = {
    formatVersion: DAY_FILE_FORMAT,
    dataSet: DAY_FILE_DATA_SET,
    completeDate: siteDay(new Date(report.generatedAt)),
    generatedAt: report.generatedAt,
    period,
    orgUnit,
    orgUnitName: report.siteName,
    dataValues: reportValues(report).map(([dataElement, value]) => ({
      dataElement,
      period,
      orgUnit,
      value: String(value),
      ...(dataElement === 'ISD_STAFF_ON_DUTY' && rosterNote ? { comment: rosterNote } : {}),
    })),
  };
  return { ...body, appVersion, checksum: sha256(dayFileCanonical(body)) };
}

export const dayFileJson = (file: DayFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** One row per value, each carrying the file's identity and checksum. */
export function dayFileCsv(file: DayFile): string {
  return sheetCsv({
    sheet: '',
    header: [...DAY_CSV_COLUMNS],
    rows: file.dataValues.map((v) => [
      file.orgUnit,
      file.orgUnitName,
      periodToDay(file.period),
      v.dataElement,
      v.value,
      file.generatedAt,
      file.formatVersion,
      file.appVersion,
      file.checksum,
    ]),
  });
}

/** 日报数据_<site>_<day>.json / .csv, audited like every export. */
export function exportDayFile(
  ctx: HandlerContext,
  input: { siteId: number; day: string; format: 'json' | 'csv' },
): ExportedFile {
  const file = dayFileOf(dailyReport(ctx, input));
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'reports.dayFileExport',
    outcome: 'ok',
    detail: `day file ${input.day} as ${input.format}`,
  });
  const name = `${messagesFor(getSettings(ctx).language).dayFile.file}_${file.orgUnitName}_${input.day}`;
  const text = input.format === 'json' ? dayFileJson(file) : dayFileCsv(file);
  return {
    filename: `${name.replace(/[\\/:*?"<>|]/g, '_')}.${input.format}`,
    mime: input.format === 'json' ? 'application/json' : 'text/csv',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
