import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { snapshot } from '../testing/peopleTesting';
import { makeStockDesk, type StockDesk } from '../testing/stockTesting';

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let siteId: StockDesk['siteId'];
  let masks: StockDesk['masks'];
  let donate: StockDesk['donate'];
  let issueTo: StockDesk['issueTo'];
  let onHandOf: StockDesk['onHandOf'];

  beforeEach(async () => {
    ({ desk, siteId, masks, donate, issueTo, onHandOf } = await makeStockDesk());
  });
  afterEach(() => desk.t.close());

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
});
