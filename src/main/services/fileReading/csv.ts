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
 * RFC 4180 records, one at a time: fields separated by `delimiter`, records by CRLF, LF or CR; a
 * field in double quotes may hold separators, line breaks and doubled quotes (`""` is one `"`).
 * Like Excel, a quote inside an unquoted field is kept as it is, as is text after a closing quote.
 * A final line break does not make an empty record; a quote left open does throw (it would swallow
 * the rest). A record longer than csv_line_chars, a field longer than cell_chars or more fields
 * than `columns` is refused as soon as it is seen.
 */
export function* csvRecords(text: string, delimiter = ','): Generator<string[]> {
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let quotedFrom = -1;
  let recordStart = 0;
  let index = 0;
  let i = 0;
  const n = text.length;
  const push = () => {
    if (field.length > FILE_LIMITS.cell_chars)
      throw overLimit('cell_chars', `a field of row ${index + 1} is too long`);
    if (record.length >= FILE_LIMITS.columns)
      throw overLimit('columns', `row ${index + 1} has more than ${FILE_LIMITS.columns} fields`);
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  while (i < n) {
    if (i - recordStart > FILE_LIMITS.csv_line_chars)
      throw overLimit('csv_line_chars', `row ${index + 1} is too long`);
    const c = text[i]!;
    if (quotedFrom >= 0) {
      const close = text.indexOf('"', i);
      if (close === -1) throw new CsvQuoteError(quotedFrom + 1);
      if (close - recordStart > FILE_LIMITS.csv_line_chars)
        throw overLimit('csv_line_chars', `row ${index + 1} is too long`);
      field += text.slice(i, close);
      if (text[close + 1] === '"') {
        field += '"';
        i = close + 2;
      } else {
        quotedFrom = -1;
        i = close + 1;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quotedFrom = index;
      atFieldStart = false;
      i++;
    } else if (c === delimiter) {
      push();
      i++;
    } else if (c === '\r' || c === '\n') {
      push();
      yield record;
      record = [];
      index++;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      recordStart = i;
    } else {
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || record.length > 0) {
    push();
    yield record;
  }
}

export const parseCsv = (text: string, delimiter = ','): string[][] => [
  ...csvRecords(text, delimiter),
];

/** A CSV file's records into `rows`, numbered from 1 as a spreadsheet would show them. */
export function readCsv(bytes: Buffer, rows: SheetRows): void {
  const text = decodeText(bytes);
  checkIsText(text);
  let row = 0;
  try {
    for (const cells of csvRecords(text, guessDelimiter(text))) rows.add(++row, cells);
  } catch (error) {
    if (error instanceof CsvQuoteError)
      throw refuseField('base64', 'csv_quote', error.message, { row: error.row });
    throw error;
  }
}
