import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { domainErrorOf } from '../../testing/tempDb';
import { sharedStringsXml, sheetXml, workbookParts, zip } from '../../testing/hostileFiles/zip';
import { goodWorkbook } from '../../testing/hostileFiles/goodList';
import { DomainError } from '../errors';
import { readSheet } from './readSheet';

const read = (fileName: string, bytes: Buffer | string) =>
  readSheet({ fileName, base64: Buffer.from(bytes).toString('base64') });
const refusal = (fileName: string, bytes: Buffer | string) => {
  const error = domainErrorOf(() => read(fileName, bytes));
  return { code: error.code, params: error.params };
};

const SHEET = 'xl/worksheets/sheet1.xml';
const STYLES = `<styleSheet><numFmts><numFmt numFmtId="180" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="181" formatCode="0.00&quot;元&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="180"/><xf numFmtId="181"/></cellXfs></styleSheet>`;

describe('reading a workbook', () => {
  it('reads every kind of cell as the text a user sees', () => {
    const strings = `<sst><si><t>姓名</t></si><si><r><t>陈</t></r><r><rPr><b/></rPr><t>静</t></r><rPh><t>チン</t></rPh></si></sst>`;
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>备注</t></is></c></row>',
      '<row r="2"/>',
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>32240</v></c><c r="C3" s="2"><v>46000</v></c><c r="D3" s="3"><v>12.5</v></c></row>',
      '<row r="4"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><v>320602198805091234</v></c><c t="str"><f>A1</f><v>公式</v></c></row>',
    ].join('');
    const bytes = zip(
      workbookParts({
        [SHEET]: { content: sheetXml(rows) },
        'xl/sharedStrings.xml': { content: strings },
        'xl/styles.xml': { content: STYLES },
      }),
    );
    expect(read('list.xlsx', bytes)).toEqual([
      { row: 1, cells: ['姓名', '', '备注'] },
      { row: 3, cells: ['陈静', '1988-04-07', '2025-12-09', '12.5'] },
      { row: 4, cells: ['TRUE', '', '3.2060219880509126e+17', '公式'] },
    ]);
  });

  it('takes the first sheet in the workbook’s order, through its relationships, prefixes and all', () => {
    const bytes = zip(
      workbookParts(
        {
          'xl/workbook.xml': {
            content:
              '<x:workbook xmlns:x="m" xmlns:r="r"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="名单" r:id="rId9"/><x:sheet name="说明" r:id="rId1"/></x:sheets></x:workbook>',
          },
          'xl/_rels/workbook.xml.rels': {
            content:
              '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="t/worksheet" Target="/xl/worksheets/list.xml"/><Relationship Id="rId3" Type="t/styles" Target="styles.xml"/></Relationships>',
          },
          'xl/styles.xml': { content: STYLES },
        },
        [
          {
            name: 'xl/worksheets/list.xml',
            content:
              '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>周建国</x:t></x:is></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>',
          },
        ],
      ),
    );
    // No shared strings; day 0 of the 1904 system.
    expect(read('list.xlsx', bytes)).toEqual([{ row: 1, cells: ['周建国', '1904-01-01'] }]);
  });

  it('refuses a row past the row limit, a cell past the column limit and a too-long cell', () => {
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>${i}</t></is></c></row>`,
      ).join('');
    const book = (xml: string) => zip(workbookParts({ [SHEET]: { content: sheetXml(xml) } }));
    expect(read('list.xlsx', book(rows(FILE_LIMITS.rows)))).toHaveLength(FILE_LIMITS.rows);
    expect(refusal('list.xlsx', book(rows(FILE_LIMITS.rows + 1)))).toEqual({
      code: 'FILE_REFUSED',
      params: { reason: 'rows', limit: FILE_LIMITS.rows },
    });
    expect(refusal('list.xlsx', book('<row><c r="ALM1"><v>1</v></c></row>'))).toEqual({
      code: 'FILE_REFUSED',
      params: { reason: 'columns', limit: FILE_LIMITS.columns },
    });
    // Empty styled cells far out are no content.
    expect(read('list.xlsx', book('<row><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row>'))).toEqual(
      [{ row: 1, cells: ['1'] }],
    );
    const long = (n: number) => sharedStringsXml(['长'.repeat(n)]);
    const withString = (n: number) =>
      zip(workbookParts({ 'xl/sharedStrings.xml': { content: long(n) } }));
    expect(read('list.xlsx', withString(FILE_LIMITS.cell_chars))[0]!.cells[0]).toHaveLength(
      FILE_LIMITS.cell_chars,
    );
    expect(refusal('list.xlsx', withString(FILE_LIMITS.cell_chars + 1)).params).toEqual({
      reason: 'cell_chars',
      limit: FILE_LIMITS.cell_chars,
    });
  });
});

/** Reads the file; a refusal must be a file refusal, never another failure. */
function readOrRefuse(bytes: Buffer): void {
  try {
    read('list.xlsx', bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(['FILE_REFUSED', 'INVALID_INPUT']).toContain((error as DomainError).code);
  }
}

describe('a damaged workbook', () => {
  it('is read or refused as a file, never failing otherwise, whatever bytes are changed', async () => {
    const good = await goodWorkbook();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          const bytes = Buffer.from(good);
          for (const [at, value] of changes) bytes[at] = value;
          readOrRefuse(bytes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is read or refused as a file whatever is done to its sheet XML', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>32240</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>陈静</t></is></c></row>',
    );
    const pieces = [
      '<',
      '>',
      '/',
      '"',
      '&',
      '&amp;',
      '<row>',
      '<c r="ZZZZ9">',
      '</c>',
      ' t="s"',
      '<!DOCTYPE x>',
      '\u0000',
      '<v>9e999</v>',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(xml.length), fc.constantFrom(...pieces)), {
          minLength: 1,
          maxLength: 5,
        }),
        (edits) => {
          let changed = xml;
          for (const [at, piece] of edits)
            changed = changed.slice(0, at) + piece + changed.slice(at);
          readOrRefuse(zip(workbookParts({ [SHEET]: { content: changed } })));
        },
      ),
      { numRuns: 500 },
    );
  });
});
