import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_DOMAINS } from '../../shared/privacy';
import { errorOf, sessionFor, tableNames } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  deskOver,
  makeDesk,
  person,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { ARCHIVE, NOT_ARCHIVED } from './archiveDomains';
import { archiveWorkbook } from './archiveWorkbook';
import { PLAIN } from '../testing/archiveTesting';

async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as objects keyed by the header labels. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe('archive export (one workbook per domain)', () => {
  let desk: Desk;
  let site: BuiltSite;
  const documentNumber = '110101199003074514';

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      { level: 1, rooms: [{ number: 'P-101', capacity: 1, type: 'single' }] },
    ]);
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
      arrivedAt: TEST_NOW.toISOString(),
    });
    const [stay] = await checkInto(desk, batch.id, site, [
      [person({ fullName: '张档案', documentNumber, birthDate: '1990-03-07' }), 'P-101'],
    ]);
    await desk.call('readings.record', {
      stayId: stay!.stayId,
      day: '2026-11-29',
      slot: 1,
      temperature: 36.8,
      expectedVersion: 0,
    });
  });
  afterEach(() => desk.t.close());

  it('places every table of the database in a domain (or says why not)', () => {
    const placed = Object.values(ARCHIVE).flatMap((d) => d.sheets.map((s) => s.table));
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed, ...NOT_ARCHIVED].sort()).toEqual(tableNames(desk.t).sort());
  });

  it('writes the people workbook: Chinese sheets, frozen headers, typed cells, numbers in full; audited', async () => {
    const file = await desk.call('archive.export', { domain: 'people', protection: PLAIN });
    expect(file.filename).toBe('隔离点归档_人员与入住_2026-11-29.xlsx');
    const workbook = await workbookOf(file.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '人员',
      '入住记录',
      '入住事件',
      '到达批次',
      '来源街道社区',
    ]);
    const people = workbook.getWorksheet('人员')!;
    expect(people.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const [row] = rowsOf(people);
    expect(row).toMatchObject({ 姓名: '张档案', 证件号码: documentNumber, 孕妇: false });
    // Days and instants are dates (instants on the site's clock, UTC+8), ids are numbers.
    expect(row!['出生日期']).toEqual(new Date('1990-03-07T00:00:00Z'));
    expect(row!['创建时间']).toEqual(new Date('2026-11-29T16:00:00Z'));
    expect(typeof row!['编号']).toBe('number');
    const header = (people.getRow(1).values as unknown[]).slice(1);
    const cell = (label: string) => people.getRow(2).getCell(header.indexOf(label) + 1);
    expect(cell('创建时间').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell('出生日期').numFmt).toBe('yyyy-mm-dd');

    const audit = desk.t.ctx.db
      .prepare("SELECT outcome, detail FROM audit_log WHERE method = 'archive.export'")
      .all() as { outcome: string; detail: string }[];
    expect(audit).toEqual([
      {
        outcome: 'ok',
        detail: expect.stringMatching(
          /^people: archive with full personal numbers as a plain workbook: the administrator chose to protect the file themselves; people 1, /,
        ),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(documentNumber);
    expect((await desk.call('privacy.purgePreview', {})).lastArchive).toEqual({
      people: TEST_NOW.toISOString(),
    });
  });

  it('writes temperatures in °C and leaves password hashes out of the accounts sheet', async () => {
    const health = await workbookOf(
      (await desk.call('archive.export', { domain: 'health', protection: PLAIN })).base64,
    );
    expect(rowsOf(health.getWorksheet('体温记录')!)[0]).toMatchObject({ '体温 (℃)': 36.8 });
    const audit = await workbookOf(
      (await desk.call('archive.export', { domain: 'audit', protection: PLAIN })).base64,
    );
    const header = audit.getWorksheet('账户')!.getRow(1).values as unknown[];
    expect(header).toContain('用户名');
    expect(header).not.toContain('password_hash');
    for (const domain of ARCHIVE_DOMAINS) {
      const book = await workbookOf(
        (await desk.call('archive.export', { domain, protection: PLAIN })).base64,
      );
      expect(book.worksheets.length, domain).toBe(ARCHIVE[domain].sheets.length);
    }
  });

  it('continues a long table on a second sheet', async () => {
    const { buffer, sheets, rows } = await archiveWorkbook(
      desk.t.ctx.db,
      [{ table: 'origins', sheet: '来源街道社区' }],
      10,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(rows).toBe(23);
    expect(sheets).toBe(3);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '来源街道社区',
      '来源街道社区 2',
      '来源街道社区 3',
    ]);
    expect(book.worksheets.map((s) => s.rowCount)).toEqual([11, 11, 4]);
  });

  it('refuses an administrator who may not reveal personal numbers, and audits the refusal', async () => {
    const admin = deskOver(desk.t, ['administrator'], 'plainadmin');
    admin.handle = sessionFor(admin.tr, admin.userId);
    const error = errorOf(
      await admin.invoke('archive.export', { domain: 'people', protection: PLAIN }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', params: { permission: 'personal.reveal' } });
    expect(
      desk.t.ctx.db
        .prepare("SELECT username, outcome, detail FROM audit_log WHERE method = 'archive.export'")
        .all(),
    ).toEqual([
      { username: 'plainadmin', outcome: 'denied', detail: 'people: needs personal.reveal' },
    ]);
    const coordinator = deskOver(desk.t, ['coordinator'], 'coord');
    expect(
      errorOf(await coordinator.invoke('archive.export', { domain: 'people', protection: PLAIN }))
        .code,
    ).toBe('FORBIDDEN');
  });
});
