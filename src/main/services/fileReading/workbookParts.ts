import { posix } from 'node:path';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { parseXml } from './boundedXml';
import { readZipEntry, type ZipEntry } from './boundedZip';
import { damaged, overLimit } from './refusal';

/** The parts of a workbook the first sheet needs, found through the package's relationships. */
export interface WorkbookParts {
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

export type ZipReader = (name: string) => Buffer | null;

/** Reads entries of one zip by name (null for a missing one), each bounded by readZipEntry. */
export function zipReader(bytes: Buffer, entries: Map<string, ZipEntry>): ZipReader {
  return (name) => {
    const entry = entries.get(name);
    return entry ? readZipEntry(bytes, entry) : null;
  };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** `Target` of a relationship, resolved against the folder of the part that owns it. */
function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(owner), target));
}

function relationships(read: ZipReader, owner: string): Relationship[] {
  const relsPath = posix.join(posix.dirname(owner), '_rels', `${posix.basename(owner)}.rels`);
  const content = read(relsPath);
  if (!content) return [];
  const found: Relationship[] = [];
  parseXml(content, relsPath, {
    open: ({ name, attributes }) => {
      if (name === 'Relationship' && attributes.Target)
        found.push({
          id: attributes.Id ?? '',
          type: attributes.Type ?? '',
          target: resolveTarget(owner, attributes.Target),
        });
    },
  });
  return found;
}

const ofType = (rels: Relationship[], type: string) =>
  rels.find((r) => r.type.endsWith(`/${type}`))?.target ?? null;

/** The workbook's first sheet (in the workbook's order) and its shared strings and styles. */
export function findWorkbookParts(read: ZipReader): WorkbookParts {
  const workbook = ofType(relationships(read, ''), 'officeDocument') ?? 'xl/workbook.xml';
  const content = read(workbook);
  if (!content) throw damaged('xlsx_parts', 'the zip holds no workbook');
  let firstSheet: string | null = null;
  let date1904 = false;
  parseXml(content, workbook, {
    open: ({ name, attributes }) => {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name === 'sheet' && firstSheet === null) {
        const id = Object.entries(attributes).find(([k]) => k === 'id' || k.endsWith(':id'));
        firstSheet = id?.[1] ?? '';
      }
    },
  });
  const rels = relationships(read, workbook);
  const sheet = rels.find((r) => r.id === firstSheet)?.target;
  if (!sheet) throw damaged('xlsx_parts', 'the workbook names no sheet');
  return {
    sheet,
    sharedStrings: ofType(rels, 'sharedStrings'),
    styles: ofType(rels, 'styles'),
    date1904,
  };
}

/**
 * The shared-string table: each string's text (rich-text runs joined, phonetic guides left out),
 * at most FILE_LIMITS.shared_strings strings of at most cell_chars characters.
 */
export function readSharedStrings(content: Buffer, part: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXml(content, part, {
    open: ({ name }) => {
      if (name === 'si') {
        if (strings.length >= FILE_LIMITS.shared_strings)
          throw overLimit('shared_strings', `${part} has more strings than allowed`);
        current = '';
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = current !== null && !inPhonetic;
    },
    text: (text) => {
      if (!inText || current === null) return;
      current += text;
      if (current.length > FILE_LIMITS.cell_chars)
        throw overLimit('cell_chars', `a shared string of ${part} is too long`);
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      }
    },
  });
  return strings;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quotes and brackets, it has a date or time letter. */
export const isDateFormat = (code: string): boolean =>
  /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (`s` of a cell), whether it shows a number as a date. */
export function readDateStyles(content: Buffer, part: string): boolean[] {
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  parseXml(content, part, {
    open: ({ name, attributes }) => {
      if (name === 'numFmt')
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const custom = customFormats.get(id);
        dateStyles.push(custom === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(custom));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dateStyles;
}
