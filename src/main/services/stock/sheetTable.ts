import ExcelJS from 'exceljs';
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

/** Excel: bold frozen header, numbers and dates as typed cells, totals as SUM formulas. */
export async function sheetXlsx(table: SheetTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.addRow(table.header).font = { bold: true };
  for (const r of table.rows) sheet.addRow(r.map(safe));
  if (table.totals) {
    const totals: (string | { formula: string; result: number })[] = table.header.map(() => '');
    totals[0] = table.totals.label;
    for (const c of table.totals.columns) {
      const letter = sheet.getColumn(c + 1).letter;
      const result = table.rows.reduce((sum, r) => sum + (typeof r[c] === 'number' ? r[c] : 0), 0);
      totals[c] = { formula: `SUM(${letter}2:${letter}${table.rows.length + 1})`, result };
    }
    sheet.addRow(totals).font = { bold: true };
  }
  sheet.views = [{ state: 'frozen', xSplit: table.frozenColumns ?? 0, ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = table.widths?.[i] ?? 12;
    const date = table.dates?.[i];
    if (date) c.numFmt = FORMAT[date];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
