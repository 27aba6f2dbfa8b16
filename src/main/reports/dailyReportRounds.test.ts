import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  setDeskClock,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';

/**
 * The report's own case (issue 17): the 08:00 round of 29 November had 24 readings, one of them
 * opening the day's fever case by a person transferred to hospital before 08:00, one by a person
 * released before 08:00. Both were measured early (a round opens an hour before its time).
 */
describe('daily report: the round counts every reading of its window', () => {
  const DAY = '2026-11-29';
  const floorRooms = (level: number) =>
    Array.from({ length: 13 }, (_, i) => `P-${level}${String(i + 1).padStart(2, '0')}`);
  const ROOMS = [...floorRooms(1), ...floorRooms(2)];
  let desk: Desk;
  let site: BuiltSite;
  /** Site time on the report's day as UTC (the site is UTC+8). */
  const at = (hhmm: string) =>
    new Date(Date.parse(`${DAY}T${hhmm}:00+08:00`)).toISOString().replace('.000Z', 'Z');
  const record = (stayId: number, temperature: number) =>
    desk.call('readings.record', {
      stayId,
      day: DAY,
      slot: 0,
      temperature,
      symptoms: [],
      expectedVersion: 0,
    });

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      ...[1, 2].map((level) => ({
        level,
        rooms: floorRooms(level).map((number) => ({ number, capacity: 1, type: 'single' as const })),
      })),
    ]);
    // They arrived the afternoon before.
    setDeskClock(desk, '2026-11-28T07:00:00Z');
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '南通汽车客运东站 接驳车',
      arrivedAt: '2026-11-28T06:30:00Z',
    });
    const surnames = '张王李赵陈刘杨黄周吴徐孙朱马胡郭林何高罗郑梁谢宋唐韩';
    const placements: [PersonPayload, string][] = [...surnames].map((s, i) => [
      person({ fullName: `${s}${i % 2 ? '建国' : '秀英'}`, lastExposureDate: '2026-11-14' }),
      ROOMS[i]!,
    ]);
    const members = await checkInto(desk, batch.id, site, placements);
    expect(members).toHaveLength(26);
    const [feverish, released, ...others] = members.map((m) => m.stayId);

    // 07:10–07:30: the nurse starts the floor early; the first person has a fever.
    setDeskClock(desk, at('07:10'));
    await record(feverish!, 38.4);
    await record(released!, 36.5);
    await record(others[0]!, 36.7);
    // 07:40: transferred to the designated hospital; 07:50: released.
    setDeskClock(desk, at('07:40'));
    const [fever] = await desk.call('fever.list', { siteId: site.siteId });
    await desk.call('fever.transfer', {
      caseId: fever!.id,
      hospital: '南通市第三人民医院',
      departedAt: at('07:40'),
      escort: '陈医生',
      vehicle: '苏F·120 救护车',
    });
    setDeskClock(desk, at('07:50'));
    await desk.call('stays.checkOut', { id: released!, kind: 'release' });
    // 08:05 onwards: 21 more of the 24 still in; two are not measured.
    setDeskClock(desk, at('08:05'));
    for (const stayId of others.slice(1, 22)) await record(stayId, 36.2);
    // The report is read at 16:00, the 08:00 round long closed.
    setDeskClock(desk, at('16:00'));
  });
  afterEach(() => desk.t.close());

  it('08:00: 已测 24, 发热 1, the two who left early with their readings, two missed', async () => {
    const report = await desk.call('reports.daily', { siteId: site.siteId, day: DAY });
    const morning = report.rounds[0]!;
    expect(morning.time).toBe('08:00');
    expect(morning).toMatchObject({ expected: 26, recorded: 24, missing: 2, fevers: 1 });
    expect(report.missedReadings).toBe(2);
    expect(report.transfers).toBe(1);
    expect(report.releases).toBe(1);
    expect(report.feverCases).toEqual([
      expect.objectContaining({ maxTenths: 384, status: 'transferred' }),
    ]);
    // The round sheet and the rounds summary say the same as the report.
    const sheet = await desk.call('rounds.sheet', { siteId: site.siteId, day: DAY, slot: 0 });
    expect(sheet).toMatchObject({ expected: 26, recorded: 24, missing: 2, fevers: 1 });
    expect(sheet.rows.filter((r) => !r.active).map((r) => r.reading?.temperatureTenths)).toEqual([
      384, 365,
    ]);
    const summary = await desk.call('rounds.summary', { siteId: site.siteId, day: DAY });
    expect(summary[0]).toMatchObject({ expected: 26, recorded: 24, fevers: 1 });
  });

  it('someone who left before the round opened, unmeasured, is not owed a reading', async () => {
    // The 15:00 round: nobody measured; the two who left in the morning are not in it.
    const report = await desk.call('reports.daily', { siteId: site.siteId, day: DAY });
    expect(report.rounds[1]).toMatchObject({ expected: 24, recorded: 0, fevers: 0 });
  });
});
