import { sharedStringsXml, sheetXml } from './zip';
import {
  MB,
  numberedRows,
  randomLetters,
  refused,
  SHEET,
  STRINGS,
  workbook,
  type AddFile,
} from './parts';

/** Hostile XML inside a well-formed workbook. */
export function addHostileXml(add: AddFile, random: () => number): void {
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
}
