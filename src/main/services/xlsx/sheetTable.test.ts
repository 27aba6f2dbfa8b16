import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dayCell, sheetCsv, sheetXlsx, siteClock } from './sheetTable';

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.getWorksheet('记录')!;
}

describe('one-sheet exports (Excel and CSV)', () => {
  const table = {
    sheet: '记录',
    header: ['时间', '名称', '数量', '日期'],
    rows: [
      [siteClock('2026-11-29T01:00:00Z'), '张三 & <李四> "引号"', 2.5, dayCell('2026-12-01')],
      [siteClock('2026-11-29T02:30:00Z'), '=cmd|bell\u0007', -1, null],
    ],
    totals: { label: '合计', columns: [2] },
    widths: [17, 30],
    dates: { 0: 'minute', 3: 'day' } as const,
  };

  it('reads back in Excel form: typed cells at site time, text as written, bold frozen header, totals', async () => {
    const sheet = await readBack(await sheetXlsx(table));
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(table.header);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(values(2)).toEqual([
      new Date('2026-11-29T09:00:00Z'),
      '张三 & <李四> "引号"',
      2.5,
      new Date('2026-12-01T00:00:00Z'),
    ]);
    // A formula-looking text is defused and control characters XML cannot hold are dropped.
    expect(values(3).slice(1, 3)).toEqual(["'=cmd|bell", -1]);
    expect(sheet.getRow(4).getCell(3).value).toMatchObject({ formula: 'SUM(C2:C3)', result: 1.5 });
    expect(sheet.getColumn(1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('CSV: BOM, quoted fields, dates as the site reads them', () => {
    expect(sheetCsv(table)).toBe(
      '\uFEFF时间,名称,数量,日期\r\n' +
        '2026-11-29 09:00,"张三 & <李四> ""引号""",2.5,2026-12-01\r\n' +
        "2026-11-29 10:30,'=cmd|bell\u0007,-1,\r\n",
    );
  });
});
