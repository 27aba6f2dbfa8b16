import { MAX_IMPORT_BYTES } from '../../../shared/fileLimits';
import { readCsv } from './csv';
import { MB, refuseField } from './refusal';
import { SheetRows, type SheetRow } from './sheetRows';
import { readXlsx } from './xlsx';

export type { SheetRow } from './sheetRows';

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32BE(0) === 0x504b0304;
const isOldExcel = (b: Buffer) => b.length >= 4 && b.readUInt32BE(0) === 0xd0cf11e0;

/**
 * Every row of an import file (the first worksheet of a workbook), blank ones left out. Every
 * limit of FILE_LIMITS is checked while reading, so a hostile file is refused (FILE_REFUSED)
 * having cost little time and memory, and nothing of it is kept.
 */
export function readSheet(file: { fileName: string; base64: string }): SheetRow[] {
  const extension = /\.([^.]*)$/.exec(file.fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (extension !== 'csv' && extension !== 'xlsx')
    throw refuseField('fileName', 'file_type', 'Only .csv and .xlsx files can be imported');
  // Decoded size from the base64 length, before a buffer of it is made.
  if (Math.floor((file.base64.length * 3) / 4) > MAX_IMPORT_BYTES + 2)
    throw refuseField('base64', 'file_too_large', 'The file is too large', {
      max: MAX_IMPORT_BYTES / MB,
    });
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw refuseField('base64', 'file_too_large', 'The file is too large', {
      max: MAX_IMPORT_BYTES / MB,
    });
  // The content decides, not the name: a workbook renamed to .csv is still a workbook.
  if (isOldExcel(bytes))
    throw refuseField('fileName', 'file_xls', 'Old .xls workbooks cannot be read; save as .xlsx');
  const rows = new SheetRows();
  if (isZip(bytes)) readXlsx(bytes, rows);
  else readCsv(bytes, rows);
  return rows.rows;
}
