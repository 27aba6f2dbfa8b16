import { FILE_LIMITS } from '../../../shared/fileLimits';
import { overLimit } from './refusal';

/** A file as read: its cells as text, and each row's number as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/**
 * The rows of one file as they are read, blank ones left out, within the limits that keep what
 * the import then does with them small: rows, columns, and characters over all cells.
 */
export class SheetRows {
  readonly rows: SheetRow[] = [];
  private chars = 0;

  add(row: number, cells: string[]): void {
    if (!cells.some((c) => c.trim() !== '')) return;
    if (cells.length > FILE_LIMITS.columns)
      throw overLimit('columns', `row ${row} has ${cells.length} columns`);
    if (this.rows.length >= FILE_LIMITS.rows)
      throw overLimit('rows', `more than ${FILE_LIMITS.rows} rows`);
    for (const c of cells) this.chars += c.length;
    if (this.chars > FILE_LIMITS.sheet_chars)
      throw overLimit('sheet_chars', `more than ${FILE_LIMITS.sheet_chars} characters`);
    this.rows.push({ row, cells });
  }
}

/** Refused as soon as a cell's text grows past Excel's own maximum. */
export function checkCellLength(text: string): string {
  if (text.length > FILE_LIMITS.cell_chars)
    throw overLimit('cell_chars', `a cell of more than ${FILE_LIMITS.cell_chars} characters`);
  return text;
}
