import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteInstant } from '../../shared/siteDate';
import type { StockItem } from '../../shared/stock';
import { makeStockDesk, type StockDesk } from '../testing/stockTesting';
import { stockAlerts } from './alerts';
import { usagePerDay } from './usageRate';

/**
 * TEST_NOW is 29 November 2026, 16:00 at the site. A week of a small store: donations on the
 * 22nd, masks and alcohol issued every day from the 22nd to the 28th, some masks sent to a floor
 * station (not used: still the site's), and protective suits whose lot expired on the 25th.
 */
describe('stock alerts of a day: low, expired, expiring, days of supply', () => {
  let s: StockDesk;
  let suits: StockItem;
  const TODAY = '2026-11-29';
  const WEEK = ['22', '23', '24', '25', '26', '27', '28'].map((d) => `2026-11-${d}`);
  const alertsOf = (day: string, at: string) =>
    stockAlerts(s.desk.t.ctx, { siteId: s.siteId, day, at });
  const ref = (item: StockItem) => ({ name: item.name, spec: item.spec, baseUnit: item.baseUnit });

  beforeEach(async () => {
    s = await makeStockDesk();
    suits = await s.desk.call('stock.createItem', {
      name: '医用防护服',
      category: 'ppe',
      spec: '连体式',
      baseUnit: '件',
      lowThreshold: 0,
      tracksLots: true,
    });
    await s.desk.call('stock.receive', {
      siteId: s.siteId,
      occurredAt: '2026-11-22T09:00:00+08:00',
      source: 'donation',
      party: { kind: 'company', name: '南通普济药房连锁有限公司', contact: '', phone: '' },
      lines: [
        { itemId: s.masks.id, quantity: 20, unit: '箱', lotCode: 'A2611', expiry: '2026-12-10' },
        { itemId: s.masks.id, quantity: 10, unit: '箱', lotCode: 'B2706', expiry: '2027-06-30' },
        { itemId: s.alcohol.id, quantity: 10, unit: '公斤' },
        { itemId: suits.id, quantity: 20, unit: '件', lotCode: 'S2511', expiry: '2026-11-25' },
      ],
    });
    for (const day of WEEK)
      await s.desk.call('stock.issue', {
        siteId: s.siteId,
        occurredAt: `${day}T10:00:00+08:00`,
        destinationKind: 'floor',
        destination: 'A栋3楼',
        lines: [
          { itemId: s.masks.id, quantity: 100, unit: '只' },
          { itemId: s.alcohol.id, quantity: 1, unit: '公斤' },
        ],
      });
    const station = await s.desk.call('stock.createLocation', {
      siteId: s.siteId,
      name: '3楼护士站',
    });
    await s.desk.call('stock.transfer', {
      siteId: s.siteId,
      toLocationId: station.id,
      occurredAt: '2026-11-28T15:00:00+08:00',
      lines: [{ itemId: s.masks.id, quantity: 2, unit: '箱' }],
    });
  });
  afterEach(() => s.desk.t.close());

  it('today: a lot expiring, suits expired, alcohol shortest in supply', () => {
    const today = alertsOf(TODAY, s.desk.t.ctx.now().toISOString());
    expect(today.usageFrom).toBe('2026-11-22');
    expect(today.usageTo).toBe('2026-11-28');
    // 1,500 masks less 700 issued; the 100 at the floor station are still the site's.
    expect(today.low).toEqual([]);
    expect(today.expired).toEqual([
      { ...ref(suits), lotCode: 'S2511', expiry: '2026-11-25', quantity: 20 },
    ]);
    // What is left of lot A (issued first, first to expire), over both stores.
    expect(today.expiring).toEqual([
      { ...ref(s.masks), lotCode: 'A2611', expiry: '2026-12-10', quantity: 300, daysLeft: 11 },
    ]);
    expect(today.supply).toEqual([
      { ...ref(s.alcohol), onHand: 3, perDay: 1, daysOfSupply: 3 },
      { ...ref(s.masks), onHand: 800, perDay: 100, daysOfSupply: 8 },
    ]);
  });

  it('a past day: the stores as they stood at its end, the use of the week before it', () => {
    const end = siteInstant('2026-11-26', '00:00').toISOString();
    const day = alertsOf('2026-11-25', end);
    // Four days of issues (22nd–25th) out of 1,500 masks and 10 kg of alcohol.
    expect(day.supply.map((r) => [r.name, r.onHand, r.perDay])).toEqual([
      ['医用酒精', 6, 0.4],
      ['医用外科口罩', 1100, 42.9],
    ]);
    expect(day.supply.map((r) => r.daysOfSupply)).toEqual([
      Math.round((6 / (3 / 7)) * 10) / 10,
      Math.round((1100 / (300 / 7)) * 10) / 10,
    ]);
    // On its own expiry day a lot is not yet expired.
    expect(day.expired).toEqual([]);
    expect(day.expiring.map((e) => [e.lotCode, e.daysLeft])).toContainEqual(['S2511', 0]);
  });

  it('below the threshold is low; an item with nothing at all held is low too', async () => {
    await s.desk.call('stock.updateItem', {
      id: s.masks.id,
      expectedVersion: s.masks.version,
      name: s.masks.name,
      category: s.masks.category,
      spec: s.masks.spec,
      baseUnit: s.masks.baseUnit,
      lowThreshold: 1000,
      tracksLots: true,
      units: s.masks.units,
      aliases: s.masks.aliases,
    });
    const gloves = await s.desk.call('stock.createItem', {
      name: '医用橡胶检查手套',
      category: 'ppe',
      spec: 'M',
      baseUnit: '副',
      lowThreshold: 200,
    });
    const today = alertsOf(TODAY, s.desk.t.ctx.now().toISOString());
    expect(today.low).toEqual([
      { ...ref(s.masks), onHand: 800, lowThreshold: 1000 },
      { ...ref(gloves), onHand: 0, lowThreshold: 200 },
    ]);
  });

  it('use is what left the site: a transfer between its stores is not use, a reversed issue is not', async () => {
    const before = usagePerDay(s.desk.t.ctx, { siteId: s.siteId, day: TODAY }).perDay;
    expect(before.get(s.masks.id)).toBe(100);
    const issue = await s.desk.call('stock.issue', {
      siteId: s.siteId,
      occurredAt: '2026-11-28T11:00:00+08:00',
      destinationKind: 'community',
      destination: '濠西社区',
      lines: [{ itemId: s.masks.id, quantity: 70, unit: '只' }],
    });
    expect(usagePerDay(s.desk.t.ctx, { siteId: s.siteId, day: TODAY }).perDay.get(s.masks.id)).toBe(
      110,
    );
    // Reversed today, the issue is undone in the week that includes today.
    await s.desk.call('stock.reverse', { documentId: issue.id, reason: '录入错误' });
    const used = (day: string) =>
      usagePerDay(s.desk.t.ctx, { siteId: s.siteId, day }).perDay.get(s.masks.id);
    expect(used(TODAY)).toBe(110);
    // 23rd–29th: six days of 100, the 70 issued and taken back.
    expect(used('2026-11-30')).toBeCloseTo(600 / 7);
  });
});
