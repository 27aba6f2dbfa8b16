import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOM_STATUSES } from '../../shared/domain';
import {
  DAY_CSV_COLUMNS,
  DAY_INDICATORS,
  DAY_FILE_FORMAT,
  dayFileCanonical,
  summaryTotals,
  type DayFile,
} from '../../shared/dayFile';
import type { DailyReport } from '../../shared/reports';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { buildSite, checkInto, makeDesk, person, type BuiltSite, type Desk } from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { parseCsv } from '../services/fileReading/csv';
import { sha256, siteCode } from './dayFile';

const DAY = '2026-11-29';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const decoded = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

/** The report's figures as the file must carry them, read off the report (not the file code). */
function expectedValues(r: DailyReport): Record<string, number> {
  const values: Record<string, number> = {
    ISD_RESIDENTS_MIDNIGHT: r.residentsAtMidnight,
    ISD_ADMISSIONS: r.admissions,
    ISD_RELEASES: r.releases,
    ISD_TRANSFERS: r.transfers,
    ISD_OTHER_DEPARTURES: r.otherDepartures,
    ISD_ROOMS_TOTAL: r.roomTotal,
    ISD_FEVER_NEW: r.feverCases.length,
    ISD_RECHECKS: r.rechecks,
    ISD_READINGS_MISSED: r.missedReadings,
    ISD_STAFF_ON_DUTY: r.staffOnDuty.headcount,
    ISD_STAFF_GAPS: r.staffOnDuty.gaps,
    ISD_STOCK_LOW: r.stockAlerts.low.length,
    ISD_STOCK_EXPIRING: r.stockAlerts.expiring.length,
    ISD_STOCK_EXPIRED: r.stockAlerts.expired.length,
  };
  for (const [status, n] of Object.entries(r.rooms)) values[`ISD_ROOMS_${status.toUpperCase()}`] = n;
  r.rounds.forEach((round, i) => {
    values[`ISD_ROUND_${i + 1}_DUE`] = round.expected;
    values[`ISD_ROUND_${i + 1}_MEASURED`] = round.recorded;
    values[`ISD_ROUND_${i + 1}_MISSED`] = round.missing;
    values[`ISD_ROUND_${i + 1}_FEVER`] = round.fevers;
  });
  return values;
}

describe('day file: export and the district summary (through the router)', () => {
  let desk: Desk;
  let east: BuiltSite;
  let west: BuiltSite;
  const exportDay = (site: BuiltSite, format: 'json' | 'csv', day = DAY) =>
    desk.call('reports.dayFileExport', { siteId: site.siteId, day, format });
  const summary = (files: { fileName: string; base64: string }[]) =>
    desk.call('reports.districtSummary', { files });
  const jsonOf = async (site: BuiltSite, day = DAY) =>
    JSON.parse(decoded(await exportDay(site, 'json', day))) as DayFile;
  /** A JSON file edited and (unless `keepChecksum`) re-signed as the app would. */
  const edited = (file: DayFile, change: (f: DayFile) => void, resign = true) => {
    const copy = structuredClone(file);
    change(copy);
    if (resign) copy.checksum = sha256(dayFileCanonical(copy));
    return { fileName: 'edited.json', base64: b64(JSON.stringify(copy)) };
  };

  beforeEach(async () => {
    desk = makeDesk();
    east = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: '101', capacity: 1, type: 'single' },
          { number: '102', capacity: 1, type: 'single' },
          { number: '103', capacity: 1, type: 'single', status: 'out_of_service' },
        ],
      },
    ], '区集中隔离点（城东）', 'A');
    west = buildSite(desk.t.ctx, [
      { level: 2, rooms: [{ number: '201', capacity: 2, type: 'double' }, { number: '202', capacity: 1, type: 'single' }] },
    ], '区集中隔离点（城西）', 'B');
    const batch = await desk.call('arrivals.create', {
      siteId: east.siteId,
      label: '第一批',
      arrivedAt: TEST_NOW.toISOString(),
    });
    const [a, b] = await checkInto(desk, batch.id, east, [
      [person({ fullName: '钱锁梅' }), '101'],
      [person({ fullName: '谭真', lastExposureDate: '2026-11-15' }), '102'],
    ]);
    await desk.call('readings.record', { stayId: a!.stayId, day: DAY, slot: 1, temperature: 38.4, expectedVersion: 0 });
    await desk.call('readings.record', { stayId: b!.stayId, day: DAY, slot: 1, temperature: 36.6, expectedVersion: 0 });
    await desk.call('stays.checkOut', { id: b!.stayId, kind: 'release' });
    const westBatch = await desk.call('arrivals.create', {
      siteId: west.siteId,
      label: '第二批',
      arrivedAt: TEST_NOW.toISOString(),
    });
    await checkInto(desk, westBatch.id, west, [
      [person({ fullName: '王小明' }), '201'],
      [person({ fullName: '王小红', gender: 'female' }), '202'],
    ]);
  });
  afterEach(() => desk.t.close());

  it('exports the day report figures as a DHIS2 dataValueSet and reads them back equal', async () => {
    const report = await desk.call('reports.daily', { siteId: east.siteId, day: DAY });
    const before = lastAuditId(desk.t);
    const exported = await exportDay(east, 'json');
    expect(exported.filename).toBe('日报数据_区集中隔离点（城东）_2026-11-29.json');
    expect(exported.mime).toBe('application/json');
    const file = JSON.parse(decoded(exported)) as DayFile;
    expect(file).toMatchObject({
      formatVersion: DAY_FILE_FORMAT,
      period: '20261129',
      orgUnit: siteCode('区集中隔离点（城东）'),
      orgUnitName: '区集中隔离点（城东）',
      completeDate: DAY,
      generatedAt: report.generatedAt,
    });
    expect(file.orgUnit).toMatch(/^S[0-9A-F]{10}$/);
    expect(file.checksum).toBe(sha256(dayFileCanonical(file)));
    for (const v of file.dataValues) {
      expect(Object.keys(v).sort()).toEqual(
        expect.arrayContaining(['dataElement', 'orgUnit', 'period', 'value']),
      );
      expect(v).toMatchObject({ period: '20261129', orgUnit: file.orgUnit });
      expect(v.value).toMatch(/^\d+$/);
    }
    // No roster that day: the file says why its 0 on duty.
    expect(file.dataValues.find((v) => v.dataElement === 'ISD_STAFF_ON_DUTY')?.comment).toBe(
      'roster: none',
    );
    const values = Object.fromEntries(file.dataValues.map((v) => [v.dataElement, Number(v.value)]));
    expect(values).toEqual(expectedValues(report));
    expect(values).toMatchObject({ ISD_ADMISSIONS: 2, ISD_RELEASES: 1, ISD_FEVER_NEW: 1 });

    const read = await summary([{ fileName: exported.filename, base64: exported.base64 }]);
    expect(read.refused).toEqual([]);
    expect(read.day).toBe(DAY);
    expect(read.sites).toHaveLength(1);
    expect(read.sites[0]!.values).toEqual(expectedValues(report));
    expect(auditRows(desk.t, before).map((a) => [a.method, a.detail])).toEqual([
      ['reports.dayFileExport', 'day file 2026-11-29 as json'],
    ]);
  });

  it('has one room indicator per room status', () => {
    expect(DAY_INDICATORS.filter((i) => i.unit === 'rooms').map((i) => i.code)).toEqual([
      ...ROOM_STATUSES.map((s) => `ISD_ROOMS_${s.toUpperCase()}`),
      'ISD_ROOMS_TOTAL',
    ]);
  });

  it('exports CSV with one row per indicator and the same checksum as the JSON', async () => {
    const json = await jsonOf(east);
    const csv = await exportDay(east, 'csv');
    expect(csv.filename).toBe('日报数据_区集中隔离点（城东）_2026-11-29.csv');
    const text = decoded(csv);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...DAY_CSV_COLUMNS]);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      json.dataValues.map((v) => [json.orgUnit, DAY, v.dataElement, v.value]),
    );
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set([json.checksum]));
    const read = await summary([{ fileName: csv.filename, base64: csv.base64 }]);
    expect(read.refused).toEqual([]);
    expect(read.sites[0]!.values).toEqual(
      Object.fromEntries(json.dataValues.map((v) => [v.dataElement, Number(v.value)])),
    );
  });

  it('reads back a CSV whose site name a spreadsheet would take for a formula', async () => {
    await desk.call('sites.update', { id: west.siteId, name: '+城南临时隔离点', address: '' });
    const csv = await exportDay(west, 'csv');
    expect(decoded(csv)).toContain(",'+城南临时隔离点,");
    const read = await summary([{ fileName: csv.filename, base64: csv.base64 }]);
    expect(read.refused).toEqual([]);
    expect(read.sites[0]!.orgUnitName).toBe('+城南临时隔离点');
  });

  it('shows two sites side by side; totals are the sums of their figures', async () => {
    const a = await exportDay(east, 'json');
    const b = await exportDay(west, 'csv');
    const read = await summary([
      { fileName: a.filename, base64: a.base64 },
      { fileName: b.filename, base64: b.base64 },
    ]);
    expect(read.refused).toEqual([]);
    expect(read.sites.map((s) => s.orgUnitName)).toEqual(['区集中隔离点（城东）', '区集中隔离点（城西）']);
    const eastReport = await desk.call('reports.daily', { siteId: east.siteId, day: DAY });
    const westReport = await desk.call('reports.daily', { siteId: west.siteId, day: DAY });
    const totals = summaryTotals(read.sites);
    expect(totals.ISD_RESIDENTS_MIDNIGHT).toBe(
      eastReport.residentsAtMidnight + westReport.residentsAtMidnight,
    );
    expect(totals.ISD_ROOMS_TOTAL).toBe(eastReport.roomTotal + westReport.roomTotal);
    expect(totals.ISD_ADMISSIONS).toBe(4);
  });

  it('refuses another format version, a bad checksum, another day and a duplicate site, each with its reason', async () => {
    const file = await jsonOf(east);
    const west1 = await exportDay(west, 'json');
    const older = await jsonOf(west, '2026-11-28');
    const csv = await exportDay(east, 'csv');
    const tamperedCsv = decoded(csv).replace(/ISD_ADMISSIONS,2,/, 'ISD_ADMISSIONS,20,');
    expect(tamperedCsv).not.toBe(decoded(csv));
    const read = await summary([
      { fileName: 'east.json', base64: b64(JSON.stringify(file)) },
      edited(file, (f) => (f.formatVersion = 2)),
      edited(file, (f) => (f.dataValues[1]!.value = '7'), false),
      { fileName: 'east-tampered.csv', base64: b64(tamperedCsv) },
      { fileName: 'west-old.json', base64: b64(JSON.stringify(older)) },
      { fileName: 'east-again.csv', base64: csv.base64 },
      { fileName: 'west.json', base64: west1.base64 },
    ]);
    expect(read.sites.map((s) => s.fileName)).toEqual(['east.json', 'west.json']);
    expect(read.refused.map((r) => [r.fileName, r.reason, r.params])).toEqual([
      ['edited.json', 'format_version', { found: '2', expected: DAY_FILE_FORMAT }],
      ['edited.json', 'checksum', {}],
      ['east-tampered.csv', 'checksum', {}],
      ['west-old.json', 'other_day', { day: '2026-11-28', expected: DAY }],
      ['east-again.csv', 'duplicate_site', { site: '区集中隔离点（城东）', other: 'east.json' }],
    ]);
  });

  it('refuses what is not a day file: other types, foreign codes, broken JSON, wrong columns', async () => {
    const file = await jsonOf(east);
    const read = await summary([
      { fileName: 'report.xlsx', base64: b64('PK') },
      { fileName: 'broken.json', base64: b64('{"formatVersion": 1, ') },
      { fileName: 'array.json', base64: b64('[1,2,3]') },
      edited(file, (f) => (f.dataValues[0]!.dataElement = 'DROP_TABLE')),
      edited(file, (f) => (f.dataValues[0]!.value = '-3')),
      edited(file, (f) => (f.dataValues[0]!.orgUnit = 'SOTHER')),
      { fileName: 'list.csv', base64: b64('序号,姓名\n1,张三\n') },
      { fileName: 'binary.json', base64: b64(Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d])) },
    ]);
    expect(read.sites).toEqual([]);
    expect(read.day).toBeNull();
    expect(read.refused.map((r) => r.reason)).toEqual([
      'file_type',
      'not_day_file',
      'not_day_file',
      'not_day_file',
      'not_day_file',
      'not_day_file',
      'not_day_file',
      'unreadable',
    ]);
    expect(read.refused.at(-1)!.error).toMatchObject({ code: 'FILE_REFUSED', params: { reason: 'not_text' } });
  });

  it('refuses hostile sizes: a file past the import limit, too many values, too many files', async () => {
    const file = await jsonOf(east);
    const big = b64(' '.repeat(5 * 1024 * 1024 + 10) + JSON.stringify(file));
    const many = edited(file, (f) => {
      f.dataValues = Array.from({ length: 501 }, (_, i) => ({
        ...f.dataValues[0]!,
        dataElement: `ISD_ROUND_${(i % 99) + 1}_DUE`,
      }));
    });
    const longLine = `${DAY_CSV_COLUMNS.join(',')}\n${'x'.repeat(70_000)}\n`;
    // Nested 2 million deep within the size limit: parsed without a stack overflow, then refused.
    const deep = b64(`{"formatVersion":1,"x":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`);
    const read = await summary([
      { fileName: 'deep.json', base64: deep },
      { fileName: 'big.json', base64: big },
      many,
      { fileName: 'long.csv', base64: b64(longLine) },
    ]);
    expect(read.refused.map((r) => [r.reason, r.error?.code, r.error?.fields ?? r.error?.params])).toEqual([
      ['not_day_file', undefined, undefined],
      ['unreadable', 'INVALID_INPUT', { base64: 'file_too_large' }],
      ['not_day_file', undefined, undefined],
      ['unreadable', 'FILE_REFUSED', expect.objectContaining({ reason: 'csv_line_chars' })],
    ]);
    const tooMany = Array.from({ length: 61 }, (_, i) => ({ fileName: `${i}.json`, base64: b64('{}') }));
    expect(errorOf(await desk.invoke('reports.districtSummary', { files: tooMany }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('stores nothing: the summary leaves the database and the audit trail as they were', async () => {
    const a = await exportDay(east, 'json');
    const before = lastAuditId(desk.t);
    const changes = desk.t.ctx.db.prepare('SELECT total_changes() AS n').get();
    await summary([{ fileName: a.filename, base64: a.base64 }]);
    expect(lastAuditId(desk.t)).toBe(before);
    expect(desk.t.ctx.db.prepare('SELECT total_changes() AS n').get()).toEqual(changes);
  });
});
