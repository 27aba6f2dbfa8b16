import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import type { FileRefusalReason } from '../../../shared/fileLimits';
import { sheetXml, workbookParts, zip, type ZipPart } from './zip';

/** What reading the file must answer: a refusal with its reason, or the import's field error. */
export type Expected =
  | { code: 'FILE_REFUSED'; reason: FileRefusalReason }
  | { code: 'INVALID_INPUT'; field: string }
  /** Read as no rows at all, which each import then refuses (`file_empty`, `no_item_column`). */
  | { code: 'EMPTY' };

export interface HostileFile {
  /** Says what the file is: the test's name for it. */
  name: string;
  fileName: string;
  bytes: Buffer;
  expected: Expected;
}

export const MB = 1024 * 1024;
export const refused = (reason: FileRefusalReason): Expected => ({ code: 'FILE_REFUSED', reason });
export const field = (code: string): Expected => ({ code: 'INVALID_INPUT', field: code });

export interface Deflated {
  data: Buffer;
  size: number;
  crc: number;
}

/** `total` bytes of `chunk` repeated, deflated as a stream (never held inflated). */
export async function deflatedRepeat(
  chunk: Buffer,
  total: number,
  head = '',
  tail = '',
): Promise<Deflated> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  for (let n = 0; n + chunk.length <= total; n += chunk.length) await write(chunk);
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

export const deflated = (content: string | Buffer): Deflated => {
  const raw = Buffer.from(content);
  return { data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

export function randomBytes(random: () => number, length: number, from = 0, to = 255): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = from + Math.floor(random() * (to - from + 1));
  return b;
}

/** Letters that do not pack: a long text that no ratio check mistakes for a bomb. */
export const randomLetters = (random: () => number, length: number) =>
  randomBytes(random, length, 0x61, 0x7a).toString('latin1');

/** 490 MB of sheet rows deflated to 1.5 MB: the file of the report that took the app down. */
export function rowsBomb(): Promise<Deflated> {
  const rows = Buffer.from('<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>'.repeat(20_000));
  const head = sheetXml('', '<sheetData>', '').replace('</worksheet>', '');
  return deflatedRepeat(rows, 490 * MB, head, '</sheetData></worksheet>');
}

export const workbook = (
  replace: Parameters<typeof workbookParts>[0] = {},
  extra: ZipPart[] = [],
) => zip(workbookParts(replace, extra));

export const SHEET = 'xl/worksheets/sheet1.xml';
export const STRINGS = 'xl/sharedStrings.xml';

/** Rows of one numeric cell each, numbered from 1 (numbers keep the XML from packing too well). */
export const numberedRows = (
  count: number,
  cell = (r: number) => `<c r="A${r}"><v>${r}</v></c>`,
) => {
  const parts: string[] = [];
  for (let r = 1; r <= count; r++) parts.push(`<row r="${r}">${cell(r)}</row>`);
  return parts.join('');
};

/** Offset of the n-th (0-based) record with the given signature. */
export function nthSignature(bytes: Buffer, signature: number, n: number): number {
  const sig = Buffer.alloc(4);
  sig.writeUInt32LE(signature);
  let at = -1;
  for (let i = 0; i <= n; i++) at = bytes.indexOf(sig, at + 1);
  return at;
}

/** Adds one file to the corpus, in the order the test reads them. */
export type AddFile = (name: string, fileName: string, bytes: Buffer, expected: Expected) => void;
