import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/accounts';
import type { RosterPeriod } from '../../shared/roster';
import type { StockItem } from '../../shared/stock';
import { setDeskClock } from '../testing/peopleTesting';
import {
  addLeaderPost,
  assignMonday,
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  type RosterWeek,
} from '../testing/rosterTesting';

/** Every row of the report's sheet as exceljs reads it back (typed values, in order). */
async function sheetRows(file: ExportedFile): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { rows, sheet };
}

/**
 * The report of Monday 30 November (read that evening at 20:00): the week's roster with the
 * coordinator on duty, and a store that issued masks and alcohol all the week before.
 */
describe('daily report: staff on duty and supply alerts, on screen and in Excel', () => {
  let w: RosterWeek;
  let period: RosterPeriod;
  let masks: StockItem;
  const report = (day: string) => w.desk.call('reports.daily', { siteId: w.siteId, day });
  const exported = (day: string) =>
    w.desk.call('reports.dailyExport', { siteId: w.siteId, day });

  beforeEach(async () => {
    w = await makeRosterWeek();
    const { post: leaderPost, leader } = await addLeaderPost(w, '谭真');
    period = await w.period();
    const assign = assignMonday(w, period.id);
    await assign(w.gate.id, w.night.id, w.guards[0]!.id);
    await assign(w.gate.id, w.day.id, w.guards[1]!.id);
    await assign(w.gate.id, w.evening.id, w.guards[2]!.id);
    await assign(w.medical.id, w.day.id, w.nurses[0]!.id);
    await assign(leaderPost.id, w.day.id, leader.id);

    masks = await w.desk.call('stock.createItem', {
      name: '医用外科口罩',
      category: 'ppe',
      spec: '一次性',
      baseUnit: '只',
      lowThreshold: 2000,
      tracksLots: true,
      units: [{ unit: '箱', factor: 50 }],
    });
    await w.desk.call('stock.receive', {
      siteId: w.siteId,
      occurredAt: '2026-11-23T09:00:00+08:00',
      source: 'allocation',
      party: { kind: 'district', name: '崇川区疫情防控指挥部', contact: '', phone: '' },
      lines: [
        { itemId: masks.id, quantity: 30, unit: '箱', lotCode: '20261101', expiry: '2026-12-20' },
      ],
    });
    for (const day of ['23', '24', '25', '26', '27', '28', '29'])
      await w.desk.call('stock.issue', {
        siteId: w.siteId,
        occurredAt: `2026-11-${day}T08:30:00+08:00`,
        destinationKind: 'post',
        destination: '门岗',
        lines: [{ itemId: masks.id, quantity: 120, unit: '只' }],
      });
    setDeskClock(w.desk, '2026-11-30T12:00:00Z');
  });
  afterEach(() => closeRosterWeek(w.desk));

  it('a published day: posts, shifts, names and roles, the leader; the store low, expiring, days left', async () => {
    await w.desk.call('roster.publish', { periodId: period.id });
    const monday = await report(MONDAY);
    expect(monday.staffOnDuty).toMatchObject({ roster: 'published', headcount: 5, gaps: 0 });
    expect(monday.staffOnDuty.leaders.map((l) => l.name)).toEqual(['谭真']);
    expect(monday.staffOnDuty.posts.map((p) => [p.post, p.shifts.length])).toEqual([
      ['门岗', 3],
      ['医疗点', 1],
      ['带班领导', 1],
    ]);
    // 1,500 masks less 7 × 120; the week before Monday is the 23rd to the 29th.
    expect(monday.stockAlerts.low).toEqual([
      { name: '医用外科口罩', spec: '一次性', baseUnit: '只', onHand: 660, lowThreshold: 2000 },
    ]);
    expect(monday.stockAlerts.expiring).toMatchObject([{ lotCode: '20261101', daysLeft: 20 }]);
    expect(monday.stockAlerts.supply).toMatchObject([
      { name: '医用外科口罩', onHand: 660, perDay: 120, daysOfSupply: 5.5 },
    ]);

    const file = await exported(MONDAY);
    expect(file.filename).toBe('日报_2026-11-30.xlsx');
    const { rows, sheet } = await sheetRows(file);
    // Day and generation time: date cells at site time (20:00 at the site), not text or UTC.
    expect(rows[1]).toEqual(['日期', new Date('2026-11-30T00:00:00Z')]);
    expect(rows[2]).toEqual(['生成时间', new Date('2026-11-30T20:00:00Z')]);
    expect(sheet.getRow(3).getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rows).toContainEqual(['岗位', '班次', '开始', '结束', '人员（角色）']);
    expect(rows).toContainEqual([
      '门岗',
      '夜班',
      new Date('2026-11-30T00:00:00Z'),
      new Date('2026-11-30T08:00:00Z'),
      `${w.guards[0]!.fullName}（安保/民警）`,
    ]);
    expect(rows).toContainEqual([
      '带班领导',
      '白班',
      new Date('2026-11-30T08:00:00Z'),
      new Date('2026-11-30T16:00:00Z'),
      '谭真（协调员）',
    ]);
    expect(rows).toContainEqual(['带班', '谭真']);
    expect(rows).toContainEqual(['在岗人数', 5]);
    expect(rows).toContainEqual(['物资预警', '物资', '规格', '库存', '预警下限', '单位']);
    expect(rows).toContainEqual(['低于下限', '医用外科口罩', '一次性', 660, 2000, '只']);
    expect(rows).toContainEqual([
      '临期',
      '医用外科口罩',
      '一次性',
      '20261101',
      660,
      '只',
      new Date('2026-12-20T00:00:00Z'),
      20,
    ]);
    expect(rows).toContainEqual(['医用外科口罩', '一次性', 660, 120, 5.5, '只']);
    expect(rows).toContainEqual([
      '日均出库统计区间',
      new Date('2026-11-23T00:00:00Z'),
      new Date('2026-11-29T00:00:00Z'),
    ]);
    // The fortnight: each day a date cell.
    const fortnight = rows.filter((r) => r[0] instanceof Date && typeof r[1] === 'number');
    expect(fortnight.at(-1)).toEqual([new Date('2026-11-30T00:00:00Z'), 0]);
  });

  it('says in words when the day has no roster, or only a draft one', async () => {
    expect((await report('2026-11-29')).staffOnDuty.roster).toBe('none');
    expect((await sheetRows(await exported('2026-11-29'))).rows).toContainEqual([
      '当日没有排班，无在岗人员记录',
    ]);
    expect((await report(MONDAY)).staffOnDuty).toMatchObject({ roster: 'draft', posts: [] });
    expect((await sheetRows(await exported(MONDAY))).rows).toContainEqual([
      '当日排班尚未发布，无在岗人员记录',
    ]);
  });

  it('in English: the file name and the words follow the language', async () => {
    await w.desk.call('settings.setLanguage', { language: 'en' });
    const file = await exported('2026-11-29');
    expect(file.filename).toBe('daily-report_2026-11-29.xlsx');
    const { rows } = await sheetRows(file);
    expect(rows).toContainEqual(['No roster for this day: no staff on duty recorded']);
    expect(rows).toContainEqual(['Generated', new Date('2026-11-30T20:00:00Z')]);
  });
});
