import { type ZipPart } from './zip';
import {
  deflated,
  deflatedRepeat,
  MB,
  refused,
  rowsBomb,
  SHEET,
  STRINGS,
  workbook,
  type AddFile,
} from './parts';

/** Zip bombs of several shapes: rows, strings, zeros, shared strings. */
export async function addZipBombs(add: AddFile): Promise<void> {
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
}
