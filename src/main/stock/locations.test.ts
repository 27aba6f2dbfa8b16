import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StockItem, StockLocation } from '../../shared/stock';
import { errorOf } from '../testing/authTesting';
import { buildSite, makeDesk, snapshot, type Desk } from '../testing/peopleTesting';

/** TEST_NOW is 29 November 2026 (site day). */
const AT = '2026-11-29T09:00:00+08:00';

describe('sub-stores: a floor station holds its own stock, filled by transfers from the site store', () => {
  let desk: Desk;
  let siteId: number;
  let masks: StockItem;
  let station: StockLocation;

  const onHandAt = async (locationId: number | undefined, itemId: number) =>
    (await desk.call('stock.onHand', { siteId, locationId })).find((r) => r.itemId === itemId)!;
  const send = (toLocationId: number, quantity: number, fromLocationId?: number) =>
    desk.invoke('stock.transfer', {
      siteId,
      fromLocationId,
      toLocationId,
      occurredAt: AT,
      lines: [{ itemId: masks.id, quantity, unit: '只' }],
    });

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    masks = await desk.call('stock.createItem', {
      name: '医用外科口罩',
      category: 'ppe',
      baseUnit: '只',
      tracksLots: true,
      units: [{ unit: '箱', factor: 50 }],
    });
    await desk.call('stock.receive', {
      siteId,
      occurredAt: AT,
      source: 'allocation',
      lines: [
        { itemId: masks.id, quantity: 100, unit: '只', lotCode: 'OLD', expiry: '2026-11-01' },
        { itemId: masks.id, quantity: 200, unit: '只', lotCode: 'LATE', expiry: '2027-06-01' },
        { itemId: masks.id, quantity: 150, unit: '只', lotCode: 'SOON', expiry: '2026-12-10' },
      ],
    });
    station = await desk.call('stock.createLocation', { siteId, name: '3楼物资点' });
  });
  afterEach(() => desk.t.close());

  it('lists the site store first, then its stations', async () => {
    const all = await desk.call('stock.locations', { siteId });
    expect(all.map((l) => [l.name, l.main])).toEqual([
      ['物资仓库', true],
      ['3楼物资点', false],
    ]);
  });

  it('moves lots first-expiry-first-out, never expired ones, and each store reports its own side', async () => {
    const doc = await send(station.id, 180);
    expect(doc.ok && doc.value.lines.map((l) => [l.locationName, l.lotCode, l.quantity])).toEqual([
      ['物资仓库', 'SOON', -150],
      ['3楼物资点', 'SOON', 150],
      ['物资仓库', 'LATE', -30],
      ['3楼物资点', 'LATE', 30],
    ]);
    expect((await onHandAt(undefined, masks.id)).onHand).toBe(270); // 100 expired + 170
    const atStation = await onHandAt(station.id, masks.id);
    expect(atStation.lots.map((l) => [l.code, l.quantity])).toEqual([
      ['SOON', 150],
      ['LATE', 30],
    ]);
    // The station issues to a room from what it holds; the site store is untouched by that.
    const toRoom = await desk.call('stock.issue', {
      siteId,
      locationId: station.id,
      occurredAt: AT,
      destinationKind: 'room',
      destination: '305',
      lines: [{ itemId: masks.id, quantity: 20, unit: '只' }],
    });
    expect(toRoom.lines.map((l) => [l.locationName, l.lotCode, l.quantity])).toEqual([
      ['3楼物资点', 'SOON', -20],
    ]);
    const period = { siteId, from: '2026-11-29', to: '2026-11-29' };
    const store = (await desk.call('stock.report', period)).rows.find(
      (r) => r.itemId === masks.id,
    )!;
    expect(store).toMatchObject({ opening: 0, closing: 270 });
    expect(store.received.allocation).toBe(450);
    expect(store.issued).toMatchObject({ floor: 180, room: 0 });
    const stationReport = await desk.call('stock.report', { ...period, locationId: station.id });
    expect(stationReport.locationName).toBe('3楼物资点');
    expect(stationReport.rows.find((r) => r.itemId === masks.id)).toMatchObject({
      opening: 0,
      received: { transfer: 180, allocation: 0 },
      issued: { room: 20, floor: 0 },
      closing: 160,
    });
  });

  it('refuses more than the sending store can give, the same store twice, and stores of another site; nothing half-written', async () => {
    const other = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }], 'Other site', 'Q').siteId;
    const foreign = await desk.call('stock.createLocation', { siteId: other, name: '1楼' });
    const before = snapshot(desk.t.ctx.db);
    expect(errorOf(await send(station.id, 351))).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      params: { available: 350 },
      fields: { 'lines.0.quantity': 'insufficient' },
    });
    expect(errorOf(await send(station.id, 5, station.id))).toMatchObject({
      fields: { toLocationId: 'same_store' },
    });
    expect(errorOf(await send(foreign.id, 5)).code).toBe('NOT_FOUND');
    expect(snapshot(desk.t.ctx.db)).toBe(before);
    expect(
      errorOf(await desk.invoke('stock.createLocation', { siteId, name: '3楼物资点' })),
    ).toMatchObject({ code: 'DUPLICATE', fields: { name: 'duplicate' } });
  });

  it('a reversal undoes both sides of a transfer, and is refused once the station has used the stock', async () => {
    const first = await send(station.id, 50);
    expect(first.ok).toBe(true);
    await desk.call('stock.reverse', {
      documentId: first.ok ? first.value.id : 0,
      reason: '送错楼层',
    });
    expect((await onHandAt(undefined, masks.id)).onHand).toBe(450);
    expect((await onHandAt(station.id, masks.id)).onHand).toBe(0);
    const second = await send(station.id, 50);
    await desk.call('stock.issue', {
      siteId,
      locationId: station.id,
      occurredAt: AT,
      destinationKind: 'room',
      destination: '301',
      lines: [{ itemId: masks.id, quantity: 1, unit: '只' }],
    });
    const refused = errorOf(
      await desk.invoke('stock.reverse', {
        documentId: second.ok ? second.value.id : 0,
        reason: 'x',
      }),
    );
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_STOCK', params: { available: 49 } });
  });

  it('a stocktake at a station adjusts only the station; a station is archived only when empty, the site store never', async () => {
    await send(station.id, 10);
    const lot = (await onHandAt(station.id, masks.id)).lots[0]!;
    const counted = await desk.call('stock.stocktake', {
      siteId,
      locationId: station.id,
      occurredAt: AT,
      reason: '周盘点',
      counts: [{ itemId: masks.id, lotId: lot.lotId!, counted: 8 }],
    });
    expect(counted.document?.lines.map((l) => [l.locationName, l.quantity])).toEqual([
      ['3楼物资点', -2],
    ]);
    expect((await onHandAt(undefined, masks.id)).onHand).toBe(440);
    const archive = () => desk.invoke('stock.archiveLocation', { siteId, id: station.id });
    expect(errorOf(await archive())).toMatchObject({ fields: { id: 'has_stock' } });
    const main = (await desk.call('stock.locations', { siteId }))[0]!;
    expect((await send(main.id, 8, station.id)).ok).toBe(true);
    expect((await archive()).ok).toBe(true);
    expect((await desk.call('stock.locations', { siteId })).map((l) => l.name)).toEqual([
      '物资仓库',
    ]);
    expect(errorOf(await send(station.id, 1)).code).toBe('RETIRED');
    expect(
      errorOf(await desk.invoke('stock.archiveLocation', { siteId, id: main.id })),
    ).toMatchObject({ fields: { id: 'main_store' } });
  });
});
