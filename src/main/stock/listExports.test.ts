import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/accounts';
import type { StockItem } from '../../shared/stock';
import { buildSite, makeDesk, type Desk } from '../testing/peopleTesting';

/** TEST_NOW is 29 November 2026, 16:00 at the site. */
const AT = '2026-11-29T09:00:00+08:00';

async function sheetOf(file: ExportedFile): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const values = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe('donation, expiry and stock-card exports, read back', () => {
  let desk: Desk;
  let siteId: number;
  let masks: StockItem;

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    masks = await desk.call('stock.createItem', {
      name: '医用外科口罩',
      category: 'ppe',
      baseUnit: '只',
      tracksLots: true,
    });
    await desk.call('stock.receive', {
      siteId,
      occurredAt: AT,
      source: 'donation',
      party: { kind: 'company', name: '=南通某公司', contact: '王经理' },
      lines: [
        { itemId: masks.id, quantity: 100, unit: '只', lotCode: 'OLD', expiry: '2026-11-20' },
        { itemId: masks.id, quantity: 300, unit: '只', lotCode: 'SOON', expiry: '2026-12-09' },
        { itemId: masks.id, quantity: 500, unit: '只', lotCode: 'LATE', expiry: '2027-12-31' },
      ],
    });
    await desk.call('stock.issue', {
      siteId,
      occurredAt: '2026-11-29T10:30:00+08:00',
      destinationKind: 'community',
      destination: '濠西社区',
      lines: [{ itemId: masks.id, quantity: 50, unit: '只' }],
    });
  });
  afterEach(() => desk.t.close());

  it('the donation register: typed cells at site time, a spreadsheet-safe donor, a total per base unit; CSV with BOM', async () => {
    const period = { siteId, from: '2026-11-01', to: '2026-11-29' };
    const file = await desk.call('stock.donationsExport', { ...period, format: 'xlsx' });
    expect(file.filename).toBe('捐赠登记_2026-11-01_2026-11-29.xlsx');
    const sheet = await sheetOf(file);
    expect(sheet.name).toBe('捐赠登记');
    expect(values(sheet, 1)[1]).toBe('捐赠方');
    const first = values(sheet, 2);
    expect(first[0]).toEqual(new Date('2026-11-29T09:00:00Z')); // 09:00 at the site reads 09:00
    expect(first.slice(1, 2)).toEqual(["'=南通某公司"]);
    expect(first[7]).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(first[8]).toBe(100);
    expect(values(sheet, 5).slice(0, 1)).toEqual(['合计（只）']);
    expect(values(sheet, 5).slice(8, 10)).toEqual([900, '只']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const csv = Buffer.from(
      (await desk.call('stock.donationsExport', { ...period, format: 'csv' })).base64,
      'base64',
    ).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(
      "2026-11-29 09:00,'=南通某公司,王经理,1,医用外科口罩,,OLD,2026-11-20,100,只,",
    );
  });

  it('the expiry report lists expired and expiring lots soonest first with days left, not the late lot', async () => {
    const file = await desk.call('stock.expiryExport', { siteId, format: 'xlsx' });
    expect(file.filename).toBe('效期报表_2026-11-29.xlsx');
    const sheet = await sheetOf(file);
    expect(sheet.rowCount).toBe(3);
    expect(values(sheet, 2)).toEqual([
      '医用外科口罩',
      undefined, // no specification: an empty cell
      'OLD',
      new Date('2026-11-20T00:00:00Z'),
      -9,
      100,
      '只',
      '已过期',
    ]);
    expect(values(sheet, 3).slice(2, 8)).toEqual([
      'SOON',
      new Date('2026-12-09T00:00:00Z'),
      10,
      250, // the issue took 50 from the first unexpired lot
      '只',
      '临近效期',
    ]);
  });

  it('the stock card: the opening balance, then each movement with in, out and the running balance', async () => {
    const file = await desk.call('stock.cardExport', {
      siteId,
      itemId: masks.id,
      from: '2026-11-29T00:00:00+08:00',
      to: '2026-11-30T00:00:00+08:00',
      format: 'csv',
    });
    expect(file.filename).toBe('物资卡_医用外科口罩_2026-11-29.csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).trimEnd().split('\r\n')).toEqual([
      '时间,单号,摘要,批号,收入,发出,结存',
      '2026-11-29 00:00,,期初结存,,,,0',
      '2026-11-29 09:00,1,捐赠,OLD,100,,100',
      '2026-11-29 09:00,1,捐赠,SOON,300,,400',
      '2026-11-29 09:00,1,捐赠,LATE,500,,900',
      '2026-11-29 10:30,2,街道/社区,SOON,,50,850',
    ]);
  });
});
