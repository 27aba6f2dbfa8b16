import Papa from 'papaparse';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { damaged, overLimit, refuseField } from './refusal';
import type { SheetRows } from './sheetRows';

/**
 * Text of a CSV file: UTF-16 when it starts with a UTF-16 byte-order mark (Excel's "Unicode
 * text"), UTF-8 when it is valid UTF-8 (a BOM is dropped), otherwise GBK — what Excel on a
 * Chinese Windows writes.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to GBK.
  }
  try {
    return new TextDecoder('gbk').decode(bytes);
  } catch {
    throw refuseField('base64', 'file_unreadable', 'The file is neither UTF-8 nor GBK text');
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const DEL = 127;
const REPLACEMENT = 0xfffd;

/**
 * Refuses text that is binary decoded by mistake: a control character (no list typed by a person
 * holds one but tab, CR and LF), or more than 1 % of characters that no encoding tried could
 * decode (an image or a program renamed .csv).
 */
export function checkIsText(text: string): void {
  let undecodable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== TAB && c !== LF && c !== CR) || c === DEL)
      throw damaged('not_text', `the file holds the control character ${c} at ${i}`);
    if (c === REPLACEMENT) undecodable++;
  }
  if (undecodable * 100 > text.length)
    throw damaged('not_text', `${undecodable} characters could not be decoded`);
}

/** The separator of a CSV: the one of `,` `;` or tab that the first line uses most (`,` on a tie). */
export function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const line = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export class CsvQuoteError extends Error {
  constructor(readonly row: number) {
    super(`A quoted field opened in row ${row} is never closed`);
    this.name = 'CsvQuoteError';
  }
}

/**
 * One newline style for papaparse, which picks a single one per file: every LF, CR and CRLF
 * becomes CRLF, inside quoted fields too. CRLF rather than LF keeps a CRLF typed in a cell as it
 * was; a lone LF or CR in a quoted cell now reads as CRLF. The final line break goes so that it
 * does not make an empty record.
 */
const normaliseLineEnds = (text: string): string =>
  text.replace(/\r\n|\r|\n/g, '\r\n').replace(/\r\n$/, '');

/** Refuses a record past the caps: more fields than `columns`, a long field, a long line. */
function checkRecord(fields: string[], chars: number, row: number): void {
  if (fields.length > FILE_LIMITS.columns)
    throw overLimit('columns', `row ${row} has more than ${FILE_LIMITS.columns} fields`);
  if (chars > FILE_LIMITS.csv_line_chars)
    throw overLimit('csv_line_chars', `row ${row} is too long`);
  if (fields.some((f) => f.length > FILE_LIMITS.cell_chars))
    throw overLimit('cell_chars', `a field of row ${row} is too long`);
}

/**
 * RFC 4180 records through papaparse, each handed to `onRecord` with its number from 1: fields
 * separated by `delimiter`, records by CRLF, LF or CR; a field in double quotes may hold
 * separators, line breaks and doubled quotes. Like Excel, a quote inside an unquoted field is kept
 * as it is. A quote left open is refused (it would swallow the rest), as is a record past the caps;
 * the first refusal (or one thrown by `onRecord`) aborts the parse and is thrown.
 */
export function eachCsvRecord(
  text: string,
  delimiter: string,
  onRecord: (fields: string[], row: number) => void,
): void {
  let row = 0;
  let recordStart = 0;
  let failure: unknown;
  Papa.parse<string[]>(normaliseLineEnds(text), {
    delimiter,
    newline: '\r\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result, parser) => {
      try {
        row++;
        if (result.errors.some((e) => e.code === 'MissingQuotes')) throw new CsvQuoteError(row);
        checkRecord(result.data, result.meta.cursor - recordStart - 2, row);
        recordStart = result.meta.cursor;
        onRecord(result.data, row);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure !== undefined) throw failure;
}

export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  eachCsvRecord(text, delimiter, (fields) => records.push(fields));
  return records;
}

/** A CSV file's records into `rows`, numbered from 1 as a spreadsheet would show them. */
export function readCsv(bytes: Buffer, rows: SheetRows): void {
  const text = decodeText(bytes);
  checkIsText(text);
  try {
    eachCsvRecord(text, guessDelimiter(text), (cells, row) => rows.add(row, cells));
  } catch (error) {
    if (error instanceof CsvQuoteError)
      throw refuseField('base64', 'csv_quote', error.message, { row: error.row });
    throw error;
  }
}
