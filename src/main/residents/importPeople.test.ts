import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportMapping, ImportPreview } from '../../shared/imports';
import type { ArrivalBatch } from '../../shared/people';
import { errorOf, lastAuditId } from '../testing/authTesting';
import {
  deskWithBatch,
  makeDesk,
  residentId,
  rows as dbRows,
  withWrongCheckChar,
  type Desk,
} from '../testing/peopleTesting';
import { countRows } from '../testing/tempDb';

const base64 = (bytes: Uint8Array | string) =>
  (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');

/** CSV text from rows of cells, quoted where needed, CRLF line ends. */
const csv = (lines: string[][]) =>
  lines
    .map((cells) =>
      cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','),
    )
    .join('\r\n') + '\r\n';

const HEADER = ['姓名', '性别', '出生日期', '身份证号', '手机', '类别', '同户', '备注'];

const ID_A = residentId('1990-01-02', 'male', 1);
const ID_B = residentId('1985-03-04', 'female', 2);
const ID_C = residentId('1952-12-31', 'male', 3);
const ID_D = residentId('2019-06-15', 'female', 4);

describe('arrivals.importPreview (through the router)', () => {
  let desk: Desk;
  let batch: ArrivalBatch;

  const preview = (fileName: string, data: string | Uint8Array, mapping?: ImportMapping) =>
    desk.invoke('arrivals.importPreview', {
      batchId: batch.id,
      fileName,
      base64: base64(data),
      ...(mapping ? { mapping } : {}),
    });
  const previewOk = async (
    fileName: string,
    data: string | Uint8Array,
    mapping?: ImportMapping,
  ): Promise<ImportPreview> => {
    const result = await preview(fileName, data, mapping);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const counts = () => ({
    people: countRows(desk.t.ctx, 'people'),
    stays: countRows(desk.t.ctx, 'stays'),
    audit: lastAuditId(desk.t),
  });
  const refusal = async (fileName: string, data: string | Uint8Array, mapping?: ImportMapping) => {
    const error = errorOf(await preview(fileName, data, mapping));
    return { code: error.code, fields: error.fields, params: error.params };
  };

  beforeEach(async () => {
    ({ desk, batch } = await deskWithBatch('Bus 1'));
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  it('reads a UTF-8 CSV with a BOM, quotes and line breaks in cells, and checks every row', async () => {
    const text =
      '\uFEFF' +
      csv([
        HEADER,
        ['张三', '男', '1990-01-02', ID_A, '139 1234 5678', '密接', '1', '备注, 含逗号'],
        [
          '李"四"',
          '女',
          '1985/3/4',
          ID_B.slice(0, 17) + ID_B[17]!.toLowerCase(),
          '',
          '次密接',
          '1',
          '第一行\r\n第二行',
        ],
        ['王五', '男', '19521231', ID_C, '+8613800000000', '中高风险地区来返', '', ''],
      ]);
    const before = counts();
    const result = await previewOk('名单.csv', text);
    expect(counts()).toEqual(before);
    expect(result.headers).toEqual(HEADER);
    expect(result.headerRow).toBe(1);
    expect(result.mapping).toEqual({
      fullName: 0,
      gender: 1,
      birthDate: 2,
      documentNumber: 3,
      phone: 4,
      category: 5,
      household: 6,
      notes: 7,
    });
    expect({ ok: result.ok, refused: result.refused }).toEqual({ ok: 3, refused: 0 });
    expect(result.rows.map((r) => [r.line, r.ok, r.reasons])).toEqual([
      [2, true, []],
      [3, true, []],
      [4, true, []],
    ]);
    expect(result.rows[0]!.person).toEqual({
      fullName: '张三',
      gender: 'male',
      birthDate: '1990-01-02',
      documentType: 'resident_id',
      documentNumber: ID_A,
      phone: '13912345678',
      category: 'close_contact',
      household: '1',
      pregnant: false,
      chronicIllness: false,
      disability: false,
      emergencyContact: '',
      emergencyPhone: '',
      notes: '备注, 含逗号',
      originPlace: '',
      registeredResidence: '',
      travel: '',
    });
    expect(result.rows[1]!.person).toMatchObject({
      fullName: '李"四"',
      birthDate: '1985-03-04',
      documentNumber: ID_B,
      category: 'secondary_contact',
      notes: '第一行\r\n第二行',
    });
    expect(result.rows[2]!.person).toMatchObject({
      birthDate: '1952-12-31',
      phone: '13800000000',
      category: 'high_risk_area',
    });
    expect(result.rows[2]!.person).not.toHaveProperty('household');
  });

  it('reads a GBK CSV, filling birth date and gender from the resident ID', async () => {
    const gbk = (hex: string) => Buffer.from(hex, 'hex');
    const comma = Buffer.from(',');
    const crlf = Buffer.from('\r\n');
    const bytes = Buffer.concat([
      gbk('d0d5c3fb'), // 姓名
      comma,
      gbk('c9edb7ddd6a4bac5'), // 身份证号
      comma,
      gbk('b1b8d7a2'), // 备注
      crlf,
      gbk('d5c5c8fd'), // 张三
      comma,
      Buffer.from(ID_A),
      comma,
      gbk('c3dcbdd3'), // 密接
      crlf,
      gbk('c0eecbc4'), // 李四
      comma,
      Buffer.from(ID_B),
      comma,
      crlf,
    ]);
    const result = await previewOk('list.CSV', bytes);
    expect(result.headers).toEqual(['姓名', '身份证号', '备注']);
    expect(result.mapping).toEqual({ fullName: 0, documentNumber: 1, notes: 2 });
    expect(result.rows.map((r) => r.person)).toEqual([
      expect.objectContaining({
        fullName: '张三',
        gender: 'male',
        birthDate: '1990-01-02',
        // No category column: other.
        category: 'other',
        notes: '密接',
      }),
      expect.objectContaining({ fullName: '李四', gender: 'female', birthDate: '1985-03-04' }),
    ]);
  });

  it('reads the first worksheet of an XLSX, finding the header row under a title', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    workbook.addWorksheet('说明').addRow(['not this one']);
    sheet.addRow(['崇川区 11 月 28 日密接人员名单']);
    sheet.mergeCells('A1:H1');
    sheet.addRow([
      'Name',
      'Gender',
      'Date of birth',
      'ID number',
      'Mobile',
      'Category',
      'Pregnant',
      'Last exposure',
    ]);
    sheet.addRow([
      { richText: [{ text: '赵' }, { text: '六' }] },
      'F',
      new Date(Date.UTC(1985, 2, 4)),
      ID_B,
      13912345678,
      'inbound',
      '是',
      new Date(Date.UTC(2026, 10, 27)),
    ]);
    sheet.addRow([]);
    sheet.addRow(['孙七', 'male', 32875, ID_A, '', 'Close contact', 'N', '2026/11/26']);
    sheet.addRow(['周八', '男', '1990-13-01', ID_C, '', '', '', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await previewOk('arrivals.xlsx', bytes);
    expect(result.headerRow).toBe(2);
    expect(result.headers).toHaveLength(8);
    expect(result.rows.map((r) => r.line)).toEqual([3, 5, 6]);
    expect(result.rows[0]!.person).toMatchObject({
      fullName: '赵六',
      gender: 'female',
      birthDate: '1985-03-04',
      phone: '13912345678',
      category: 'inbound',
      pregnant: true,
      lastExposureDate: '2026-11-27',
    });
    expect(result.rows[1]!.person).toMatchObject({
      fullName: '孙七',
      birthDate: '1990-01-02',
      category: 'close_contact',
      pregnant: false,
      lastExposureDate: '2026-11-26',
    });
    expect(result.rows[2]).toEqual({
      line: 6,
      label: '6',
      name: '周八',
      ok: false,
      reasons: [{ field: 'birthDate', code: 'date_value' }],
    });
  });

  it('reports every bad row with its spreadsheet row number and reasons', async () => {
    const text = csv([
      HEADER,
      ['张三', '男', '1990-01-02', ID_A, '', '密接', '', ''],
      ['李四', '女', '1985-03-04', withWrongCheckChar(ID_B), '', '密接', '', ''],
      ['王五', '男', '', ID_C, '', '', '', ''],
      ['赵六', '未知', '2019-06-15', ID_D, '', '密接', '', ''],
      ['', '女', '1985-03-05', '3.20602E+17', '1234', '隔壁', '', ''],
      ['孙七', '女', '1990-01-02', residentId('1990-01-02', 'male', 7), '', '', '', ''],
    ]);
    const result = await previewOk('bad.csv', text);
    expect({ ok: result.ok, refused: result.refused }).toEqual({ ok: 2, refused: 4 });
    expect(result.rows.filter((r) => !r.ok)).toEqual([
      {
        line: 3,
        label: '3',
        name: '李四',
        ok: false,
        reasons: [{ field: 'documentNumber', code: 'id_check_digit' }],
      },
      {
        line: 5,
        label: '5',
        name: '赵六',
        ok: false,
        reasons: [{ field: 'gender', code: 'gender_value' }],
      },
      {
        line: 6,
        label: '6',
        name: '',
        ok: false,
        reasons: [
          { field: 'fullName', code: 'required' },
          { field: 'documentNumber', code: 'id_scientific' },
          { field: 'phone', code: 'mobile_format' },
          { field: 'category', code: 'category_value' },
        ],
      },
      {
        line: 7,
        label: '7',
        name: '孙七',
        ok: false,
        reasons: [{ field: 'gender', code: 'id_gender_mismatch' }],
      },
    ]);
    // Row 4 has no birth date: the ID gives it; an empty category is `other`.
    expect(result.rows[2]!.person).toMatchObject({ birthDate: '1952-12-31', category: 'other' });
  });

  it('refuses a birth date after today, or one it cannot believe, on a passport row (no ID to compare with)', async () => {
    const text = csv([
      ['姓名', '性别', '出生日期', '证件类型', '证件号码'],
      ['Anna', '女', '2026-11-30', '护照', 'E1234567'],
      ['Old', '男', '1899-12-31', '护照', 'E7654321'],
      ['Baby', '女', '2026-11-29', '护照', 'E1111111'],
    ]);
    const result = await previewOk('passports.csv', text);
    expect(result.rows.map((r) => (r.ok ? 'ok' : r.reasons))).toEqual([
      [{ field: 'birthDate', code: 'date_in_future' }],
      [{ field: 'birthDate', code: 'date_value' }],
      'ok',
    ]);
  });

  it('keeps the first row that names a document and refuses each later one, naming it; and a person who already has an open stay', async () => {
    const text = csv([
      ['姓名', '性别', '出生日期', '证件类型', '证件号码'],
      ['张三', '男', '', '身份证', ID_A],
      ['李四', '男', '1980-01-01', '护照', 'e1234567'],
      ['张三', '', '', '居民身份证', ` ${ID_A} `],
      ['Li Si', 'M', '1980-01-01', 'passport', 'E1234567'],
      ['王五', '男', '1980-01-01', '港澳通行证', 'e1234567'],
      ['赵六', '男', '1980-01-01', '驾照', 'X1'],
    ]);
    const result = await previewOk('dupes.csv', text);
    expect(result.rows.map((r) => [r.line, r.reasons])).toEqual([
      [2, []],
      [3, []],
      [
        4,
        [
          {
            field: 'documentNumber',
            code: 'duplicate_in_file',
            params: { line: 2, name: '张三' },
          },
        ],
      ],
      [
        5,
        [
          {
            field: 'documentNumber',
            code: 'duplicate_in_file',
            params: { line: 3, name: '李四' },
          },
        ],
      ],
      // A permit is another document, even with the same number.
      [6, []],
      [7, [expect.objectContaining({ field: 'documentType', code: 'document_type_value' })]],
    ]);

    const once = csv([HEADER, ['张三', '男', '', ID_A, '', '', '', '']]);
    const first = await previewOk('once.csv', once);
    await desk.call('arrivals.register', { batchId: batch.id, people: [first.rows[0]!.person!] });
    const again = await previewOk('once.csv', once);
    expect(again.rows[0]).toEqual({
      line: 2,
      label: '2',
      name: '张三',
      ok: false,
      reasons: [{ field: 'documentNumber', code: 'open_stay' }],
    });
  });

  it('uses the mapping it is given, and refuses a column the file does not have', async () => {
    const text = csv([
      ['A', 'B', 'C', 'D'],
      ['张三', ID_A, '女', '备注'],
    ]);
    const guessed = await previewOk('m.csv', text);
    expect(guessed.mapping).toEqual({});
    expect(guessed.rows[0]!.reasons.map((e) => [e.field, e.code])).toEqual([
      // No gender or birth date asked for: the (missing) resident ID would give them.
      ['fullName', 'required'],
      ['documentNumber', 'required'],
    ]);

    const mapped = await previewOk('m.csv', text, { fullName: 0, documentNumber: 1, notes: 3 });
    expect(mapped.rows[0]!.person).toMatchObject({
      fullName: '张三',
      gender: 'male',
      notes: '备注',
    });
    // With the gender column mapped, the file's 女 disagrees with the ID.
    const withGender = await previewOk('m.csv', text, {
      fullName: 0,
      documentNumber: 1,
      gender: 2,
    });
    expect(withGender.rows[0]!.reasons).toEqual([{ field: 'gender', code: 'id_gender_mismatch' }]);

    expect(await refusal('m.csv', text, { fullName: 0, notes: 4 })).toEqual({
      code: 'INVALID_INPUT',
      fields: { 'mapping.notes': 'too_big' },
      params: {},
    });
    // A negative column never reaches the service: the contract refuses it.
    expect(await refusal('m.csv', text, { fullName: -1 })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'mapping.fullName': 'too_small' },
    });
  });

  it('refuses files it cannot read, with a reason for each', async () => {
    expect(await refusal('list.xls', 'a,b\n')).toMatchObject({ fields: { fileName: 'file_type' } });
    expect(await refusal('list.xlsx', Buffer.from('504b0304deadbeef', 'hex'))).toEqual({
      code: 'FILE_REFUSED',
      params: { reason: 'zip_damaged' },
    });
    expect(await refusal('list.csv', Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toMatchObject({
      fields: { fileName: 'file_xls' },
    });
    expect(await refusal('list.csv', '')).toMatchObject({ fields: { base64: 'file_empty' } });
    expect(await refusal('list.csv', '姓名,身份证号\r\n,\r\n')).toMatchObject({
      fields: { base64: 'file_empty' },
    });
    expect(await refusal('list.csv', '姓名,备注\r\n张三,"open\r\n')).toEqual({
      code: 'INVALID_INPUT',
      fields: { base64: 'csv_quote' },
      params: { row: 2 },
    });
    const many = csv([HEADER, ...Array.from({ length: 501 }, (_, i) => [`P${i}`])]);
    expect(await refusal('many.csv', many)).toEqual({
      code: 'INVALID_INPUT',
      fields: { base64: 'too_many_rows' },
      params: { max: 500, count: 501 },
    });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x41);
    expect(await refusal('big.csv', big)).toMatchObject({ fields: { base64: 'file_too_large' } });
    const missing = errorOf(
      await desk.invoke('arrivals.importPreview', {
        batchId: 9999,
        fileName: 'a.csv',
        base64: base64('a'),
      }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    const viewer = makeDesk(['viewer']);
    try {
      expect(
        errorOf(
          await viewer.invoke('arrivals.importPreview', {
            batchId: batch.id,
            fileName: 'a.csv',
            base64: base64('a'),
          }),
        ).code,
      ).toBe('FORBIDDEN');
    } finally {
      viewer.t.close();
    }
  });

  describe('then registering', () => {
    const file = () =>
      csv([
        HEADER,
        ['张三', '男', '1990-01-02', ID_A, '13912345678', '密接', '1', ''],
        ['李四', '女', '1985-03-04', withWrongCheckChar(ID_B), '', '密接', '1', ''],
        ['王五', '男', '1952-12-31', ID_C, '', '次密接', '', '高血压'],
        ['赵六', '未知', '2019-06-15', ID_D, '', '密接', '', ''],
      ]);

    it('with the valid rows only writes exactly the valid people', async () => {
      const result = await previewOk('list.csv', file());
      const valid = result.rows.flatMap((r) => (r.ok ? [r.person!] : []));
      expect(valid.map((p) => p.fullName)).toEqual(['张三', '王五']);
      const members = await desk.call('arrivals.register', { batchId: batch.id, people: valid });
      expect(members.map((m) => [m.fullName, m.category, m.household])).toEqual([
        ['张三', 'close_contact', '1'],
        ['王五', 'secondary_contact', null],
      ]);
      expect(
        dbRows(desk.t.ctx.db, 'SELECT full_name, document_number, notes FROM people ORDER BY id'),
      ).toEqual([
        { full_name: '张三', document_number: ID_A, notes: '' },
        { full_name: '王五', document_number: ID_C, notes: '高血压' },
      ]);
      expect(countRows(desk.t.ctx, 'stays')).toBe(2);
    });

    it('with every row is refused and writes nothing', async () => {
      const result = await previewOk('list.csv', file());
      // Rows 2–4 as the file has them: the bad check digit passes the schema, so a caller can send
      // it, and main refuses the whole call.
      const [zhang, , wang] = result.rows.map((r) => r.person);
      const li = {
        fullName: '李四',
        gender: 'female' as const,
        birthDate: '1985-03-04',
        documentType: 'resident_id' as const,
        documentNumber: withWrongCheckChar(ID_B),
        category: 'close_contact' as const,
        household: '1',
      };
      const all = [zhang!, li, wang!];
      const before = counts();
      const error = errorOf(
        await desk.invoke('arrivals.register', { batchId: batch.id, people: all }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields).toEqual({ 'people.1.documentNumber': 'id_check_digit' });
      expect(counts()).toEqual(before);
      expect(before).toMatchObject({ people: 0, stays: 0 });
    });
  });
});
