import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { makeStockDesk, type StockDesk } from '../testing/stockTesting';

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let alcohol: StockDesk['alcohol'];
  let donate: StockDesk['donate'];
  let issueTo: StockDesk['issueTo'];
  let onHandOf: StockDesk['onHandOf'];

  beforeEach(async () => {
    ({ desk, alcohol, donate, issueTo, onHandOf } = await makeStockDesk());
  });
  afterEach(() => desk.t.close());

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
});
