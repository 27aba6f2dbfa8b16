import { FILE_LIMITS } from '../../../shared/fileLimits';
import { parseXml, StopReading } from './boundedXml';
import { damaged, overLimit } from './refusal';
import { checkCellLength, type SheetRows } from './sheetRows';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** For each cell style, whether it shows a number as a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

interface Cell {
  column: number;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
}

/** Zero-based column of a cell reference: A1 → 0, AB7 → 27. */
export function columnOf(ref: string): number {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1];
  if (!letters) throw damaged('xml_damaged', `the cell reference ${ref.slice(0, 20)} is malformed`);
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return column - 1;
}

/** A number as a user sees it; one too long to be exact as Excel shows it (3.2E+17). */
export const numberText = (n: number): string =>
  Math.abs(n) > Number.MAX_SAFE_INTEGER ? n.toExponential() : String(n);

/** An Excel day number (1900 or 1904 system) as YYYY-MM-DD. */
export function dayText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

function cellText(cell: Cell, sheet: SheetContext): string {
  const v = cell.value ?? '';
  switch (cell.type) {
    case 's':
      return sheet.sharedStrings[Number.parseInt(v, 10)] ?? '';
    case 'inlineStr':
      return cell.inline ?? v;
    case 'str':
      return v;
    case 'b':
      return v === '' ? '' : Number(v) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd': {
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? v : date.toISOString().slice(0, 10);
    }
    default: {
      const n = Number.parseFloat(v);
      if (!Number.isFinite(n)) return '';
      return sheet.dateStyles[cell.style] ? dayText(n, sheet.date1904) : numberText(n);
    }
  }
}

/**
 * The rows of one worksheet's XML into `rows`, streamed: reading stops at the end of the sheet
 * data, and the file is refused as soon as a cell, a row or the sheet passes a limit.
 */
export function readWorksheet(
  content: Buffer,
  part: string,
  sheet: SheetContext,
  rows: SheetRows,
): void {
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let lastColumn = -1;
  let cell: Cell | null = null;
  let inValue = false;
  let inInlineText = false;
  let inPhonetic = false;
  parseXml(content, part, {
    open: ({ name, attributes }) => {
      if (name === 'sheetData') inSheetData = true;
      else if (name === 'row' && inSheetData) {
        const r = Number.parseInt(attributes.r ?? '', 10);
        rowNumber = Number.isFinite(r) ? r : rowNumber + 1;
        cells = [];
        lastColumn = -1;
      } else if (name === 'c' && cells) {
        lastColumn = attributes.r ? columnOf(attributes.r) : lastColumn + 1;
        cell = {
          column: lastColumn,
          type: attributes.t ?? 'n',
          style: Number.parseInt(attributes.s ?? '0', 10),
          value: null,
          inline: null,
        };
      } else if (cell && name === 'v') {
        inValue = true;
        cell.value = '';
      } else if (cell && name === 'is') cell.inline = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (cell && name === 't') inInlineText = cell.inline !== null && !inPhonetic;
    },
    text: (text) => {
      if (!cell) return;
      if (inValue) cell.value = checkCellLength((cell.value ?? '') + text);
      else if (inInlineText) cell.inline = checkCellLength((cell.inline ?? '') + text);
    },
    close: (name) => {
      if (name === 'v') inValue = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell && cells) {
        const text = cellText(cell, sheet);
        if (text !== '') {
          if (cell.column >= FILE_LIMITS.columns)
            throw overLimit('columns', `a cell in column ${cell.column + 1}`);
          cells[cell.column] = text;
        }
        cell = null;
      } else if (name === 'row' && cells) {
        const filled = cells;
        rows.add(
          rowNumber,
          Array.from({ length: filled.length }, (_, i) => filled[i] ?? ''),
        );
        cells = null;
      } else if (name === 'sheetData') throw new StopReading();
    },
  });
}
