import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormLine, SupplyForecast } from '../../shared/supply';
import { addDays } from '../../shared/siteDate';
import { makeForecastSite, type ForecastSite } from '../testing/forecastTesting';
import { rows, setDeskClock } from '../testing/peopleTesting';
import { plansOf } from '../testing/queryPlans';
import { supplyForecast } from './forecast';

const TODAY = '2026-11-29';
const HORIZON = 7;
const MARGIN = 20;
const DAYS = Array.from({ length: HORIZON }, (_d, i) => addDays(TODAY, i));
const RECEIVED_AT = '2026-11-20T09:00:00+08:00';

/**
 * The expected figures are worked out here from what the site was given (its residents, the
 * arrivals, the releases, the roster's rows), not read back from the forecast.
 */
describe('supply forecast (through the router, on a realistic site)', () => {
  let s: ForecastSite;
  beforeEach(async () => {
    s = await makeForecastSite();
  });
  afterEach(() => s.desk.t.close());

  const forecast = (horizonDays = HORIZON): Promise<SupplyForecast> =>
    s.desk.call('supply.forecast', { siteId: s.siteId, horizonDays, marginPercent: MARGIN });
  const receive = (itemId: number, quantity: number, unit: string) =>
    s.desk.call('stock.receive', {
      siteId: s.siteId,
      occurredAt: RECEIVED_AT,
      source: 'allocation',
      party: { kind: 'district', name: '崇川区疫情防控指挥部' },
      lines: [{ itemId, quantity, unit }],
    });
  const issue = (itemId: number, quantity: number, unit: string, occurredAt: string) =>
    s.desk.call('stock.issue', {
      siteId: s.siteId,
      occurredAt,
      destinationKind: 'floor',
      destination: '2 楼',
      lines: [{ itemId, quantity, unit }],
    });

  // 37 in residence: 33 stay past the week, 4 leave on their observation end (counted that day);
  // 6 arrive tomorrow, in 4 rooms (two households of two, two alone).
  const stayingAll = 37 - 4;
  const residentsOn = (day: string) =>
    stayingAll + s.releases.filter((end) => day <= end).length + (day >= s.arrivalDay ? 6 : 0);
  const roomsOn = (day: string) =>
    stayingAll + s.releases.filter((end) => day <= end).length + (day >= s.arrivalDay ? 4 : 0);
  const assignments = (day: string, where = '1', ...params: unknown[]) =>
    rows<{ n: number }>(
      s.desk.t.ctx.db,
      `SELECT count(*) AS n FROM roster_assignments a JOIN staff st ON st.id = a.staff_id
       WHERE a.day = ? AND ${where}`,
      day,
      ...params,
    )[0]!.n;
  const rostered = (day: string) => s.rosterDays.includes(day);
  // Without a published roster: each post's head count (1) times the shifts it runs.
  const shiftsOn = (day: string) => (rostered(day) ? assignments(day) : 3 + 1);
  const medicalShiftsOn = (day: string) =>
    rostered(day) ? assignments(day, 'a.post_id = ?', s.medical.id) : 1;
  const securityShiftsOn = (day: string) =>
    rostered(day) ? assignments(day, "st.role = 'security'") : 3;

  /** Walks the days until the stock no longer covers one: that day, and the days covered. */
  const walk = (stock: number, use: (day: string) => number) => {
    let left = stock;
    let day = 0;
    while (use(addDays(TODAY, day)) <= left) left -= use(addDays(TODAY, day++));
    return { day, days: day + left / use(addDays(TODAY, day)) };
  };

  it('expects the residents in residence, plus arrivals, less releases, and the roster’s shifts', async () => {
    const f = await forecast();
    expect(f.today).toBe(TODAY);
    expect(s.releases.every((end) => end > TODAY && end <= DAYS.at(-1)!)).toBe(true);
    expect(f.days).toEqual(
      DAYS.map((day) => ({
        day,
        residents: residentsOn(day),
        rooms: roomsOn(day),
        shifts: shiftsOn(day),
        shiftSource: rostered(day) ? 'roster' : 'posts',
      })),
    );
    // The roster really was filled: the rostered days are not empty.
    expect(s.rosterDays.map((d) => assignments(d)).every((n) => n > 0)).toBe(true);
  });

  it('applies each item’s norms day by day: days of supply, the day it runs out, what to request', async () => {
    const masks = 500;
    await receive(s.masks.id, masks, '只');
    await receive(s.suits.id, 3, '套');
    await receive(s.disinfectant.id, 60, '瓶');
    await receive(s.gloves.id, 200, '副');
    const setNorms = (itemId: number, lines: NormLine[]) =>
      s.desk.call('supply.setNorms', { siteId: s.siteId, itemId, lines });
    await setNorms(s.masks.id, [
      { basis: 'resident_day', quantity: 2 },
      { basis: 'staff_shift', quantity: 1 },
    ]);
    await setNorms(s.suits.id, [{ basis: 'staff_shift', quantity: 1, postId: s.medical.id }]);
    await setNorms(s.disinfectant.id, [{ basis: 'room_day', quantity: 0.5 }]);
    await setNorms(s.gloves.id, [{ basis: 'staff_shift', quantity: 2, role: 'security' }]);

    const useOf: Record<number, (day: string) => number> = {
      [s.masks.id]: (d) => 2 * residentsOn(d) + shiftsOn(d),
      [s.suits.id]: (d) => medicalShiftsOn(d),
      [s.disinfectant.id]: (d) => 0.5 * roomsOn(d),
      [s.gloves.id]: (d) => 2 * securityShiftsOn(d),
    };
    const stock: Record<number, number> = {
      [s.masks.id]: masks,
      [s.suits.id]: 3,
      [s.disinfectant.id]: 60,
      [s.gloves.id]: 200,
    };
    const f = await forecast();
    for (const [id, use] of Object.entries(useOf)) {
      const row = f.items.find((i) => i.itemId === Number(id))!;
      const { day, days } = walk(stock[Number(id)]!, use);
      const horizonUse = DAYS.reduce((sum, d) => sum + use(d), 0);
      expect(row, row.name).toMatchObject({
        basis: 'forecast',
        onHand: stock[Number(id)],
        forecastPerDay: Math.round((horizonUse / HORIZON) * 10) / 10,
        daysOfSupply: Math.floor(days * 10) / 10,
        runsOutOn: addDays(TODAY, day),
        requestQuantity: Math.max(0, Math.ceil(horizonUse * 1.2 - stock[Number(id)]!)),
      });
    }
    // 500 masks at some 90 a day last less than the week: they are on the request.
    const masksRow = f.items.find((i) => i.itemId === s.masks.id)!;
    expect(masksRow.daysOfSupply).toBeLessThan(HORIZON);
    expect(masksRow.requestQuantity).toBeGreaterThan(0);
  });

  it('uses last week’s issues where an item has no norm (transfers between stores are not use), else says there is no data', async () => {
    await receive(s.thermometerCovers.id, 1000, '个');
    await issue(s.thermometerCovers.id, 70, '个', '2026-11-25T10:00:00+08:00');
    // Today's issues are not in the last 7 days' rate.
    await issue(s.thermometerCovers.id, 35, '个', '2026-11-29T09:00:00+08:00');
    const station = await s.desk.call('stock.createLocation', {
      siteId: s.siteId,
      name: '2楼物资点',
    });
    await s.desk.call('stock.transfer', {
      siteId: s.siteId,
      toLocationId: station.id,
      occurredAt: '2026-11-26T10:00:00+08:00',
      lines: [{ itemId: s.thermometerCovers.id, quantity: 200, unit: '个' }],
    });
    const f = await forecast();
    const covers = f.items.find((i) => i.itemId === s.thermometerCovers.id)!;
    const onHand = 1000 - 70 - 35;
    expect(covers).toMatchObject({
      basis: 'rate',
      onHand,
      forecastPerDay: null,
      ratePerDay: 10,
      daysOfSupply: onHand / 10,
      runsOutOn: addDays(TODAY, Math.floor(onHand / 10)),
      requestQuantity: 0,
    });
    expect(f.items.find((i) => i.itemId === s.suits.id)).toMatchObject({
      basis: 'none',
      onHand: 0,
      forecastPerDay: null,
      ratePerDay: null,
      daysOfSupply: null,
      runsOutOn: null,
      requestQuantity: 0,
    });
  });

  it('does not count an expired lot as stock', async () => {
    const goggles = await s.desk.call('stock.createItem', {
      name: '护目镜',
      category: 'ppe',
      spec: '',
      baseUnit: '副',
      tracksLots: true,
    });
    await s.desk.call('stock.receive', {
      siteId: s.siteId,
      occurredAt: RECEIVED_AT,
      source: 'donation',
      party: { kind: 'company', name: '南通某医疗器械有限公司' },
      lines: [
        { itemId: goggles.id, quantity: 40, unit: '副', lotCode: 'OLD', expiry: '2026-11-28' },
        { itemId: goggles.id, quantity: 15, unit: '副', lotCode: 'NEW', expiry: '2027-06-30' },
      ],
    });
    const f = await forecast();
    expect(f.items.find((i) => i.itemId === goggles.id)!.onHand).toBe(15);
  });

  it('exports the request to the district as 申领单_<date>.xlsx with typed cells, soonest out first', async () => {
    await receive(s.masks.id, 100, '只');
    await receive(s.gloves.id, 500, '副');
    await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.masks.id,
      lines: [{ basis: 'resident_day', quantity: 2 }],
    });
    await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.disinfectant.id,
      lines: [{ basis: 'room_day', quantity: 0.25 }],
    });
    await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.gloves.id,
      lines: [{ basis: 'staff_shift', quantity: 2, role: 'security' }],
    });
    const file = await s.desk.call('supply.requestExport', {
      siteId: s.siteId,
      horizonDays: HORIZON,
      marginPercent: MARGIN,
    });
    expect(file.filename).toBe(`申领单_${TODAY}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const got: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => got.push((row.values as unknown[]).slice(1)));
    expect(got[0]).toEqual([
      '序号',
      '物资',
      '规格',
      '单位',
      '全点库存',
      '按定额日用量',
      '近 7 天日均出库',
      '采用',
      '可用天数',
      '预计用完',
      '需申领',
      '备注',
    ]);
    const masksUse = (d: string) => 2 * residentsOn(d);
    const disinfectantUse = (d: string) => 0.25 * roomsOn(d);
    const horizon = (use: (d: string) => number) => DAYS.reduce((sum, d) => sum + use(d), 0);
    // The disinfectant (none on hand) runs out today, the masks (100) soon after; the gloves
    // cover the week with the margin and are not on it.
    expect(horizon((d) => 2 * securityShiftsOn(d)) * 1.2).toBeLessThan(500);
    expect(got.slice(1).map((r) => [r[0], r[1], r[4], r[7], r[9], r[10]])).toEqual([
      [
        1,
        '84消毒液',
        0,
        '定额预测',
        new Date(`${TODAY}T00:00:00Z`),
        Math.ceil(horizon(disinfectantUse) * 1.2),
      ],
      [
        2,
        '医用外科口罩',
        100,
        '定额预测',
        new Date(`${addDays(TODAY, walk(100, masksUse).day)}T00:00:00Z`),
        Math.ceil(horizon(masksUse) * 1.2 - 100),
      ],
    ]);
    const audit = rows<{ method: string; detail: string }>(
      s.desk.t.ctx.db,
      "SELECT method, detail FROM audit_log WHERE method = 'supply.requestExport'",
    );
    expect(audit).toHaveLength(1);
  });

  it('reads the ledger, the stays and the roster by index, never scanning them whole', () => {
    const plans = plansOf(s.desk.t.ctx.db, () =>
      supplyForecast(s.desk.t.ctx, { siteId: s.siteId, horizonDays: 7, marginPercent: 20 }),
    );
    const scans = plans.flatMap((p) =>
      p.plan.filter((d) => /^SCAN (stock_movements|stays|roster_assignments)\b/.test(d)),
    );
    expect(scans).toEqual([]);
    // Arrivals by the unplaced-stays index; the week's use from the per-day sums, store by store
    // (the ledger itself is not read at all).
    expect(plans.flatMap((p) => p.plan)).toContain(
      'SEARCH stays USING INDEX stays_unplaced_batch (batch_id=?)',
    );
    expect(plans.flatMap((p) => p.plan).filter((d) => /stock_movements/.test(d))).toEqual([]);
    expect(plans.flatMap((p) => p.plan).filter((d) => /^SEARCH d\b|stock_daily/.test(d))).toEqual([
      'SEARCH d USING PRIMARY KEY (location_id=? AND day>? AND day<?)',
    ]);
  });

  it('counts an overdue release today only, and a late bus from today', async () => {
    // Two weeks on: the 33 whose observation ended on 13 December have not been released yet,
    // and tomorrow's bus never came; its 6 are still expected, from today, for 14 days.
    const later = '2026-12-15';
    setDeskClock(s.desk, '2026-12-15T02:00:00Z');
    const f = await forecast(3);
    expect(f.days).toEqual([
      { day: later, residents: 37 + 6, rooms: 37 + 4, shifts: 4, shiftSource: 'posts' },
      { day: addDays(later, 1), residents: 6, rooms: 4, shifts: 4, shiftSource: 'posts' },
      { day: addDays(later, 2), residents: 6, rooms: 4, shifts: 4, shiftSource: 'posts' },
    ]);
  });
});
