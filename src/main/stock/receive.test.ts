import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { snapshot } from '../testing/peopleTesting';
import { makeStockDesk, type StockDesk, STOCK_AT as AT } from '../testing/stockTesting';

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let siteId: StockDesk['siteId'];
  let masks: StockDesk['masks'];
  let alcohol: StockDesk['alcohol'];
  let donate: StockDesk['donate'];
  let onHandOf: StockDesk['onHandOf'];

  beforeEach(async () => {
    ({ desk, siteId, masks, alcohol, donate, onHandOf } = await makeStockDesk());
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
});
