import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../testing/tempDb';
import { createItem } from './catalogue';
import { adjust, issue } from './movements';
import { receive } from './receive';
import { onHand } from './onHand';
import { stockReport } from './report';
import { stockReportCsv, stockReportXlsx } from './reportExport';
import { createSite } from '../registry/sites';

describe('period stock report', () => {
  it('per item: opening, received by source, issued by destination, adjusted, reversed, closing', () => {
    const t = makeTestContext();
    try {
      const { ctx } = t;
      const site = createSite(ctx, { name: '隔离点', address: '' }).id;
      const water = createItem(ctx, {
        name: '饮用水',
        category: 'food_water',
        spec: '550ml',
        baseUnit: '瓶',
        lowThreshold: 0,
        tracksLots: false,
        units: [{ unit: '箱', factor: 24 }],
        aliases: [],
      });
      const day = (d: string, time = '10:00') => `${d}T${time}:00+08:00`;
      const clockAt = (d: string) => {
        ctx.now = () => new Date(day(d, '20:00'));
      };
      const inTx = <T>(fn: () => T): T => ctx.db.transaction(fn)();
      clockAt('2026-11-20');
      inTx(() =>
        receive(ctx, {
          siteId: site,
          occurredAt: day('2026-11-20'),
          source: 'purchase',
          party: { kind: 'supplier', name: '超市', contact: '', phone: '' },
          reason: '',
          lines: [{ itemId: water.id, quantity: 10, unit: '箱' }],
        }),
      );
      clockAt('2026-11-25');
      const gift = inTx(() =>
        receive(ctx, {
          siteId: site,
          occurredAt: day('2026-11-25'),
          source: 'donation',
          party: { kind: 'individual', name: '市民张先生', contact: '', phone: '' },
          reason: '',
          lines: [{ itemId: water.id, quantity: 5, unit: '箱' }],
        }),
      );
      inTx(() =>
        issue(ctx, {
          siteId: site,
          occurredAt: day('2026-11-26'),
          destinationKind: 'floor',
          destination: '3F',
          reason: '',
          lines: [{ itemId: water.id, quantity: 40, unit: '瓶' }],
        }),
      );
      inTx(() =>
        issue(ctx, {
          siteId: site,
          occurredAt: day('2026-11-27'),
          destinationKind: 'post',
          destination: '门岗',
          reason: '',
          lines: [{ itemId: water.id, quantity: 12, unit: '瓶' }],
        }),
      );
      clockAt('2026-11-28');
      inTx(() =>
        adjust(ctx, {
          siteId: site,
          occurredAt: day('2026-11-28'),
          reason: '破损',
          lines: [{ itemId: water.id, quantity: -3 }],
        }),
      );
      clockAt('2026-11-29');
      inTx(() =>
        issue(ctx, {
          siteId: site,
          occurredAt: day('2026-11-29'),
          destinationKind: 'floor',
          destination: '4F',
          reason: '',
          lines: [{ itemId: water.id, quantity: 24, unit: '瓶' }],
        }),
      );
      const report = stockReport(ctx, { siteId: site, from: '2026-11-25', to: '2026-11-28' });
      expect(report.rows).toHaveLength(1);
      expect(report.rows[0]).toMatchObject({
        opening: 240,
        received: { donation: 120, purchase: 0, allocation: 0, transfer: 0 },
        issued: { floor: 40, post: 12, community: 0 },
        adjusted: -3,
        reversed: 0,
        closing: 305,
      });
      // Exports carry the same numbers: Excel typed, with a totals row; CSV with a BOM.
      const csv = stockReportCsv(report, 'zh-CN');
      expect(csv.startsWith('\uFEFF物资,规格,类别,单位,期初,入库（捐赠）')).toBe(true);
      expect(csv.split('\r\n')[1]).toBe(
        '饮用水,550ml,食品饮用水,瓶,240,120,0,0,0,40,0,12,0,0,0,-3,0,305',
      );
      // Today's stock is the last closing minus what moved after it.
      expect(onHand(ctx, { siteId: site })[0]!.onHand).toBe(305 - 24);
      expect(gift.lines[0]!.quantity).toBe(120);
      return stockReportXlsx(report, 'zh-CN').then(async (bytes) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('物资报表')!;
        expect(sheet.getRow(2).getCell(5).value).toBe(240);
        expect(sheet.getRow(2).getCell(18).value).toBe(305);
        expect(sheet.getRow(3).getCell(1).value).toBe('合计（瓶）');
        expect(sheet.getRow(3).getCell(18).value).toBe(305);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      });
    } finally {
      t.close();
    }
  });
});

describe('period stock report of one site', () => {
  it("counts only this site's store: another site's receipts move neither its opening nor its period", () => {
    const t = makeTestContext();
    try {
      const { ctx } = t;
      const here = createSite(ctx, { name: '一号隔离点', address: '' }).id;
      const there = createSite(ctx, { name: '二号隔离点', address: '' }).id;
      const masks = createItem(ctx, {
        name: '口罩',
        category: 'ppe',
        spec: 'N95',
        baseUnit: '只',
        lowThreshold: 0,
        tracksLots: false,
        units: [],
        aliases: [],
      });
      const receiveAt = (siteId: number, occurredAt: string, quantity: number) =>
        ctx.db.transaction(() =>
          receive(ctx, {
            siteId,
            occurredAt,
            source: 'purchase',
            party: { kind: 'supplier', name: '药店', contact: '', phone: '' },
            reason: '',
            lines: [{ itemId: masks.id, quantity, unit: '只' }],
          }),
        )();
      receiveAt(here, '2026-11-20T10:00:00+08:00', 100);
      receiveAt(there, '2026-11-20T10:00:00+08:00', 7);
      receiveAt(there, '2026-11-26T10:00:00+08:00', 50);
      receiveAt(here, '2026-11-27T10:00:00+08:00', 30);
      const report = stockReport(ctx, { siteId: here, from: '2026-11-25', to: '2026-11-28' });
      expect(report.rows[0]).toMatchObject({
        opening: 100,
        received: { purchase: 30 },
        closing: 130,
      });
      const other = stockReport(ctx, { siteId: there, from: '2026-11-25', to: '2026-11-28' });
      expect(other.rows[0]).toMatchObject({ opening: 7, received: { purchase: 50 }, closing: 57 });
    } finally {
      t.close();
    }
  });
});

describe('the period report’s grand total', () => {
  it('sums per base unit and never adds 只, 件 and 瓶 together, on screen data, Excel and CSV', async () => {
    const t = makeTestContext();
    try {
      const { ctx } = t;
      const site = createSite(ctx, { name: '隔离点', address: '' }).id;
      const item = (name: string, baseUnit: string) =>
        createItem(ctx, {
          name,
          category: 'ppe',
          spec: '',
          baseUnit,
          lowThreshold: 0,
          tracksLots: false,
          units: [],
          aliases: [],
        });
      const given = [
        { item: item('医用防护口罩', '只'), quantity: 1360 },
        { item: item('一次性医用口罩', '只'), quantity: 2000 },
        { item: item('医用防护服', '件'), quantity: 250 },
        { item: item('医用酒精', '瓶'), quantity: 12 },
      ];
      ctx.db.transaction(() =>
        receive(ctx, {
          siteId: site,
          occurredAt: '2026-11-25T10:00:00+08:00',
          source: 'donation',
          party: { kind: 'company', name: '南通市纺针品有限公司', contact: '', phone: '' },
          reason: '',
          lines: given.map((g) => ({
            itemId: g.item.id,
            quantity: g.quantity,
            unit: g.item.baseUnit,
          })),
        }),
      )();
      const report = stockReport(ctx, { siteId: site, from: '2026-11-23', to: '2026-11-29' });
      const expected = new Map<string, number>();
      for (const g of given)
        expected.set(g.item.baseUnit, (expected.get(g.item.baseUnit) ?? 0) + g.quantity);
      const byUnit = <T extends unknown[]>(rows: T[]) =>
        rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(
        byUnit(report.totals.map((r) => [r.baseUnit, r.received.donation, r.closing])),
      ).toEqual(byUnit([...expected].map(([unit, q]) => [unit, q, q])));
      const csvTotals = stockReportCsv(report, 'zh-CN')
        .trim()
        .split('\r\n')
        .filter((l) => l.startsWith('合计'));
      expect(byUnit(csvTotals.map((l) => [l.split(',')[0], l.split(',').at(-1)]))).toEqual(
        byUnit([...expected].map(([unit, q]) => [`合计（${unit}）`, String(q)])),
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await stockReportXlsx(report, 'zh-CN')) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('物资报表')!;
      const totalRows = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1))
        .filter((row) => String(row.getCell(1).value).startsWith('合计'))
        .map((row) => [row.getCell(4).value, row.getCell(18).value]);
      expect(byUnit(totalRows)).toEqual(byUnit([...expected]));
    } finally {
      t.close();
    }
  });
});
