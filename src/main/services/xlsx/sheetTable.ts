import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { spreadsheetSafe } from '../masking';

export type Cell = string | number | Date | null;

/** A table bound for Excel or CSV: typed cells, and which number columns get a totals row. */
export interface SheetTable {
  sheet: string;
  header: string[];
  rows: Cell[][];
  /** Zero-based columns summed in a last row labelled `totalLabel` (first column). */
  totals?: { label: string; columns: number[] };
  widths?: number[];
  /** Columns frozen at the left besides the header row. */
  frozenColumns?: number;
  /** Date columns: a day, or a day and time (wall clock at the site, see `siteClock`). */
  dates?: Record<number, 'day' | 'minute'>;
}

const SITE_OFFSET_MS = 8 * 3_600_000;

/**
 * Excel has no time zones: a cell shows the Date's UTC fields. An instant becomes the site's wall
 * clock (China Standard Time, no daylight saving) so 09:00 at the site reads 09:00.
 */
export function siteClock(iso: string): Date {
  return new Date(Date.parse(iso) + SITE_OFFSET_MS);
}

/** A YYYY-MM-DD day as a date cell. */
export function dayCell(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T00:00:00Z`);
}

const FORMAT = { day: 'yyyy-mm-dd', minute: 'yyyy-mm-dd hh:mm' } as const;

const safe = (c: Cell): Cell => (typeof c === 'string' ? spreadsheetSafe(c) : c);

/** Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const xmlSafe = (c: Cell): Cell => (typeof c === 'string' ? c.replace(NOT_XML, '') : c);

/**
 * Excel: bold frozen header, numbers and dates as typed cells, totals as SUM formulas. Written
 * with exceljs's streaming writer, row by row: an export of 50,000 rows takes a fraction of the
 * time (and memory) of building the whole workbook model first.
 */
export async function sheetXlsx(table: SheetTable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: table.frozenColumns ?? 0, ySplit: 1 }],
  });
  sheet.columns = table.header.map((_h, i) => {
    const date = table.dates?.[i];
    return { width: table.widths?.[i] ?? 12, ...(date ? { style: { numFmt: FORMAT[date] } } : {}) };
  });
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.commit();
  for (const r of table.rows) sheet.addRow(r.map((c) => safe(xmlSafe(c)))).commit();
  if (table.totals) {
    const totals: (string | { formula: string; result: number })[] = table.header.map(() => '');
    totals[0] = table.totals.label;
    for (const c of table.totals.columns) {
      const letter = sheet.getColumn(c + 1).letter;
      const result = table.rows.reduce((sum, r) => sum + (typeof r[c] === 'number' ? r[c] : 0), 0);
      totals[c] = { formula: `SUM(${letter}2:${letter}${table.rows.length + 1})`, result };
    }
    const row = sheet.addRow(totals);
    row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

function csvField(c: Cell, date: 'day' | 'minute' | undefined): string {
  const s =
    c instanceof Date
      ? c
          .toISOString()
          .slice(0, date === 'day' ? 10 : 16)
          .replace('T', ' ')
      : c === null
        ? ''
        : String(safe(c));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a byte-order mark, so Excel on a Chinese Windows reads UTF-8 and not GBK. */
export function sheetCsv(table: SheetTable): string {
  const lines = [table.header, ...table.rows].map((r) =>
    r.map((c, i) => csvField(c, table.dates?.[i])).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
