import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY, type StockItem } from '../../shared/stock';
import { errorOf } from '../testing/authTesting';
import { buildSite, makeDesk, snapshot, type Desk } from '../testing/peopleTesting';

/** TEST_NOW is 29 November 2026 (site day). */
const AT = '2026-11-29T09:00:00+08:00';
const BOX = 50;

describe('stock quantities stay countable', () => {
  let desk: Desk;
  let siteId: number;
  let gloves: StockItem;

  const receive = (lines: { quantity: number; unit: string; lotCode?: string }[]) =>
    desk.invoke('stock.receive', {
      siteId,
      occurredAt: AT,
      source: 'allocation',
      lines: lines.map((l) => ({ itemId: gloves.id, ...l })),
    });
  /** The database as it is, but for the audit of refused calls. */
  const state = () => snapshot(desk.t.ctx.db, ['audit_log', 'audit_pending']);

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    gloves = await desk.call('stock.createItem', {
      name: '丁腈手套',
      category: 'ppe',
      baseUnit: '只',
      units: [{ unit: '箱', factor: BOX }],
    });
  });
  afterEach(() => desk.t.close());

  it('takes a line of exactly the maximum, in base units or in packs', async () => {
    expect((await receive([{ quantity: MAX_LINE_QUANTITY, unit: '只' }])).ok).toBe(true);
    expect((await receive([{ quantity: MAX_LINE_QUANTITY / BOX, unit: '箱' }])).ok).toBe(true);
  });

  it('refuses a line above the maximum, typed or once converted, and writes nothing', async () => {
    const before = state();
    expect(errorOf(await receive([{ quantity: MAX_LINE_QUANTITY + 1, unit: '只' }]))).toMatchObject(
      { code: 'INVALID_INPUT', fields: { 'lines.0.quantity': 'too_big' } },
    );
    const packed = errorOf(
      await receive([
        { quantity: 1, unit: '只' },
        { quantity: MAX_LINE_QUANTITY / BOX + 1, unit: '箱' },
      ]),
    );
    expect(packed).toMatchObject({
      code: 'QUANTITY_TOO_LARGE',
      params: { item: '丁腈手套', max: MAX_LINE_QUANTITY, unit: '只' },
      fields: { 'lines.1.quantity': 'quantity_too_big' },
    });
    const adjustment = errorOf(
      await desk.invoke('stock.adjust', {
        siteId,
        occurredAt: AT,
        reason: '盘点',
        lines: [{ itemId: gloves.id, quantity: -(MAX_LINE_QUANTITY + 1) }],
      }),
    );
    expect(adjustment).toMatchObject({ code: 'INVALID_INPUT' });
    expect(state()).toBe(before);
  });

  it('refuses a receipt that would take a balance, or the item across stores, past 2^53', async () => {
    await receive([{ quantity: 10, unit: '只' }]);
    // Months of allocations, as if: the store's balance just below the limit.
    desk.t.ctx.db
      .prepare('UPDATE stock_balances SET quantity = ? WHERE item_id = ?')
      .run(Number.MAX_SAFE_INTEGER - 5, gloves.id);
    const before = state();
    const tooMuch = errorOf(await receive([{ quantity: 6, unit: '只' }]));
    expect(tooMuch).toMatchObject({
      code: 'STOCK_TOO_LARGE',
      params: { item: '丁腈手套', max: Number.MAX_SAFE_INTEGER },
    });
    expect(state()).toBe(before);
    // Up to the limit itself is still counted exactly.
    expect((await receive([{ quantity: 5, unit: '只' }])).ok).toBe(true);

    // A station of its own holds little, but the item's stock over all stores would pass it.
    const station = await desk.call('stock.createLocation', { siteId, name: '三楼物资点' });
    const atStation = errorOf(
      await desk.invoke('stock.receive', {
        siteId,
        locationId: station.id,
        occurredAt: AT,
        source: 'allocation',
        lines: [{ itemId: gloves.id, quantity: 1, unit: '只' }],
      }),
    );
    expect(atStation.code).toBe('STOCK_TOO_LARGE');
  });
});
