import { createDeflateRaw, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import type { FileRefusalReason } from '../../../shared/fileLimits';
import { prng } from '../prng';
import { sharedStringsXml, sheetXml, workbookParts, zip, type ZipPart } from './zip';

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

const MB = 1024 * 1024;
const refused = (reason: FileRefusalReason): Expected => ({ code: 'FILE_REFUSED', reason });
const field = (code: string): Expected => ({ code: 'INVALID_INPUT', field: code });

export interface Deflated {
  data: Buffer;
  size: number;
  crc: number;
}

/** `total` bytes of `chunk` repeated, deflated as a stream (never held inflated). */
async function deflatedRepeat(
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

const deflated = (content: string | Buffer): Deflated => {
  const raw = Buffer.from(content);
  return { data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

function randomBytes(random: () => number, length: number, from = 0, to = 255): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = from + Math.floor(random() * (to - from + 1));
  return b;
}

/** Letters that do not pack: a long text that no ratio check mistakes for a bomb. */
const randomLetters = (random: () => number, length: number) =>
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
const STRINGS = 'xl/sharedStrings.xml';

/** Rows of one numeric cell each, numbered from 1 (numbers keep the XML from packing too well). */
const numberedRows = (count: number, cell = (r: number) => `<c r="A${r}"><v>${r}</v></c>`) => {
  const parts: string[] = [];
  for (let r = 1; r <= count; r++) parts.push(`<row r="${r}">${cell(r)}</row>`);
  return parts.join('');
};

/** Offset of the n-th (0-based) record with the given signature. */
function nthSignature(bytes: Buffer, signature: number, n: number): number {
  const sig = Buffer.alloc(4);
  sig.writeUInt32LE(signature);
  let at = -1;
  for (let i = 0; i <= n; i++) at = bytes.indexOf(sig, at + 1);
  return at;
}

/**
 * Every hostile file of the test, made here from a fixed seed (nothing is shipped): zip bombs of
 * several shapes, damaged and disguised zips, hostile XML, hostile CSV and binary files.
 */
export async function hostileCorpus(): Promise<HostileFile[]> {
  const random = prng(20261206);
  const files: HostileFile[] = [];
  const add = (name: string, fileName: string, bytes: Buffer, expected: Expected) =>
    files.push({ name, fileName, bytes, expected });

  // ---- Zip bombs -------------------------------------------------------------------------
  // The report's file: 1.5 MB of zip whose sheet XML expands to 490 MB of rows.
  const rows490 = await rowsBomb();
  add(
    '490 MB of rows, declared honestly',
    'bomb.xlsx',
    workbook({ [SHEET]: { deflated: rows490 } }),
    refused('zip_total_mb'),
  );
  add(
    '490 MB of rows declared as 100 KB',
    'bomb.xlsx',
    workbook({ [SHEET]: { deflated: rows490, declaredSize: 100_000 } }),
    refused('zip_damaged'),
  );
  add(
    '490 MB of rows declared as 0 bytes',
    'bomb.xlsx',
    workbook({ [SHEET]: { deflated: rows490, declaredSize: 0 } }),
    refused('zip_damaged'),
  );
  add(
    '490 MB of rows declared as 9 MB',
    'bomb.xlsx',
    workbook({ [SHEET]: { deflated: rows490, declaredSize: 9 * MB } }),
    refused('zip_damaged'),
  );

  const oneString = await deflatedRepeat(
    Buffer.alloc(MB, 0x41),
    100 * MB,
    '<sst><si><t>',
    '</t></si></sst>',
  );
  add(
    'a 100 MB shared string, declared honestly',
    'bomb.xlsx',
    workbook({ [STRINGS]: { deflated: oneString } }),
    refused('zip_total_mb'),
  );
  add(
    'a 100 MB shared string declared as 8 MB',
    'bomb.xlsx',
    workbook({ [STRINGS]: { deflated: oneString, declaredSize: 8 * MB } }),
    refused('zip_damaged'),
  );
  add(
    'a 100 MB shared string declared as 30 MB',
    'bomb.xlsx',
    workbook({ [STRINGS]: { deflated: oneString, declaredSize: 30 * MB } }),
    refused('zip_ratio'),
  );

  const zeros200 = await deflatedRepeat(Buffer.alloc(MB), 200 * MB);
  add(
    '200 MB of styles',
    'bomb.xlsx',
    workbook({ 'xl/styles.xml': { deflated: zeros200 } }),
    refused('zip_total_mb'),
  );
  add(
    'a workbook.xml of 200 MB declared as 500 bytes',
    'bomb.xlsx',
    workbook({ 'xl/workbook.xml': { deflated: zeros200, declaredSize: 500 } }),
    refused('zip_damaged'),
  );
  add(
    'a .rels of 200 MB declared as 300 bytes',
    'bomb.xlsx',
    workbook({ '_rels/.rels': { deflated: zeros200, declaredSize: 300 } }),
    refused('zip_damaged'),
  );
  add(
    'an image never read, 200 MB',
    'bomb.xlsx',
    workbook({}, [{ name: 'xl/media/image1.png', deflated: zeros200 }]),
    refused('zip_total_mb'),
  );
  const zeros900k = deflated(Buffer.alloc(900 * 1024));
  add(
    '60 entries of 900 KB each',
    'bomb.xlsx',
    workbook(
      {},
      Array.from({ length: 60 }, (_, i) => ({
        name: `xl/media/image${i}.bin`,
        deflated: zeros900k,
      })),
    ),
    refused('zip_total_mb'),
  );
  add(
    '10 MB packed a thousand times',
    'bomb.xlsx',
    workbook({}, [{ name: 'xl/media/zeros.bin', deflated: deflated(Buffer.alloc(10 * MB)) }]),
    refused('zip_ratio'),
  );
  const shared = (count: number): ZipPart[] => [
    { name: 'xl/media/base.bin', deflated: zeros900k },
    ...Array.from({ length: count - 1 }, (_, i) => ({
      name: `xl/media/same${i}.bin`,
      deflated: zeros900k,
      localOf: 7,
    })),
  ];
  add(
    '40 entries sharing one entry’s data',
    'bomb.xlsx',
    workbook({}, shared(40)),
    refused('zip_damaged'),
  );
  add(
    '100 entries sharing one entry’s data',
    'bomb.xlsx',
    workbook({}, shared(100)),
    refused('zip_total_mb'),
  );
  add(
    'a zip as the sheet',
    'bomb.xlsx',
    workbook({
      [SHEET]: { content: workbook({ [SHEET]: { deflated: rows490 } }).subarray(0, 4000) },
    }),
    refused('xml_damaged'),
  );

  // ---- Zip structure ---------------------------------------------------------------------
  add(
    '20,000 entries',
    'many.xlsx',
    zip(Array.from({ length: 20_000 }, (_, i) => ({ name: `${i}`, content: '' }))),
    refused('zip_entries'),
  );
  const good = workbook();
  const declaring = (count: number) => zip(workbookParts(), { declaredCount: count });
  add('a directory declaring 5,000 entries', 'count.xlsx', declaring(5000), refused('zip_entries'));
  add(
    'a directory declaring 65,535 entries (zip64)',
    'count.xlsx',
    declaring(0xffff),
    refused('zip_unsupported'),
  );
  add('cut in half', 'cut.xlsx', good.subarray(0, good.length >> 1), refused('zip_damaged'));
  add(
    'the end record cut off',
    'cut.xlsx',
    good.subarray(0, good.length - 10),
    refused('zip_damaged'),
  );
  const noDirectory = good.subarray(0, nthSignature(good, 0x02014b50, 0));
  add('local headers only', 'cut.xlsx', noDirectory, refused('zip_damaged'));
  const badOffset = Buffer.from(good);
  badOffset.writeUInt32LE(good.length - 10, nthSignature(good, 0x02014b50, 4) + 42);
  add('an entry pointing past the data', 'offset.xlsx', badOffset, refused('zip_damaged'));
  const badLocal = Buffer.from(good);
  badLocal.writeUInt32LE(0x12345678, nthSignature(good, 0x04034b50, 4));
  add('a local header without its signature', 'local.xlsx', badLocal, refused('zip_damaged'));
  add(
    'an encrypted sheet',
    'locked.xlsx',
    workbook({ [SHEET]: { flags: 1 } }),
    refused('zip_unsupported'),
  );
  add(
    'a sheet packed with bzip2',
    'bzip2.xlsx',
    workbook({ [SHEET]: { method: 12 } }),
    refused('zip_unsupported'),
  );
  add(
    'a sheet packed with LZMA',
    'lzma.xlsx',
    workbook({ [SHEET]: { method: 14 } }),
    refused('zip_unsupported'),
  );
  add(
    'a zip64 size marker',
    'zip64.xlsx',
    workbook({ [SHEET]: { declaredSize: 0xffffffff } }),
    refused('zip_unsupported'),
  );
  add(
    'a zip split over disks',
    'disk.xlsx',
    zip(workbookParts(), { disk: 1 }),
    refused('zip_unsupported'),
  );
  add(
    'a wrong CRC',
    'crc.xlsx',
    workbook({ [SHEET]: { crc: 0xdeadbeef } }),
    refused('zip_damaged'),
  );
  const sheetDeflated = deflated(sheetXml(numberedRows(50)));
  const scrambled = { ...sheetDeflated, data: randomBytes(random, sheetDeflated.data.length) };
  add(
    'scrambled deflate data',
    'scrambled.xlsx',
    workbook({ [SHEET]: { deflated: scrambled } }),
    refused('zip_damaged'),
  );
  add(
    'a stored sheet with two sizes',
    'stored.xlsx',
    workbook({ [SHEET]: { stored: true, declaredSize: 999 } }),
    refused('zip_damaged'),
  );
  add(
    'the sheet twice',
    'twice.xlsx',
    workbook({}, [{ name: SHEET, content: sheetXml('') }]),
    refused('zip_damaged'),
  );
  add('an empty zip (no local header)', 'empty.xlsx', zip([]), refused('not_text'));
  const docx = zip([
    {
      name: '_rels/.rels',
      content:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      content:
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    },
  ]);
  add('a Word document renamed .xlsx', 'letter.xlsx', docx, refused('xlsx_parts'));
  add(
    'a zip of a text file',
    'notes.xlsx',
    zip([{ name: 'readme.txt', content: '崇川区' }]),
    refused('xlsx_parts'),
  );
  const outside = workbookParts({
    'xl/_rels/workbook.xml.rels': {
      content:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="../../../etc/passwd"/></Relationships>',
    },
  });
  add('a sheet outside the package', 'outside.xlsx', zip(outside), refused('xlsx_parts'));
  add(
    'no sheet',
    'nosheet.xlsx',
    zip(workbookParts().filter((p) => p.name !== SHEET)),
    refused('xlsx_parts'),
  );

  // ---- Hostile XML ------------------------------------------------------------------------
  const digits = () => `<c><v>${Math.floor(random() * 1000)}</v></c>`;
  add(
    '10⁶ rows',
    'rows.xlsx',
    workbook({
      [SHEET]: { content: sheetXml(numberedRows(1_000_000, digits).replace(/ r="\d+"/g, '')) },
    }),
    refused('zip_part_mb'),
  );
  add(
    '580,000 empty rows (just under 10 MB)',
    'rows.xlsx',
    workbook({
      [SHEET]: {
        content: sheetXml(
          Array.from({ length: 580_000 }, (_, i) => `<row r="${i + 1}"/>`).join(''),
        ),
      },
    }),
    { code: 'EMPTY' },
  );
  add(
    '100,000 rows',
    'rows.xlsx',
    workbook({ [SHEET]: { content: sheetXml(numberedRows(100_000)) } }),
    refused('rows'),
  );
  const wide = Array.from({ length: 100_000 }, (_, i) => `<c><v>${i}</v></c>`).join('');
  add(
    '10⁵ columns',
    'wide.xlsx',
    workbook({ [SHEET]: { content: sheetXml(`<row r="1">${wide}</row>`) } }),
    refused('columns'),
  );
  add(
    'a cell in column XFD',
    'wide.xlsx',
    workbook({
      [SHEET]: {
        content: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'),
      },
    }),
    refused('columns'),
  );
  add(
    'a cell reference that is no reference',
    'ref.xlsx',
    workbook({ [SHEET]: { content: sheetXml('<row r="1"><c r="1A"><v>1</v></c></row>') } }),
    refused('xml_damaged'),
  );
  add(
    'a shared string of 40,000 characters',
    'long.xlsx',
    workbook({ [STRINGS]: { content: sharedStringsXml(['A'.repeat(40_000)]) } }),
    refused('cell_chars'),
  );
  add(
    'a shared string of 1 MB',
    'long.xlsx',
    workbook({ [STRINGS]: { content: sharedStringsXml([randomLetters(random, MB)]) } }),
    refused('xml_text_kb'),
  );
  add(
    'an inline string of 40,000 characters',
    'long.xlsx',
    workbook({
      [SHEET]: {
        content: sheetXml(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>${'中'.repeat(40_000)}</t></is></c></row>`,
        ),
      },
    }),
    refused('cell_chars'),
  );
  add(
    '250,000 shared strings',
    'strings.xlsx',
    workbook({
      [STRINGS]: { content: sharedStringsXml(Array.from({ length: 250_000 }, (_, i) => `${i}`)) },
    }),
    refused('shared_strings'),
  );
  add(
    '200 cells of one 30,000-character string',
    'chars.xlsx',
    workbook({
      [STRINGS]: { content: sharedStringsXml(['名'.repeat(30_000)]) },
      [SHEET]: { content: sheetXml(numberedRows(200, (r) => `<c r="A${r}" t="s"><v>0</v></c>`)) },
    }),
    refused('sheet_chars'),
  );
  add(
    'XML nested 200,000 deep in the sheet',
    'deep.xlsx',
    workbook({ [SHEET]: { content: sheetXml('<a>'.repeat(200_000)) } }),
    refused('xml_depth'),
  );
  add(
    'XML nested 200,000 deep in the shared strings',
    'deep.xlsx',
    workbook({ [STRINGS]: { content: `<sst>${'<si>'.repeat(200_000)}` } }),
    refused('xml_depth'),
  );
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><sst><si><t>&lol9;</t></si></sst>`;
  add(
    'a billion laughs',
    'laughs.xlsx',
    workbook({ [STRINGS]: { content: laughs } }),
    refused('xml_damaged'),
  );
  add(
    'an external entity',
    'xxe.xlsx',
    workbook({
      [STRINGS]: {
        content:
          '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>',
      },
    }),
    refused('xml_damaged'),
  );
  add(
    'malformed XML',
    'broken.xlsx',
    workbook({ [SHEET]: { content: '<worksheet><sheetData><row><c><v>1</row>' } }),
    refused('xml_damaged'),
  );
  add(
    'the sheet in UTF-16',
    'utf16.xlsx',
    workbook({ [SHEET]: { content: Buffer.from(sheetXml(numberedRows(3)), 'utf16le') } }),
    refused('xml_damaged'),
  );
  add(
    'a 300 KB attribute',
    'attr.xlsx',
    workbook({ [SHEET]: { content: sheetXml(`<row r="1" x="${'A'.repeat(300_000)}"/>`) } }),
    refused('xml_text_kb'),
  );
  add(
    'a 300 KB tag name',
    'tag.xlsx',
    workbook({ [SHEET]: { content: sheetXml(`<${'a'.repeat(300_000)}/>`) } }),
    refused('xml_text_kb'),
  );

  // ---- CSV and binary ---------------------------------------------------------------------
  add('10⁶ columns', 'wide.csv', Buffer.from(','.repeat(1_000_000)), refused('columns'));
  add('a 50 MB line', 'line.csv', Buffer.alloc(50 * MB, 0x41), field('file_too_large'));
  add('a 4 MB line', 'line.csv', Buffer.alloc(4 * MB, 0x41), refused('csv_line_chars'));
  add('10⁶ rows', 'rows.csv', Buffer.from('a\n'.repeat(1_000_000)), refused('rows'));
  add(
    'a quoted field of 40,000 characters',
    'field.csv',
    Buffer.from(`姓名,备注\r\n张三,"${'备'.repeat(40_000)}"\r\n`),
    refused('cell_chars'),
  );
  add(
    'a quote never closed over 4 MB',
    'quote.csv',
    Buffer.from(`姓名\r\n"${'x\r\n'.repeat(1_300_000)}`),
    field('csv_quote'),
  );
  add(
    'GBK junk on one line',
    'junk.csv',
    randomBytes(random, MB, 0x81, 0xfe),
    refused('csv_line_chars'),
  );
  const junkLines = randomBytes(random, MB, 0x81, 0xfe);
  for (let i = 98; i < junkLines.length; i += 100) junkLines.writeUInt16BE(0x0d0a, i);
  add('GBK junk in lines', 'junk.csv', junkLines, refused('rows'));
  add(
    'UTF-16LE junk',
    'junk.csv',
    Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(random, MB)]),
    refused('not_text'),
  );
  add(
    'UTF-16BE junk',
    'junk.csv',
    Buffer.concat([Buffer.from([0xfe, 0xff]), randomBytes(random, MB)]),
    refused('not_text'),
  );
  add('random bytes', 'random.csv', randomBytes(random, MB), refused('not_text'));
  add(
    'a header and 1 MB of NULs',
    'nul.csv',
    Buffer.concat([Buffer.from('姓名,身份证号\r\n'), Buffer.alloc(MB)]),
    refused('not_text'),
  );
  const binary = (magic: number[] | string) =>
    Buffer.concat([Buffer.from(magic as string), randomBytes(random, 64 * 1024)]);
  add(
    'a PNG renamed .xlsx',
    'photo.xlsx',
    binary([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    refused('not_text'),
  );
  add(
    'a PDF renamed .xlsx',
    'scan.xlsx',
    binary('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
    refused('not_text'),
  );
  add(
    'a program renamed .csv',
    'list.csv',
    binary([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    refused('not_text'),
  );
  add(
    'a gzip renamed .xlsx',
    'list.xlsx',
    gzipSync(Buffer.from('姓名,身份证号\r\n'.repeat(1000))),
    refused('not_text'),
  );
  add(
    'an old .xls',
    'list.xlsx',
    binary([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    field('file_xls'),
  );
  add('PK and junk', 'list.xlsx', Buffer.from('504b0304deadbeef', 'hex'), refused('zip_damaged'));
  add('one byte over 5 MB', 'big.csv', Buffer.alloc(5 * MB + 1, 0x41), field('file_too_large'));
  return files;
}
