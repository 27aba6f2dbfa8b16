import { readZipDirectory } from './boundedZip';
import { damaged } from './refusal';
import type { SheetRows } from './sheetRows';
import {
  findWorkbookParts,
  readDateStyles,
  readSharedStrings,
  zipReader,
  type ZipReader,
} from './workbookParts';
import { readWorksheet } from './worksheet';

/** A part parsed when the workbook has it; one inflated at a time, so each is freed before the next. */
function parsed<T>(read: ZipReader, part: string | null, parse: (c: Buffer, p: string) => T): T[] {
  const content = part ? read(part) : null;
  return content && part ? [parse(content, part)] : [];
}

/**
 * The first worksheet of an .xlsx: the zip directory checked before anything is inflated, then
 * only the parts the sheet needs inflated (each bounded) and streamed through saxes.
 */
export function readXlsx(bytes: Buffer, rows: SheetRows): void {
  const read = zipReader(bytes, readZipDirectory(bytes));
  const parts = findWorkbookParts(read);
  const [sharedStrings = []] = parsed(read, parts.sharedStrings, readSharedStrings);
  const [dateStyles = []] = parsed(read, parts.styles, readDateStyles);
  const sheet = read(parts.sheet);
  if (!sheet) throw damaged('xlsx_parts', `the workbook's sheet ${parts.sheet} is missing`);
  readWorksheet(sheet, parts.sheet, { sharedStrings, dateStyles, date1904: parts.date1904 }, rows);
}
