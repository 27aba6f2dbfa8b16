import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportPreview } from '../../shared/imports';
import type { ArrivalBatch } from '../../shared/people';
import { errorOf } from '../testing/authTesting';
import {
  deskWithBatch,
  residentId,
  rows as dbRows,
  withWrongCheckChar,
  type Desk,
} from '../testing/peopleTesting';

/*
 * The list a district sends with a bus, as it comes: its own 序号 column, no birth-date column,
 * passport and permit holders, a number typed twice, a bad check digit, and columns the desk keeps
 * (来源街道, 户籍地, 车次/航班, 联系人) beside ones it does not (健康码, 核酸检测结果).
 */
const HEADER = [
  '序号',
  '姓名',
  '性别',
  '证件类型',
  '证件号码',
  '联系电话',
  '来源街道',
  '户籍地',
  '车次/航班',
  '人员类别',
  '末次接触时间',
  '联系人',
  '联系人电话',
  '健康码',
  '核酸检测结果',
  '备注',
];
const WANG = residentId('1958-03-02', 'male', 11);
const GUO = residentId('1990-07-15', 'male', 12);
const QIAN = withWrongCheckChar(residentId('1975-10-08', 'female', 13));
const LIST: string[][] = [
  [
    '1',
    '王允俊',
    '男',
    '身份证',
    WANG,
    '13962900001',
    '和平桥街道',
    '江苏省南通市崇川区',
    'G7012',
    '密接',
    '2026-11-27',
    '王静',
    '13862900001',
    '绿码',
    '阴性',
    '',
  ],
  [
    '2',
    '郭文杰',
    '男',
    '身份证',
    GUO,
    '13962900002',
    '城东街道',
    '江苏省南通市',
    'G7012',
    '密接',
    '2026-11-27',
    '郭敏',
    '138 6290 0002',
    '绿码',
    '阴性',
    '',
  ],
  [
    '3',
    'John Smith',
    '男',
    '护照',
    'E12345678',
    '',
    '虹桥街道',
    '',
    'MU5112',
    '入境人员',
    '2026-11-26',
    '',
    '',
    '黄码',
    '待检',
    '英国籍',
  ],
  [
    '4',
    '钱锁梅',
    '女',
    '身份证',
    QIAN,
    '13962900004',
    '学田街道',
    '',
    'G7012',
    '次密接',
    '',
    '',
    '',
    '绿码',
    '阴性',
    '',
  ],
  [
    '5',
    '王允俊',
    '男',
    '居民身份证',
    WANG,
    '13962900001',
    '和平桥街道',
    '',
    'G7012',
    '密接',
    '',
    '',
    '',
    '绿码',
    '阴性',
    '重复登记',
  ],
  [
    '6',
    '陈美玲',
    '女',
    '港澳通行证',
    'H01234567',
    '',
    '钟秀街道',
    '香港',
    'CZ3502',
    '入境人员',
    '',
    '陈大文',
    '13773600006',
    '绿码',
    '阴性',
    '',
  ],
];

const csv = (lines: string[][]) => lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';

/** The same list as the district's Excel file: a title row above the header. */
async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('转运名单');
  sheet.addRow(['崇川区 11 月 28 日转运人员名单（第 3 车）']);
  sheet.mergeCells('A1:P1');
  sheet.addRow(HEADER);
  // Excel writes 序号 as numbers.
  for (const line of LIST) sheet.addRow([Number(line[0]), ...line.slice(1)]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const base64 = (data: string | Uint8Array) =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

describe('a district arrivals list imported as it comes', () => {
  let desk: Desk;
  let batch: ArrivalBatch;
  const preview = async (fileName: string, data: string | Uint8Array): Promise<ImportPreview> =>
    desk.call('arrivals.importPreview', { batchId: batch.id, fileName, base64: base64(data) });

  beforeEach(async () => {
    ({ desk, batch } = await deskWithBatch('第 3 车'));
  });
  afterEach(() => desk.t.close());

  const files = [
    { kind: 'CSV', fileName: '转运名单.csv', data: async () => csv([HEADER, ...LIST]), first: 2 },
    { kind: 'XLSX', fileName: '转运名单.xlsx', data: xlsx, first: 3 },
  ];

  describe.each(files)('as $kind', ({ fileName, data, first }) => {
    /** The file line of the list's n-th person. */
    const line = (n: number) => first + n - 1;

    it('labels every row with its 序号 and name, and refuses only the later duplicate and the bad ID', async () => {
      const result = await preview(fileName, await data());
      expect(result.serialColumn).toBe(0);
      expect(result.labels).toBe('serial');
      expect(result.rows.map((r) => [r.line, r.label, r.name, r.ok])).toEqual(
        LIST.map((cells, i) => [line(i + 1), cells[0], cells[1], ![3, 4].includes(i)]),
      );
      // 钱锁梅: the check digit alone, no "birth date required" besides.
      expect(result.rows[3]!.reasons).toEqual([
        { field: 'documentNumber', code: 'id_check_digit' },
      ]);
      // The second 王允俊 repeats the first, which is kept.
      expect(result.rows[4]!.reasons).toEqual([
        {
          field: 'documentNumber',
          code: 'duplicate_in_file_serial',
          params: { line: line(1), serial: '1', name: '王允俊' },
        },
      ]);
      expect({ ok: result.ok, refused: result.refused }).toEqual({ ok: 4, refused: 2 });
    });

    it('maps the columns that fit a person and lists the others as not imported', async () => {
      const result = await preview(fileName, await data());
      const column = (header: string) => HEADER.indexOf(header);
      expect(result.mapping).toEqual({
        fullName: column('姓名'),
        gender: column('性别'),
        documentType: column('证件类型'),
        documentNumber: column('证件号码'),
        phone: column('联系电话'),
        originPlace: column('来源街道'),
        registeredResidence: column('户籍地'),
        travel: column('车次/航班'),
        category: column('人员类别'),
        lastExposureDate: column('末次接触时间'),
        emergencyContact: column('联系人'),
        emergencyPhone: column('联系人电话'),
        notes: column('备注'),
      });
      expect(result.ignoredColumns).toEqual(['健康码', '核酸检测结果']);
    });

    it('registers passport and permit holders with the birth date unknown, and keeps the new details', async () => {
      const result = await preview(fileName, await data());
      const people = result.rows.flatMap((r) => (r.person ? [r.person] : []));
      await desk.call('arrivals.register', { batchId: batch.id, people });
      const stored = dbRows<Record<string, unknown>>(
        desk.t.ctx.db,
        `SELECT full_name, birth_date, document_type, origin_place, registered_residence, travel,
                emergency_contact, emergency_phone FROM people ORDER BY id`,
      );
      expect(stored).toEqual([
        {
          full_name: '王允俊',
          birth_date: '1958-03-02',
          document_type: 'resident_id',
          origin_place: '和平桥街道',
          registered_residence: '江苏省南通市崇川区',
          travel: 'G7012',
          emergency_contact: '王静',
          emergency_phone: '13862900001',
        },
        {
          full_name: '郭文杰',
          birth_date: '1990-07-15',
          document_type: 'resident_id',
          origin_place: '城东街道',
          registered_residence: '江苏省南通市',
          travel: 'G7012',
          emergency_contact: '郭敏',
          emergency_phone: '13862900002',
        },
        {
          full_name: 'John Smith',
          birth_date: null,
          document_type: 'passport',
          origin_place: '虹桥街道',
          registered_residence: '',
          travel: 'MU5112',
          emergency_contact: '',
          emergency_phone: '',
        },
        {
          full_name: '陈美玲',
          birth_date: null,
          document_type: 'hk_macau_permit',
          origin_place: '钟秀街道',
          registered_residence: '香港',
          travel: 'CZ3502',
          emergency_contact: '陈大文',
          emergency_phone: '13773600006',
        },
      ]);
      const members = await desk.call('arrivals.members', { batchId: batch.id });
      expect(members.map((m) => [m.fullName, m.age, m.vulnerable])).toEqual([
        ['王允俊', 68, ['elderly']],
        ['郭文杰', 36, []],
        ['John Smith', null, []],
        ['陈美玲', null, []],
      ]);

      // Imported again: everyone registered already has an open stay.
      const again = await preview(fileName, await data());
      expect(again.rows.map((r) => r.reasons.map((e) => e.code))).toEqual([
        ['open_stay'],
        ['open_stay'],
        ['open_stay'],
        ['id_check_digit'],
        ['duplicate_in_file_serial'],
        ['open_stay'],
      ]);
    });
  });

  it('labels rows by file line when the list has no 序号, naming the earlier row by name', async () => {
    const result = await preview(
      '名单.csv',
      csv([HEADER.slice(1), ...LIST.map((cells) => cells.slice(1))]),
    );
    expect(result.serialColumn).toBeNull();
    expect(result.labels).toBe('line');
    expect(result.rows.map((r) => r.label)).toEqual(LIST.map((_, i) => String(i + 2)));
    expect(result.rows[4]!.reasons).toEqual([
      {
        field: 'documentNumber',
        code: 'duplicate_in_file',
        params: { line: 2, name: '王允俊' },
      },
    ]);
  });

  describe('people.setBirthDate', () => {
    const registerList = async () => {
      const result = await preview('转运名单.csv', csv([HEADER, ...LIST]));
      const people = result.rows.flatMap((r) => (r.person ? [r.person] : []));
      await desk.call('arrivals.register', { batchId: batch.id, people });
      const id = (name: string) =>
        dbRows<{ id: number }>(desk.t.ctx.db, 'SELECT id FROM people WHERE full_name = ?', name)[0]!
          .id;
      return { john: id('John Smith'), wang: id('王允俊') };
    };

    it('fills in a passport holder’s birth date later: the age and flags follow', async () => {
      const { john } = await registerList();
      const before = await desk.call('people.history', { personId: john });
      expect(before.person).toMatchObject({ birthDate: null, age: null, vulnerable: [] });
      const after = await desk.call('people.setBirthDate', {
        personId: john,
        birthDate: '1950-02-01',
        expectedVersion: before.person.version,
      });
      expect(after.person.version).toBe(before.person.version + 1);
      expect(after.person).toMatchObject({ birthDate: '1950-02-01', age: 76 });
      expect(after.person.vulnerable).toEqual(['elderly']);
      expect(after.person).toMatchObject({
        originPlace: '虹桥街道',
        travel: 'MU5112',
        registeredResidence: '',
      });
    });

    it('refuses a birth date after today, one a resident ID contradicts, and an unknown person', async () => {
      const { john, wang } = await registerList();
      const refused = async (personId: number, birthDate: string) => {
        const seen = await desk.invoke('people.history', { personId });
        const expectedVersion = seen.ok ? seen.value.person.version : 1;
        const e = errorOf(
          await desk.invoke('people.setBirthDate', { personId, birthDate, expectedVersion }),
        );
        return [e.code, e.fields];
      };
      expect(await refused(john, '2026-11-30')).toEqual([
        'INVALID_INPUT',
        { birthDate: 'date_in_future' },
      ]);
      expect(await refused(wang, '1958-03-03')).toEqual([
        'INVALID_INPUT',
        { birthDate: 'id_birth_mismatch' },
      ]);
      expect((await refused(999, '1958-03-03'))[0]).toBe('NOT_FOUND');
      expect(
        dbRows(
          desk.t.ctx.db,
          'SELECT birth_date FROM people WHERE id IN (?, ?) ORDER BY id',
          wang,
          john,
        ),
      ).toEqual([{ birth_date: '1958-03-02' }, { birth_date: null }]);
    });
  });

  it.each(['zh-CN', 'en'] as const)(
    'the template (%s) maps every field and its two example rows import',
    async (language) => {
      await desk.call('settings.setLanguage', { language });
      const file = await desk.call('arrivals.importTemplate', {});
      expect(file.filename).toMatch(/\.xlsx$/);
      const result = await preview(file.filename, Buffer.from(file.base64, 'base64'));
      expect(Object.keys(result.mapping).sort()).toEqual([...IMPORT_FIELDS].sort());
      expect(result.serialColumn).toBe(0);
      expect(result.labels).toBe('serial');
      expect(result.ignoredColumns).toEqual([]);
      expect(result.rows.map((r) => [r.label, r.ok, r.reasons])).toEqual([
        ['1', true, []],
        ['2', true, []],
      ]);
      expect(result.rows[1]!.person).toMatchObject({ documentType: 'passport', birthDate: null });
    },
  );
});
