import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeStockDesk, type StockDesk, STOCK_AT as AT } from '../testing/stockTesting';

describe('stock ledger (through the router)', () => {
  let desk: StockDesk['desk'];
  let siteId: StockDesk['siteId'];
  let masks: StockDesk['masks'];
  let alcohol: StockDesk['alcohol'];
  let donate: StockDesk['donate'];
  let issueTo: StockDesk['issueTo'];

  beforeEach(async () => {
    ({ desk, siteId, masks, alcohol, donate, issueTo } = await makeStockDesk());
  });
  afterEach(() => desk.t.close());

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
});
