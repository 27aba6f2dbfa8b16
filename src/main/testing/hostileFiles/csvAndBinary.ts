import { gzipSync } from 'node:zlib';
import { field, MB, randomBytes, refused, type AddFile } from './parts';

/** Hostile CSV, and binary files renamed to look like a sheet or a list. */
export function addCsvAndBinary(add: AddFile, random: () => number): void {
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
}
