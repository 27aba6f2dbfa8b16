import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../testing/peopleTesting';
import { makeStockDesk, type StockDesk, STOCK_AT as AT } from '../testing/stockTesting';

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let siteId: StockDesk['siteId'];
  let alcohol: StockDesk['alcohol'];
  let donate: StockDesk['donate'];
  let issueTo: StockDesk['issueTo'];

  beforeEach(async () => {
    ({ desk, siteId, alcohol, donate, issueTo } = await makeStockDesk());
  });
  afterEach(() => desk.t.close());

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
