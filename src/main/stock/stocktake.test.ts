import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
