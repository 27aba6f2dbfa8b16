import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import type { Language } from '../../shared/domain';
import type { StaffImportPreview } from '../../shared/roster';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { makeDesk, type Desk } from '../testing/peopleTesting';
import { STAFF_LIST, staffListCsv, staffListXlsx } from '../testing/staffListFixture';
import { rowsBomb, SHEET, workbook } from '../testing/hostileFiles/parts';
import { sheetXml } from '../testing/hostileFiles/zip';
import { countRows } from '../testing/tempDb';
import { mobileOf, skillsOf } from './staffListColumns';

const base64 = (data: string | Uint8Array) =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

const csv = (lines: string[][]) => lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';

describe('staff list import (through the router)', () => {
  let desk: Desk;

  beforeEach(() => {
    desk = makeDesk(['coordinator']);
  });
  afterEach(() => desk.t.close());

  const preview = (fileName: string, data: string | Uint8Array) =>
    desk.invoke('staff.importPreview', { fileName, base64: base64(data) });
  const previewOk = async (fileName: string, data: string | Uint8Array) => {
    const result = await preview(fileName, data);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  /** What the dialog sends: every row the preview passed. */
  const chosen = (p: StaffImportPreview): MethodInput<'staff.import'>['rows'] =>
    p.rows.flatMap((r) => (r.staff ? [{ line: r.line, ...r.staff }] : []));

  /** The list person by person as it went in: what the paper says, for the rows not refused. */
  async function expectImported(p: StaffImportPreview) {
    const sound = STAFF_LIST.filter((l) => !l.refused);
    expect(p.labels).toBe('serial');
    expect(p.ok).toBe(sound.length);
    expect(p.refused).toBe(STAFF_LIST.length - sound.length);
    expect(p.ignoredColumns).toEqual([]);
    // 序号 labels every row; the file line is two below it (a title line, then the header).
    expect(p.rows.map((r) => [r.label, r.line, r.name])).toEqual(
      STAFF_LIST.map((l) => [String(l.serial), l.serial + 2, l.name]),
    );
    const before = lastAuditId(desk.t);
    const created = await desk.call('staff.import', { rows: chosen(p) });
    expect(created).toHaveLength(sound.length);
    const staff = await desk.call('staff.list', { includeInactive: true });
    expect(staff).toHaveLength(sound.length);
    const byName = new Map(staff.map((s) => [s.fullName, s]));
    for (const l of sound) {
      const mobile = mobileOf(l.mobile);
      expect(byName.get(l.name), l.name).toEqual({
        id: expect.any(Number) as number,
        fullName: l.name,
        role: l.meant,
        unit: l.unit,
        phoneMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
        skills: skillsOf(l.skills),
        maxHoursWeek: l.hours ? Number.parseInt(l.hours, 10) : 48,
        active: true,
      });
    }
    const stored = desk.t.ctx.db
      .prepare<[], { full_name: string; phone: string }>('SELECT full_name, phone FROM staff')
      .all();
    for (const l of sound)
      expect(stored.find((s) => s.full_name === l.name)?.phone).toBe(mobileOf(l.mobile));
    // One transaction: every created row is in the audit trail under the one call.
    const audited = auditRows(desk.t, before).filter((a) => a.entity === 'staff');
    expect(audited).toHaveLength(sound.length);
    expect(new Set(audited.map((a) => a.method))).toEqual(new Set(['staff.import']));
  }

  function expectRefusals(p: StaffImportPreview) {
    const rowOf = (serial: number) => p.rows.find((r) => r.label === String(serial))!;
    const refused = STAFF_LIST.flatMap((l) => (l.refused ? [{ ...l, refused: l.refused }] : []));
    expect(p.rows.filter((r) => !r.ok).map((r) => r.label)).toEqual(
      refused.map((l) => String(l.serial)),
    );
    for (const l of refused) {
      const row = rowOf(l.serial);
      expect(row.staff).toBeUndefined();
      if (l.refused === 'bad_mobile')
        expect(row.reasons).toEqual([{ field: 'phone', code: 'mobile_format' }]);
      else {
        const { sameMobileAs } = l.refused;
        const first = STAFF_LIST.find((f) => f.serial === sameMobileAs)!;
        // The first row keeps the number; the later one names it by its 序号 and name.
        expect(rowOf(first.serial).ok).toBe(true);
        expect(row.reasons).toEqual([
          {
            field: 'phone',
            code: 'mobile_in_file',
            params: { row: String(first.serial), name: first.name },
          },
        ]);
      }
    }
  }

  it('a CSV list of 26 for seven posts: roles in their own words, 序号, one bad mobile, one repeated', async () => {
    const p = await previewOk('工作人员名单.csv', staffListCsv());
    expect(countRows(desk.t.ctx, 'staff')).toBe(0);
    expectRefusals(p);
    await expectImported(p);
  });

  it('the same list as an Excel workbook with numbers typed as numbers', async () => {
    const p = await previewOk('工作人员名单.xlsx', await staffListXlsx());
    expectRefusals(p);
    await expectImported(p);
  });

  it('a mobile already on staff is refused naming who has it; an unknown role names the word', async () => {
    await desk.call('staff.create', {
      fullName: '刘浩',
      role: 'coordinator',
      phone: '13962810101',
    });
    const p = await previewOk(
      '名单.csv',
      csv([
        ['姓名', '职务', '电话', '每周工时'],
        ['陈志刚', '医生', '139 6281 0101', '40'],
        ['钱锁梅', '宣传员', '13962810199', '40'],
        ['谭真', '护士', '', '200'],
        ['', '护士', '13962810198', ''],
      ]),
    );
    expect(p.labels).toBe('line');
    expect(p.rows.map((r) => [r.label, r.ok, r.reasons])).toEqual([
      ['2', false, [{ field: 'phone', code: 'mobile_on_staff', params: { name: '刘浩' } }]],
      ['3', false, [{ field: 'role', code: 'staff_role_value', params: { value: '宣传员' } }]],
      ['4', false, [{ field: 'maxHoursWeek', code: 'max_hours_value' }]],
      ['5', false, [{ field: 'fullName', code: 'required' }]],
    ]);
  });

  it('columns it does not read are listed; a list without a role column is refused whole', async () => {
    const p = await previewOk(
      'list.csv',
      csv([
        ['No.', 'Name', 'Role', 'Unit', 'Mobile', '身份证号', '备注'],
        ['1', '周建国', 'Security / police', '城东街道派出所', '13962810106', 'x', '夜班优先'],
      ]),
    );
    expect(p.ignoredColumns).toEqual(['身份证号', '备注']);
    expect(p.rows[0]).toMatchObject({ label: '1', ok: true, staff: { role: 'security' } });

    const error = errorOf(
      await preview(
        '名单.csv',
        csv([
          ['姓名', '单位'],
          ['陈志刚', '卫健委'],
        ]),
      ),
    );
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { base64: 'staff_columns_missing' },
    });
    const notAList = errorOf(await preview('名单.txt', '姓名,岗位\r\n陈志刚,医生\r\n'));
    expect(notAList.fields).toEqual({ fileName: 'file_type' });
  });

  it('staff.import creates every row or none: a mobile taken meanwhile refuses the whole list', async () => {
    const p = await previewOk('工作人员名单.csv', staffListCsv());
    const rows = chosen(p);
    // Someone adds a staff member with the 10th row's mobile after the preview.
    await desk.call('staff.create', {
      fullName: '刘浩',
      role: 'coordinator',
      phone: rows[9]!.phone,
    });
    const before = lastAuditId(desk.t);
    const error = errorOf(await desk.invoke('staff.import', { rows }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'rows.9.phone': 'mobile_on_staff' },
      params: { lines: String(rows[9]!.line) },
    });
    expect(countRows(desk.t.ctx, 'staff')).toBe(1);
    expect(auditRows(desk.t, before).filter((a) => a.entity === 'staff')).toEqual([]);
    // Two chosen rows with one mobile: refused too (the second names the first).
    const twice = errorOf(
      await desk.invoke('staff.import', {
        rows: [rows[0]!, { ...rows[1]!, phone: rows[0]!.phone }],
      }),
    );
    expect(twice.fields).toEqual({ 'rows.1.phone': 'mobile_in_file' });
    expect(countRows(desk.t.ctx, 'staff')).toBe(1);
  });

  it('a hostile file is refused with its reason before it is parsed, keeping nothing', async () => {
    const files: [string, Buffer, string][] = [
      ['bomb.xlsx', workbook({ [SHEET]: { deflated: await rowsBomb() } }), 'zip_total_mb'],
      [
        'deep.xlsx',
        workbook({ [SHEET]: { content: sheetXml('<a>'.repeat(100_000)) } }),
        'xml_depth',
      ],
      ['wide.csv', Buffer.from(`姓名${',医生'.repeat(200_000)}\r\n`), 'columns'],
    ];
    const before = lastAuditId(desk.t);
    for (const [fileName, bytes, reason] of files) {
      const error = errorOf(await preview(fileName, bytes));
      expect([fileName, error.code, error.params?.reason]).toEqual([
        fileName,
        'FILE_REFUSED',
        reason,
      ]);
    }
    expect(countRows(desk.t.ctx, 'staff')).toBe(0);
    expect(lastAuditId(desk.t)).toBe(before);
    // More staff than one import takes: refused whole, saying how many.
    const many = Array.from({ length: 501 }, (_, i) => [`人员${i}`, '保安', '']);
    const tooMany = errorOf(await preview('名单.csv', csv([['姓名', '岗位', '手机'], ...many])));
    expect(tooMany).toMatchObject({
      fields: { base64: 'too_many_rows' },
      params: { max: 500, count: 501 },
    });
  });

  it('a viewer may not preview, import or fetch the template', async () => {
    const viewer = makeDesk(['viewer']);
    try {
      const entry = { fullName: '陈志刚', role: 'doctor' as const, phone: '13962810101' };
      for (const result of [
        await viewer.invoke('staff.importPreview', {
          fileName: '名单.csv',
          base64: base64(staffListCsv()),
        }),
        await viewer.invoke('staff.import', { rows: [{ line: 3, ...entry }] }),
        await viewer.invoke('staff.importTemplate', {}),
      ])
        expect(errorOf(result).code).toBe('FORBIDDEN');
      expect(countRows(viewer.t.ctx, 'staff')).toBe(0);
    } finally {
      viewer.t.close();
    }
  });

  it.each<[Language, string]>([
    ['zh-CN', '人员名单模板.xlsx'],
    ['en', 'staff-list-template.xlsx'],
  ])(
    'the %s template reads back through the preview with both example rows sound',
    async (language, filename) => {
      await desk.call('settings.setLanguage', { language });
      const file = await desk.call('staff.importTemplate', {});
      expect(file.filename).toBe(filename);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.rowCount).toBe(3);
      const p = await previewOk(file.filename, Buffer.from(file.base64, 'base64'));
      expect(p.labels).toBe('serial');
      expect(p.rows.map((r) => [r.label, r.ok, r.staff?.role])).toEqual([
        ['1', true, 'doctor'],
        ['2', true, 'community'],
      ]);
    },
  );
});
