import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Db } from '../db/open';
import { spreadsheetSafe } from '../services/masking';
import { COLUMN_LABELS, FLAG_COLUMNS, type ArchiveSheet } from './archiveDomains';

/** Excel's limit is 1,048,576 rows a sheet; a longer table continues on "name 2", "name 3" … */
export const ROWS_PER_SHEET = 1_000_000;
/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Excel has no time zones: instants are written as the site's wall clock (UTC+8). */
const SITE_OFFSET_MS = 8 * 3_600_000;

type Cell = string | number | boolean | Date | null;

function cellOf(column: string, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    if (FLAG_COLUMNS.has(column)) return n === 1;
    if (column === 'temperature_tenths') return n / 10;
    return n;
  }
  if (typeof value !== 'string') return spreadsheetSafe(String(value));
  if (INSTANT.test(value)) return new Date(Date.parse(value) + SITE_OFFSET_MS);
  if (DAY.test(value)) return new Date(`${value}T00:00:00Z`);
  const text = value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
  return spreadsheetSafe(text);
}

/**
 * A column's number format, from its name (set once per column: a style per cell would cost more
 * than the rest of the export together): instants end in `at`, days are named here.
 */
const DAY_COLUMNS = new Set([
  'birth_date',
  'last_exposure_date',
  'observation_end',
  'round_day',
  'day',
  'starts_on',
  'ends_on',
  'expiry',
]);
function numFmtOf(column: string): string | undefined {
  if (column === 'at' || column.endsWith('_at')) return 'yyyy-mm-dd hh:mm:ss';
  if (DAY_COLUMNS.has(column)) return 'yyyy-mm-dd';
  if (column === 'temperature_tenths') return '0.0';
  return undefined;
}

/** One table as one sheet (or several, past ROWS_PER_SHEET); returns the rows written. */
function writeTable(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: ArchiveSheet,
  stats: WorkbookStats,
  rowsPerSheet: number,
): number {
  const source = spec.view ?? spec.table;
  const columns = (db.prepare(`PRAGMA table_info(${source})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !spec.omit?.includes(c));
  const header = columns.map((c) => COLUMN_LABELS[c] ?? c);
  const addSheet = (part: number): ExcelJS.Worksheet => {
    const name = part === 1 ? spec.sheet : `${spec.sheet} ${part}`;
    const sheet = workbook.addWorksheet(name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, header[i]!.length * 2 + 8);
      const numFmt = numFmtOf(c);
      if (numFmt) column.numFmt = numFmt;
    });
    const row = sheet.addRow(header);
    row.font = { bold: true };
    row.commit();
    stats.sheets++;
    return sheet;
  };
  let part = 1;
  let sheet = addSheet(part);
  let written = 0;
  const select = db.prepare(
    `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${source} ORDER BY 1`,
  );
  for (const raw of select.iterate() as Iterable<Record<string, unknown>>) {
    if (written > 0 && written % rowsPerSheet === 0) {
      sheet.commit();
      sheet = addSheet(++part);
    }
    sheet.addRow(columns.map((c) => cellOf(c, raw[c]))).commit();
    written++;
  }
  sheet.commit();
  return written;
}

export interface WorkbookStats {
  sheets: number;
  rows: number;
}

/**
 * Writes the tables as one workbook, streamed (the audit log alone may hold millions of rows):
 * Chinese header labels, a frozen header row, typed cells (numbers, TRUE/FALSE, dates and times
 * on the site's clock). Every table is read inside one read transaction, so the sheets agree.
 */
export async function archiveWorkbook(
  db: Db,
  sheets: readonly ArchiveSheet[],
  rowsPerSheet = ROWS_PER_SHEET,
): Promise<{ buffer: Buffer } & WorkbookStats> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Isolation Site Desk';
  const stats: WorkbookStats = { sheets: 0, rows: 0 };

  db.transaction(() => {
    for (const spec of sheets) stats.rows += writeTable(db, workbook, spec, stats, rowsPerSheet);
  })();
  await workbook.commit();
  await done;
  return { buffer: Buffer.concat(chunks), ...stats };
}
