import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StockItem } from '../../shared/stock';
import { errorOf } from '../testing/authTesting';
import { buildSite, makeDesk, rows, snapshot, type Desk } from '../testing/peopleTesting';
import { makeTestContext } from '../testing/tempDb';
import { createItem } from './catalogue';
import { adjust, issue, planIssue } from './movements';
import { receive } from './receive';
import { reverse } from './reverse';
import { onHand } from './onHand';
import { stockReport } from './report';
import { stockReportCsv, stockReportXlsx } from './reportExport';
import { createSite } from '../registry/sites';

/** TEST_NOW is 29 November 2026 (site day). */
const AT = '2026-11-29T09:00:00+08:00';

describe('stock ledger (through the router)', () => {
  let desk: Desk;
  let siteId: number;
  let masks: StockItem;
  let alcohol: StockItem;

  const donate = (
    lines: { itemId: number; quantity: number; unit: string; lotCode?: string; expiry?: string }[],
  ) =>
    desk.call('stock.receive', {
      siteId,
      occurredAt: AT,
      source: 'donation',
      party: {
        kind: 'company',
        name: '南通某医疗器械公司',
        contact: '王经理',
        phone: '0513-12345678',
      },
      lines,
    });
  const issueTo = (itemId: number, quantity: number, unit: string) =>
    desk.invoke('stock.issue', {
      siteId,
      occurredAt: AT,
      destinationKind: 'community',
      destination: '濠西社区',
      lines: [{ itemId, quantity, unit }],
    });
  const onHandOf = async (itemId: number) =>
    (await desk.call('stock.onHand', { siteId })).find((r) => r.itemId === itemId)!;

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    masks = await desk.call('stock.createItem', {
      name: '医用外科口罩',
      category: 'ppe',
      spec: '一次性',
      baseUnit: '只',
      lowThreshold: 500,
      tracksLots: true,
      units: [{ unit: '箱', factor: 50 }],
      aliases: ['口罩'],
    });
    alcohol = await desk.call('stock.createItem', {
      name: '医用酒精',
      category: 'disinfection',
      spec: '75%',
      baseUnit: '公斤',
      lowThreshold: 0,
    });
  });
  afterEach(() => desk.t.close());

  it('receives a donation in packs as base units, by lot, and knows its donor', async () => {
    const doc = await donate([
      { itemId: masks.id, quantity: 40, unit: '箱', lotCode: 'A1', expiry: '2027-06-30' },
      { itemId: masks.id, quantity: 300, unit: '只', lotCode: 'B2', expiry: '2026-12-20' },
      { itemId: alcohol.id, quantity: 500, unit: '公斤' },
    ]);
    expect(doc).toMatchObject({ kind: 'receipt', source: 'donation', party: '南通某医疗器械公司' });
    expect(doc.lines.map((l) => [l.itemName, l.lotCode, l.quantity])).toEqual([
      ['医用外科口罩', 'A1', 2000],
      ['医用外科口罩', 'B2', 300],
      ['医用酒精', null, 500],
    ]);
    const row = await onHandOf(masks.id);
    expect(row).toMatchObject({ onHand: 2300, low: false, daysOfSupply: null });
    // Expiring within 30 days (setting) is flagged.
    expect(row.lots.map((l) => [l.code, l.quantity, l.expiringSoon, l.expired])).toEqual([
      ['B2', 300, true, false],
      ['A1', 2000, false, false],
    ]);
    // An administrator who shortens the window to 10 days no longer sees B2 (21 December) flagged.
    await desk.call('settings.updateStock', { stockExpiryDays: 10 });
    expect((await onHandOf(masks.id)).lots[0]).toMatchObject({ code: 'B2', expiringSoon: false });
  });

  it('refuses a lot-tracked line without a lot, an unknown unit, a donation without donor; nothing half-written', async () => {
    const before = snapshot(desk.t.ctx.db);
    const noLot = errorOf(
      await desk.invoke('stock.receive', {
        siteId,
        occurredAt: AT,
        source: 'allocation',
        lines: [
          { itemId: alcohol.id, quantity: 10, unit: '公斤' },
          { itemId: masks.id, quantity: 10, unit: '只' },
        ],
      }),
    );
    expect(noLot).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'lines.1.lotCode': 'lot_required' },
    });
    const badUnit = errorOf(
      await desk.invoke('stock.receive', {
        siteId,
        occurredAt: AT,
        source: 'allocation',
        lines: [{ itemId: alcohol.id, quantity: 10, unit: '瓶' }],
      }),
    );
    expect(badUnit).toMatchObject({ fields: { 'lines.0.unit': 'unknown_unit' } });
    const noDonor = errorOf(
      await desk.invoke('stock.receive', {
        siteId,
        occurredAt: AT,
        source: 'donation',
        lines: [{ itemId: alcohol.id, quantity: 10, unit: '公斤' }],
      }),
    );
    expect(noDonor).toMatchObject({ fields: { party: 'required' } });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
  });

  it('issues first-expiry-first-out, never an expired lot, and refuses more than can be issued', async () => {
    await donate([
      { itemId: masks.id, quantity: 100, unit: '只', lotCode: 'OLD', expiry: '2026-11-28' },
      { itemId: masks.id, quantity: 200, unit: '只', lotCode: 'LATE', expiry: '2027-03-01' },
      { itemId: masks.id, quantity: 150, unit: '只', lotCode: 'SOON', expiry: '2026-12-05' },
    ]);
    const plan = await desk.call('stock.planIssue', { siteId, itemId: masks.id, quantity: 250 });
    expect(plan).toMatchObject({ available: 350 });
    expect(plan.picks.map((p) => [p.code, p.quantity])).toEqual([
      ['SOON', 150],
      ['LATE', 100],
    ]);
    const done = await issueTo(masks.id, 5, '箱');
    expect(done.ok && done.value.lines.map((l) => [l.lotCode, l.quantity])).toEqual([
      ['SOON', -150],
      ['LATE', -100],
    ]);
    const before = snapshot(desk.t.ctx.db);
    const refused = errorOf(await issueTo(masks.id, 101, '只'));
    expect(refused).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      params: { available: 100, unit: '只' },
      fields: { 'lines.0.quantity': 'insufficient' },
    });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
    // The expired lot is still on hand (and flagged), but it was never issued.
    const row = await onHandOf(masks.id);
    expect(row.lots.find((l) => l.code === 'OLD')).toMatchObject({ quantity: 100, expired: true });
    expect(row).toMatchObject({ onHand: 200, low: true });
  });

  it('corrects by reversal only: the ledger refuses edits and deletes, and a receipt already issued cannot be undone', async () => {
    const receipt = await donate([{ itemId: alcohol.id, quantity: 50, unit: '公斤' }]);
    const reversal = await desk.call('stock.reverse', {
      documentId: receipt.id,
      reason: '录错数量',
    });
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: receipt.id });
    expect((await onHandOf(alcohol.id)).onHand).toBe(0);
    expect(
      errorOf(await desk.invoke('stock.reverse', { documentId: receipt.id, reason: 'x' })),
    ).toMatchObject({
      fields: { documentId: 'reversed' },
    });
    const again = await donate([{ itemId: alcohol.id, quantity: 50, unit: '公斤' }]);
    expect((await issueTo(alcohol.id, 30, '公斤')).ok).toBe(true);
    expect(
      errorOf(await desk.invoke('stock.reverse', { documentId: again.id, reason: 'x' })).code,
    ).toBe('INSUFFICIENT_STOCK');
    expect(() => desk.t.ctx.db.prepare('UPDATE stock_movements SET quantity = 1').run()).toThrow(
      /never edited/,
    );
    expect(() => desk.t.ctx.db.prepare('DELETE FROM stock_movements').run()).toThrow(
      /never deleted/,
    );
  });

  it('keeps a donation register with totals by donor and item, and traces where a donated lot went', async () => {
    const first = await donate([
      { itemId: masks.id, quantity: 10, unit: '箱', lotCode: 'D1', expiry: '2027-01-31' },
      { itemId: alcohol.id, quantity: 100, unit: '公斤' },
    ]);
    await desk.call('stock.receive', {
      siteId,
      occurredAt: AT,
      source: 'donation',
      party: { kind: 'individual', name: '市民李女士', contact: '', phone: '' },
      lines: [{ itemId: masks.id, quantity: 200, unit: '只', lotCode: 'D2', expiry: '2027-05-31' }],
    });
    await issueTo(masks.id, 120, '只');
    const register = await desk.call('stock.donations', {
      siteId,
      from: '2026-11-29',
      to: '2026-11-29',
    });
    expect(register.entries.map((e) => [e.donor, e.lines.length])).toEqual([
      ['南通某医疗器械公司', 2],
      ['市民李女士', 1],
    ]);
    expect(register.byItem).toEqual([
      { itemName: '医用外科口罩 一次性', baseUnit: '只', quantity: 700, donors: 2 },
      { itemName: '医用酒精 75%', baseUnit: '公斤', quantity: 100, donors: 1 },
    ]);
    const trace = await desk.call('stock.traceDonation', { documentId: first.id });
    expect(
      trace.lots.map((l) => [
        l.itemName,
        l.lotCode,
        l.received,
        l.issues.map((i) => [i.destination, i.quantity]),
        l.onHand,
      ]),
    ).toEqual([
      ['医用外科口罩 一次性', 'D1', 500, [['濠西社区', 120]], 380],
      ['医用酒精 75%', null, 100, [], null],
    ]);
  });

  it('a stocktake posts each difference from the books as one adjustment, and nothing when all agree', async () => {
    await donate([
      { itemId: masks.id, quantity: 100, unit: '只', lotCode: 'K1', expiry: '2027-01-01' },
      { itemId: alcohol.id, quantity: 40, unit: '公斤' },
    ]);
    const k1 = (await onHandOf(masks.id)).lots[0]!.lotId;
    const counted = await desk.call('stock.stocktake', {
      siteId,
      occurredAt: AT,
      reason: '月末盘点',
      counts: [
        { itemId: masks.id, lotId: k1, counted: 97 },
        { itemId: alcohol.id, counted: 40 },
      ],
    });
    expect(counted.variances).toBe(1);
    expect(counted.document!.lines.map((l) => [l.itemName, l.lotCode, l.quantity])).toEqual([
      ['医用外科口罩', 'K1', -3],
    ]);
    expect((await onHandOf(masks.id)).onHand).toBe(97);
    const again = await desk.call('stock.stocktake', {
      siteId,
      occurredAt: AT,
      reason: '复盘',
      counts: [{ itemId: masks.id, lotId: k1, counted: 97 }],
    });
    expect(again).toEqual({ variances: 0, document: null });
  });

  it('imports a donation list: names matched by name or alias, an unknown one mapped by hand and remembered', async () => {
    const csv = [
      '捐赠物资清单（南通某公司）',
      '物资名称,规格,数量,单位,批号,有效期',
      '医用外科口罩,一次性,10,箱,M1,2027-03-31',
      '口罩,,2000余只,,M2,2027/4/30',
      '消毒酒精,,500,公斤,,',
      '医用酒精,,abc,公斤,,',
    ].join('\r\n');
    const preview = await desk.call('stock.importPreview', {
      fileName: '清单.csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
    });
    expect(
      preview.rows.map((r) => [r.row, r.name, r.quantity, r.unit, r.itemId, r.problems]),
    ).toEqual([
      [3, '医用外科口罩', 10, '箱', masks.id, []],
      [4, '口罩', 2000, '只', masks.id, []],
      [5, '消毒酒精', 500, '公斤', null, ['unknown_item']],
      [6, '医用酒精', null, '公斤', alcohol.id, ['quantity_value']],
    ]);
    expect(preview.rows[1]!.expiry).toBe('2027-04-30');
    // The coordinator maps 消毒酒精 to 医用酒精 and leaves out the bad row.
    const doc = await desk.call('stock.importReceipt', {
      siteId,
      occurredAt: AT,
      source: 'donation',
      party: { kind: 'company', name: '南通某公司', contact: '', phone: '' },
      lines: [
        {
          row: 3,
          name: '医用外科口罩',
          itemId: masks.id,
          quantity: 10,
          unit: '箱',
          lotCode: 'M1',
          expiry: '2027-03-31',
        },
        {
          row: 4,
          name: '口罩',
          itemId: masks.id,
          quantity: 2000,
          unit: '只',
          lotCode: 'M2',
          expiry: '2027-04-30',
        },
        { row: 5, name: '消毒酒精', itemId: alcohol.id, quantity: 500, unit: '公斤' },
      ],
    });
    expect(doc.lines.map((l) => l.quantity)).toEqual([500, 2000, 500]);
    expect((await desk.call('stock.items', {})).find((i) => i.id === alcohol.id)!.aliases).toEqual([
      '消毒酒精',
    ]);
    // A bad line refuses the whole list, and nothing is written.
    const before = snapshot(desk.t.ctx.db);
    const refused = errorOf(
      await desk.invoke('stock.importReceipt', {
        siteId,
        occurredAt: AT,
        source: 'allocation',
        lines: [
          { row: 2, name: '医用酒精', itemId: alcohol.id, quantity: 5, unit: '公斤' },
          { row: 3, name: '医用酒精', itemId: alcohol.id, quantity: 5, unit: '桶' },
        ],
      }),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'lines.1.unit': 'unknown_unit' },
    });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
  });

  it('a stock card runs the balance from an opening derived from today', async () => {
    await donate([{ itemId: alcohol.id, quantity: 100, unit: '公斤' }]);
    await issueTo(alcohol.id, 30, '公斤');
    await desk.call('stock.adjust', {
      siteId,
      occurredAt: AT,
      reason: '盘点少 2 公斤',
      lines: [{ itemId: alcohol.id, quantity: -2 }],
    });
    const card = await desk.call('stock.card', {
      siteId,
      itemId: alcohol.id,
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
    });
    expect(card.opening).toBe(0);
    expect(card.rows.map((r) => [r.kind, r.channel, r.quantity, r.balance])).toEqual([
      ['receipt', 'donation', 100, 100],
      ['issue', 'community', -30, 70],
      ['adjustment', '', -2, 68],
    ]);
    expect(card.closing).toBe(68);
    expect(
      rows(
        desk.t.ctx.db,
        'SELECT sum(quantity) AS q FROM stock_balances WHERE item_id = ?',
        alcohol.id,
      ),
    ).toEqual([{ q: 68 }]);
  });
});

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
        receive(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-20'),
            source: 'purchase',
            party: { kind: 'supplier', name: '超市', contact: '', phone: '' },
            reason: '',
            lines: [{ itemId: water.id, quantity: 10, unit: '箱' }],
          },
          null,
        ),
      );
      clockAt('2026-11-25');
      const gift = inTx(() =>
        receive(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-25'),
            source: 'donation',
            party: { kind: 'individual', name: '市民张先生', contact: '', phone: '' },
            reason: '',
            lines: [{ itemId: water.id, quantity: 5, unit: '箱' }],
          },
          null,
        ),
      );
      inTx(() =>
        issue(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-26'),
            destinationKind: 'floor',
            destination: '3F',
            reason: '',
            lines: [{ itemId: water.id, quantity: 40, unit: '瓶' }],
          },
          null,
        ),
      );
      inTx(() =>
        issue(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-27'),
            destinationKind: 'post',
            destination: '门岗',
            reason: '',
            lines: [{ itemId: water.id, quantity: 12, unit: '瓶' }],
          },
          null,
        ),
      );
      clockAt('2026-11-28');
      inTx(() =>
        adjust(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-28'),
            reason: '破损',
            lines: [{ itemId: water.id, quantity: -3 }],
          },
          null,
        ),
      );
      clockAt('2026-11-29');
      inTx(() =>
        issue(
          ctx,
          {
            siteId: site,
            occurredAt: day('2026-11-29'),
            destinationKind: 'floor',
            destination: '4F',
            reason: '',
            lines: [{ itemId: water.id, quantity: 24, unit: '瓶' }],
          },
          null,
        ),
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
        expect(sheet.getRow(3).getCell(1).value).toBe('合计');
        expect(sheet.getRow(3).getCell(18).value).toMatchObject({
          formula: 'SUM(R2:R2)',
          result: 305,
        });
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
          receive(
            ctx,
            {
              siteId,
              occurredAt,
              source: 'purchase',
              party: { kind: 'supplier', name: '药店', contact: '', phone: '' },
              reason: '',
              lines: [{ itemId: masks.id, quantity, unit: '只' }],
            },
            null,
          ),
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

describe('stock ledger under random operations (fast-check)', () => {
  it('on hand never negative, equal to the ledger, lots out first-expiry-first, expired never issued', () => {
    const expiries = ['2026-11-20', '2026-12-01', '2026-12-15', '2027-01-10', null] as const;
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('receive' as const),
        lot: fc.integer({ min: 0, max: 4 }),
        qty: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({ kind: fc.constant('issue' as const), qty: fc.integer({ min: 1, max: 80 }) }),
      fc.record({
        kind: fc.constant('adjust' as const),
        lot: fc.integer({ min: 0, max: 4 }),
        qty: fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
      }),
      fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const t = makeTestContext();
        try {
          const { ctx } = t;
          const site = createSite(ctx, { name: 'S', address: '' }).id;
          const item = createItem(ctx, {
            name: '口罩',
            category: 'ppe',
            spec: '',
            baseUnit: '只',
            lowThreshold: 0,
            tracksLots: true,
            units: [],
            aliases: [],
          });
          const today = '2026-11-29';
          const docs: number[] = [];
          const lotIdOf = (i: number): number | undefined =>
            ctx.db.prepare('SELECT id FROM stock_lots WHERE code = ?').pluck().get(`L${i}`) as
              number | undefined;
          for (const o of ops) {
            // Each operation in its own transaction, as the router runs it: a refusal rolls back.
            try {
              ctx.db.transaction(() => {
                if (o.kind === 'receive') {
                  docs.push(
                    receive(
                      ctx,
                      {
                        siteId: site,
                        occurredAt: '2026-11-29T10:00:00+08:00',
                        source: 'allocation',
                        reason: '',
                        lines: [
                          {
                            itemId: item.id,
                            quantity: o.qty,
                            unit: '只',
                            lotCode: `L${o.lot}`,
                            expiry: expiries[o.lot] ?? undefined,
                          },
                        ],
                      },
                      null,
                    ).id,
                  );
                } else if (o.kind === 'issue') {
                  const plan = planIssue(ctx, { siteId: site, itemId: item.id, quantity: o.qty });
                  const doc = issue(
                    ctx,
                    {
                      siteId: site,
                      occurredAt: '2026-11-29T11:00:00+08:00',
                      destinationKind: 'floor',
                      destination: '3F',
                      reason: '',
                      lines: [{ itemId: item.id, quantity: o.qty, unit: '只' }],
                    },
                    null,
                  );
                  // FEFO: taken lots are never expired, in expiry order, and match the plan.
                  const taken = doc.lines.map((l) => l.expiry ?? '9999');
                  expect(taken).toEqual([...taken].sort());
                  for (const l of doc.lines)
                    expect(l.expiry === null || l.expiry >= today).toBe(true);
                  expect(doc.lines.map((l) => -l.quantity)).toEqual(
                    plan.picks.map((p) => p.quantity),
                  );
                  docs.push(doc.id);
                } else if (o.kind === 'adjust') {
                  const lotId = lotIdOf(o.lot);
                  if (lotId === undefined) return;
                  docs.push(
                    adjust(
                      ctx,
                      {
                        siteId: site,
                        occurredAt: '2026-11-29T12:00:00+08:00',
                        reason: 'count',
                        lines: [{ itemId: item.id, lotId, quantity: o.qty }],
                      },
                      null,
                    ).id,
                  );
                } else if (docs.length > 0) {
                  reverse(ctx, { documentId: docs[o.pick % docs.length]!, reason: 'undo' }, null);
                }
              })();
            } catch (error) {
              const code = (error as { code?: string }).code;
              expect(['INSUFFICIENT_STOCK', 'DUPLICATE', 'INVALID_INPUT']).toContain(code);
            }
            const balances = ctx.db
              .prepare('SELECT lot_id, quantity FROM stock_balances ORDER BY lot_id')
              .all() as { lot_id: number; quantity: number }[];
            for (const b of balances) expect(b.quantity).toBeGreaterThanOrEqual(0);
            const ledger = ctx.db
              .prepare(
                'SELECT coalesce(lot_id, 0) AS lot_id, sum(quantity) AS quantity FROM stock_movements GROUP BY 1 ORDER BY 1',
              )
              .all() as { lot_id: number; quantity: number }[];
            expect(
              balances.filter((b) => b.quantity !== 0 || ledger.some((l) => l.lot_id === b.lot_id)),
            ).toEqual(ledger);
            expect(onHand(ctx, { siteId: site })[0]!.onHand).toBe(
              ledger.reduce((s, l) => s + l.quantity, 0),
            );
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
