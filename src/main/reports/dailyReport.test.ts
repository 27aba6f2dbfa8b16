import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalBatch } from '../../shared/people';
import { auditRows, errorOf, lastAuditId, sessionFor } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { readAnchors } from '../accounts/auditAnchors/anchorsFile';
import { maskName } from './dailyReport';

/** TEST_NOW is 29 November 2026, 16:00 at the site; the 15:00 round is open. */
describe('daily report (through the router)', () => {
  let desk: Desk;
  let site: BuiltSite;
  let batch: ArrivalBatch;
  const report = (day: string) => desk.call('reports.daily', { siteId: site.siteId, day });
  const hoursLater = (hours: number) => {
    desk.tr.clock.now = new Date(desk.tr.clock.now.getTime() + hours * 3_600_000);
    desk.t.ctx.now = () => new Date(desk.tr.clock.now);
    desk.handle = sessionFor(desk.tr, desk.userId);
  };

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 1, type: 'single' },
          { number: 'P-103', capacity: 1, type: 'single' },
          { number: 'P-104', capacity: 1, type: 'single', status: 'out_of_service' },
        ],
      },
    ]);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
      arrivedAt: TEST_NOW.toISOString(),
    });
    const [a, b, c] = await checkInto(desk, batch.id, site, [
      [person({ fullName: '欧阳发热' }), 'P-101'],
      [person({ fullName: '李出院', lastExposureDate: '2026-11-15' }), 'P-102'],
      [person({ fullName: '王在住' }), 'P-103'],
    ]);
    const reading = (stayId: number, temperature: number) =>
      desk.call('readings.record', { stayId, day: '2026-11-29', slot: 1, temperature, expectedVersion: 0 });
    await reading(a!.stayId, 38.6);
    await reading(b!.stayId, 36.5);
    const [fever] = await desk.call('fever.list', { siteId: site.siteId });
    await desk.call('fever.recheck', { caseId: fever!.id, temperature: 38.9 });
    await desk.call('fever.transfer', {
      caseId: fever!.id,
      hospital: '定点医院',
      departedAt: TEST_NOW.toISOString(),
      escort: '陈',
      vehicle: '120',
    });
    await desk.call('stays.checkOut', { id: b!.stayId, kind: 'release' });
    expect(c).toBeDefined();
  });
  afterEach(() => desk.t.close());

  it('counts the day: rooms, residents, admissions and departures, rounds, fever cases', async () => {
    const today = await report('2026-11-29');
    expect(today).toMatchObject({
      siteName: 'Test site',
      day: '2026-11-29',
      residentsAtMidnight: 1,
      admissions: 3,
      releases: 1,
      transfers: 1,
      otherDepartures: 0,
      rechecks: 1,
      roomTotal: 4,
      rooms: {
        available: 0,
        reserved: 0,
        occupied: 1,
        awaiting_disinfection: 2,
        out_of_service: 1,
      },
      staffOnDuty: { roster: 'none', posts: [], leaders: [], headcount: 0, gaps: 0 },
      stockAlerts: { low: [], expired: [], expiring: [], supply: [] },
    });
    expect(today.rounds.map((r) => [r.time, r.expected, r.recorded, r.missing, r.fevers])).toEqual([
      ['08:00', 0, 0, 0, 0],
      ['15:00', 3, 2, 1, 1],
    ]);
    // The 15:00 round is still open at 16:00: nobody is missed yet.
    expect(today.missedReadings).toBe(0);
    expect(today.feverCases).toEqual([
      { name: '欧***', room: 'P-101', maxTenths: 389, status: 'transferred' },
    ]);
    expect(JSON.stringify(today)).not.toContain('欧阳发热');
    expect(today.occupancy).toHaveLength(14);
    expect(today.occupancy[0]).toEqual({ day: '2026-11-16', residents: 0 });
    expect(today.occupancy.at(-1)).toEqual({ day: '2026-11-29', residents: 1 });
  });

  it('a past day counts at its midnight; the day before had nothing yet; a day to come is refused', async () => {
    hoursLater(20); // 30 November, 12:00 at the site
    const yesterday = await report('2026-11-29');
    expect(yesterday).toMatchObject({ residentsAtMidnight: 1, admissions: 3, missedReadings: 1 });
    expect((await report('2026-11-30')).admissions).toBe(0);
    const before = await report('2026-11-28');
    expect(before).toMatchObject({ residentsAtMidnight: 0, admissions: 0, roomTotal: 0 });
    expect(
      errorOf(await desk.invoke('reports.daily', { siteId: site.siteId, day: '2026-12-01' })),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { day: 'date_in_future' } });
  });

  it('exports the same numbers to Excel, names masked, and audits the export', async () => {
    const before = lastAuditId(desk.t);
    const file = await desk.call('reports.dailyExport', { siteId: site.siteId, day: '2026-11-29' });
    expect(file.filename).toBe('日报_2026-11-29.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rowsOf: unknown[][] = [];
    sheet.eachRow((row) => rowsOf.push((row.values as unknown[]).slice(1)));
    expect(rowsOf).toContainEqual(['24时在住', 1]);
    expect(rowsOf).toContainEqual(['转运', 1]);
    // The round's time as a time cell at site time, the temperature a number (℃ in the header).
    expect(rowsOf).toContainEqual([new Date('2026-11-29T15:00:00Z'), 3, 2, 1, 1]);
    // The screen's words, from the one catalogue (the workbook once said 漏测/未测).
    expect(rowsOf).toContainEqual(['轮次', '应测', '已测', '未测/漏测', '发热']);
    expect(rowsOf).toContainEqual(['姓名', '房间', '最高体温（℃）', '处置']);
    expect(rowsOf).toContainEqual(['欧***', 'P-101', 38.9, '已转运']);
    expect(JSON.stringify(rowsOf)).not.toContain('欧阳发热');
    expect(auditRows(desk.t, before).map((a) => [a.method, a.detail])).toEqual([
      ['reports.dailyExport', 'daily report 2026-11-29 as xlsx'],
    ]);
  });

  it('prints the audit chain head at its foot, anchors it, and puts it in the Excel file', async () => {
    const head = desk.t.ctx.db
      .prepare<[], { id: number; hash: string }>(
        'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
      )
      .get()!;
    const today = await report('2026-11-29');
    expect(today.auditHead).toEqual({ count: head.id, headHash: head.hash });
    expect(readAnchors(desk.t.dir).at(-1)).toMatchObject({
      reason: 'daily_report',
      source: '2026-11-29',
      count: head.id,
      headHash: head.hash,
    });

    const file = await desk.call('reports.dailyExport', { siteId: site.siteId, day: '2026-11-29' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rowsOf: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rowsOf.push((row.values as unknown[]).slice(1)));
    expect(rowsOf.at(-1)).toEqual([
      '审计日志链头（条数、末条哈希前16位）',
      head.id,
      head.hash.slice(0, 16),
    ]);
  });

  it('masks names by keeping the first character', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('A')).toBe('*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});
