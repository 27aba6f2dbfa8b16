import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plansDuring } from '../../testing/queryPlans';
import { makeStockDesk, type StockDesk } from '../../testing/stockTesting';

describe('migration 0019 stock-movements-by-document', () => {
  let stock: StockDesk;
  beforeEach(async () => {
    stock = await makeStockDesk();
  });
  afterEach(() => stock.desk.t.close());

  it('a document’s movements are found by the index, never by reading every movement', async () => {
    const { desk, alcohol, donate, issueTo } = stock;
    const db = desk.t.ctx.db;
    const byDocument = (
      await plansDuring(db, async () => {
        const receipt = await donate([{ itemId: alcohol.id, quantity: 50, unit: '公斤' }]);
        expect((await issueTo(alcohol.id, 5, '公斤')).ok).toBe(true);
        await desk.call('stock.donations', {
          siteId: stock.siteId,
          from: '2026-01-01',
          to: '2026-12-31',
        });
        const again = await donate([{ itemId: alcohol.id, quantity: 20, unit: '公斤' }]);
        await desk.call('stock.reverse', { documentId: again.id, reason: '录错数量' });
        expect(receipt.lines).toHaveLength(1);
      })
    ).filter(({ sql }) => /document_id = /.test(sql) && /stock_movements/.test(sql));
    // Reading back after saving, reversing, and the donation register.
    expect(new Set(byDocument.map(({ sql }) => sql)).size).toBeGreaterThanOrEqual(3);
    for (const { sql, plan } of byDocument) expect(plan.join(' | '), sql).not.toMatch(/SCAN m\b/);
  });
});
