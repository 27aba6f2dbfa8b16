import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StockItem } from '../../shared/stock';
import { errorOf } from '../testing/authTesting';
import { buildSite, makeDesk, snapshot, type Desk } from '../testing/peopleTesting';
import { makeStockDesk, type StockDesk } from '../testing/stockTesting';

const AT = '2026-11-29T09:00:00+08:00';

describe('importing a donation list: new items and new units decided in the preview', () => {
  let desk: Desk;
  let siteId: number;
  let gowns: StockItem;

  const post = (lines: unknown[]) =>
    desk.invoke('stock.importReceipt', {
      siteId,
      occurredAt: AT,
      source: 'donation',
      party: { kind: 'individual', name: '市民张先生' },
      lines: lines as never,
    });

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    gowns = await desk.call('stock.createItem', {
      name: '医用防护服',
      category: 'ppe',
      baseUnit: '件',
    });
  });
  afterEach(() => desk.t.close());

  it('makes an item from an unknown name once (two rows, one item), and learns a pack unit with its conversion', async () => {
    const preview = await desk.call('stock.importPreview', {
      fileName: 'list.csv',
      base64: Buffer.from(
        [
          '物资名称,规格,数量,单位',
          '护目镜,防雾,30,副',
          '护目镜,防雾,2,盒',
          '医用防护服,,5,箱',
        ].join('\n'),
      ).toString('base64'),
    });
    expect(preview.rows.map((r) => [r.name, r.itemId, r.problems])).toEqual([
      ['护目镜', null, ['unknown_item']],
      ['护目镜', null, ['unknown_item']],
      ['医用防护服', gowns.id, ['unknown_unit']],
    ]);
    const goggles = { category: 'ppe', baseUnit: '副' };
    const doc = await post([
      { row: 2, name: '护目镜', spec: '防雾', newItem: goggles, quantity: 30, unit: '副' },
      {
        row: 3,
        name: '护目镜',
        spec: '防雾',
        newItem: goggles,
        unitFactor: 10,
        quantity: 2,
        unit: '盒',
      },
      { row: 4, name: '医用防护服', itemId: gowns.id, unitFactor: 20, quantity: 5, unit: '箱' },
    ]);
    expect(doc.ok && doc.value.lines.map((l) => [l.itemName, l.quantity])).toEqual([
      ['护目镜', 30],
      ['护目镜', 20],
      ['医用防护服', 100],
    ]);
    const items = await desk.call('stock.items', {});
    const made = items.filter((i) => i.name === '护目镜');
    expect(made).toMatchObject([
      { spec: '防雾', baseUnit: '副', units: [{ unit: '盒', factor: 10 }] },
    ]);
    expect(items.find((i) => i.id === gowns.id)!.units).toEqual([{ unit: '箱', factor: 20 }]);
    // The next list in 箱 needs no conversion any more.
    const again = await desk.call('stock.importPreview', {
      fileName: 'list.csv',
      base64: Buffer.from('物资名称,数量,单位\n医用防护服,1,箱\n').toString('base64'),
    });
    expect(again.rows[0]!.problems).toEqual([]);
  });

  it('refuses a row with neither an item nor a new one, and a unit without its conversion; nothing made, nothing half-written', async () => {
    const before = snapshot(desk.t.ctx.db);
    const good = {
      row: 2,
      name: '护目镜',
      newItem: { category: 'ppe', baseUnit: '副' },
      quantity: 3,
      unit: '副',
    };
    expect(
      errorOf(await post([good, { row: 3, name: '口罩', quantity: 1, unit: '只' }])),
    ).toMatchObject({ fields: { 'lines.1.itemId': 'unknown_item' } });
    expect(
      errorOf(
        await post([
          good,
          { row: 3, name: '医用防护服', itemId: gowns.id, quantity: 1, unit: '箱' },
        ]),
      ),
    ).toMatchObject({ fields: { 'lines.1.unit': 'unknown_unit' } });
    expect(
      errorOf(
        await post([
          {
            row: 3,
            name: '医用防护服',
            itemId: gowns.id,
            newItem: good.newItem,
            quantity: 1,
            unit: '件',
          },
        ]),
      ),
    ).toMatchObject({ fields: { 'lines.0.itemId': 'unknown_item' } });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
  });
});

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let siteId: StockDesk['siteId'];
  let masks: StockDesk['masks'];
  let alcohol: StockDesk['alcohol'];

  beforeEach(async () => {
    ({ desk, siteId, masks, alcohol } = await makeStockDesk());
  });
  afterEach(() => desk.t.close());

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
});
