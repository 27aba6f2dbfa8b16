import type { Statement } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeStockDesk, type StockDesk } from '../../testing/stockTesting';

type Method = (this: Statement, ...args: unknown[]) => unknown;

/** The SQL of every statement read while `fn` runs (the services' own queries, as they run). */
async function sqlRead(db: StockDesk['desk']['t']['ctx']['db'], fn: () => Promise<unknown>) {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'all' | 'get', Method>;
  const originals = { all: proto.all, get: proto.get };
  const seen = new Set<string>();
  for (const m of ['all', 'get'] as const)
    proto[m] = function (this: Statement, ...args: unknown[]) {
      seen.add(this.source);
      return originals[m].apply(this, args);
    };
  try {
    await fn();
  } finally {
    Object.assign(proto, originals);
  }
  return [...seen];
}

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
      await sqlRead(db, async () => {
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
    ).filter((sql) => /document_id = /.test(sql) && /stock_movements/.test(sql));
    // Reading back after saving, reversing, and the donation register.
    expect(byDocument.length).toBeGreaterThanOrEqual(3);
    for (const sql of byDocument) {
      const plan = (
        db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1)) as {
          detail: string;
        }[]
      ).map((p) => p.detail);
      expect(plan.join(' | '), sql).not.toMatch(/SCAN m\b/);
    }
  });
});
