import { sheetXml, workbookParts, zip } from './zip';
import {
  deflated,
  nthSignature,
  numberedRows,
  randomBytes,
  refused,
  SHEET,
  workbook,
  type AddFile,
} from './parts';

/** Damaged and disguised zips: cut, mis-pointed, mis-declared, not a workbook. */
export function addZipStructure(add: AddFile, random: () => number): void {
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
}
