import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { plainSheetXlsx } from './plainSheet';

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.getWorksheet('记录')!;
}

describe('plain one-sheet XLSX', () => {
  it('reads back in Excel form: typed numbers, text as written, a bold frozen header, widths', async () => {
    const header = Array.from({ length: 28 }, (_, i) => `列${i + 1}`);
    const wide = Array.from({ length: 28 }, (_, i) => i * 1.5);
    const bytes = plainSheetXlsx({
      sheetName: '记录',
      header,
      rows: [[1, '张三 & <李四> "引号"', ' 前后空格 ', '', 'bell\u0007gone', -2.5], wide],
      widths: [8, 30],
      creator: 'Isolation Site Desk',
    });
    const sheet = await readBack(bytes);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(header);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    // An empty text is an empty cell.
    expect(values(2)).toEqual([
      1,
      '张三 & <李四> "引号"',
      ' 前后空格 ',
      undefined,
      'bellgone',
      -2.5,
    ]);
    expect(values(3)).toEqual(wide);
    expect(sheet.getRow(3).getCell(28).address).toBe('AB3');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
  });

  it('writes the same bytes for the same rows', () => {
    const make = () =>
      plainSheetXlsx({ sheetName: 'a', header: ['x'], rows: [[1]], widths: [], creator: 'c' });
    expect(make().equals(make())).toBe(true);
  });
});
