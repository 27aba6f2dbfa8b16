import { staffMethods } from '../../shared/contract/staff';
import type { ExportedFile } from '../../shared/accounts';
import { fieldErrorsOf } from '../../shared/fieldErrors';
import type { RowReason } from '../../shared/imports';
import { messagesFor } from '../../shared/i18n/catalogue';
import {
  MAX_STAFF_IMPORT_ROWS,
  type Staff,
  type StaffEntry,
  type StaffImportPreview,
  type StaffImportRow,
} from '../../shared/roster';
import { getSettings } from '../accounts/settings';
import type { ServiceContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { columnsOf, headerRowOf, type HeaderColumns } from '../services/fileReading/headerColumns';
import { readSheet, type SheetRow } from '../services/fileReading/readSheet';
import { refuseField as refuse } from '../services/fileReading/refusal';
import { clean } from '../services/fileReading/sheetCells';
import { sheetXlsx } from '../services/xlsx/sheetTable';
import { createStaff } from './staff';
import {
  hoursOf,
  mobileOf,
  roleOf,
  skillsOf,
  STAFF_LIST_FIELDS,
  STAFF_LIST_HEADERS,
  type StaffListField,
} from './staffListColumns';

/*
 * Importing a staff list (CSV or XLSX) as people write it: 序号, 姓名, 岗位 in their own words,
 * 单位, 手机, 技能, 每周最多工时. The preview checks every row with staff.create's own schema, so a
 * row it passes cannot be refused by staff.import for its own content; staff.import then checks
 * the mobiles again (the staff list may have changed meanwhile) and creates every row or none.
 */

const staffSchema = staffMethods['staff.create'].input;

type Columns = HeaderColumns<StaffListField>;

/** One data row checked on its own: the reasons, and the entry when it has none. */
function checkRow(sheetRow: SheetRow, columns: Columns): StaffImportRow {
  const cell = (f: StaffListField): string => {
    const column = columns[f];
    return column === undefined ? '' : clean(sheetRow.cells[column] ?? '');
  };
  const reasons: RowReason[] = [];
  const fail = (field: StaffListField, code: string, params?: RowReason['params']) => {
    if (!reasons.some((r) => r.field === field))
      reasons.push({ field, code, ...(params ? { params } : {}) });
  };
  const fullName = cell('fullName');
  const roleText = cell('role');
  const unit = cell('unit');
  if (!fullName) fail('fullName', 'required');
  const role = roleOf(roleText);
  if (!roleText) fail('role', 'required');
  else if (!role) fail('role', 'staff_role_value', { value: roleText });
  const hours = hoursOf(cell('maxHoursWeek'));
  if (hours === 'bad') fail('maxHoursWeek', 'max_hours_value');

  const parsed = staffSchema.safeParse({
    fullName,
    role: role ?? 'other',
    unit,
    phone: mobileOf(cell('phone')),
    skills: skillsOf(cell('skills')),
    ...(typeof hours === 'number' ? { maxHoursWeek: hours } : {}),
  });
  if (!parsed.success) {
    for (const [path, code] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = path.split('.')[0] as StaffListField;
      fail(field, field === 'maxHoursWeek' ? 'max_hours_value' : code);
    }
  }
  const serial = cell('serial');
  return {
    line: sheetRow.row,
    label: columns.serial !== undefined && serial ? serial : String(sheetRow.row),
    name: fullName,
    ok: reasons.length === 0,
    reasons,
    roleText,
    unit,
    ...(parsed.success && reasons.length === 0 ? { staff: parsed.data } : {}),
  };
}

interface MobileCheck {
  label: string;
  name: string;
  phone: string;
}

/**
 * Mobiles that repeat: the first row with a number keeps it, each later one is refused naming
 * that row; a number already on the staff list (active or not) is refused naming who has it.
 * Index → reason, for the rows refused.
 */
function mobileClashes(ctx: ServiceContext, rows: readonly MobileCheck[]): Map<number, RowReason> {
  const clashes = new Map<number, RowReason>();
  const first = new Map<string, MobileCheck>();
  const onStaff = ctx.db.prepare<[string], { full_name: string }>(
    'SELECT full_name FROM staff WHERE phone = ? ORDER BY id LIMIT 1',
  );
  rows.forEach((r, index) => {
    if (!r.phone) return;
    const earlier = first.get(r.phone);
    if (earlier) {
      clashes.set(index, {
        field: 'phone',
        code: 'mobile_in_file',
        params: { row: earlier.label, name: earlier.name },
      });
      return;
    }
    first.set(r.phone, r);
    const holder = onStaff.get(r.phone);
    if (holder)
      clashes.set(index, {
        field: 'phone',
        code: 'mobile_on_staff',
        params: { name: holder.full_name },
      });
  });
  return clashes;
}

/** The file read and every row checked; nothing is written. */
export function buildStaffPreview(
  ctx: ServiceContext,
  input: { fileName: string; base64: string },
): StaffImportPreview {
  const all = readSheet(input);
  if (all.length === 0) throw refuse('base64', 'file_empty', 'The file has no rows');
  const headerAt = headerRowOf(all, STAFF_LIST_HEADERS);
  const headers = all[headerAt]!.cells.map(clean);
  const columns = columnsOf(headers, STAFF_LIST_HEADERS);
  if (columns.fullName === undefined || columns.role === undefined)
    throw refuse('base64', 'staff_columns_missing', 'The list has no name or no role column');
  const data = all.slice(headerAt + 1);
  if (data.length === 0) throw refuse('base64', 'file_empty', 'The file has no data rows');
  if (data.length > MAX_STAFF_IMPORT_ROWS)
    throw refuse('base64', 'too_many_rows', `At most ${MAX_STAFF_IMPORT_ROWS} staff per import`, {
      max: MAX_STAFF_IMPORT_ROWS,
      count: data.length,
    });

  const rows = data.map((r) => checkRow(r, columns));
  const clashes = mobileClashes(
    ctx,
    rows.map((r) => ({ label: r.label, name: r.name, phone: r.staff?.phone ?? '' })),
  );
  for (const [index, reason] of clashes) {
    const row = rows[index]!;
    row.ok = false;
    row.reasons.push(reason);
    delete row.staff;
  }
  const used = new Set(Object.values(columns));
  const ok = rows.filter((r) => r.ok).length;
  return {
    rows,
    labels: columns.serial === undefined ? 'line' : 'serial',
    ok,
    refused: rows.length - ok,
    ignoredColumns: headers.filter((h, i) => h !== '' && !used.has(i)),
  };
}

/** staff.importPreview: the file is read after the call's transaction, as for every import. */
export function previewStaffImport(
  ctx: ServiceContext,
  input: { fileName: string; base64: string },
): Deferred<StaffImportPreview> {
  return new Deferred(() => Promise.resolve(buildStaffPreview(ctx, input)));
}

/**
 * staff.import: the rows chosen in the preview, all created in the call's one transaction. The
 * mobiles are checked again against the list as it is now; any clash refuses the whole import,
 * naming each row (`rows.<index>.phone`) and the lines (`lines`).
 */
export function importStaff(
  ctx: ServiceContext,
  input: { rows: (StaffEntry & { line: number })[] },
): Staff[] {
  const clashes = mobileClashes(
    ctx,
    input.rows.map((r) => ({ label: String(r.line), name: r.fullName, phone: r.phone })),
  );
  if (clashes.size > 0) {
    const indexes = [...clashes.keys()];
    throw new DomainError(
      'INVALID_INPUT',
      `${clashes.size} rows repeat a mobile number`,
      { lines: indexes.map((i) => input.rows[i]!.line).join(', ') },
      Object.fromEntries(indexes.map((i) => [`rows.${i}.phone`, clashes.get(i)!.code])),
    );
  }
  return input.rows.map(({ line: _line, ...entry }) => createStaff(ctx, entry));
}

/** The template in the desk's language: the headers the import reads and two example rows. */
export function staffImportTemplate(ctx: ServiceContext): Deferred<ExportedFile> {
  const m = messagesFor(getSettings(ctx).language);
  const h = m.staffImport.template;
  const header = STAFF_LIST_FIELDS.map((f) => h[f]);
  const rows = [
    [
      '1',
      '陈志刚',
      m.staffRole.doctor,
      '文峰街道社区卫生服务中心',
      '13962810001',
      '发热门诊、采样',
      40,
    ],
    ['2', '王志美', m.staffRole.community, '城东街道濠东社区', '13962810002', '信息登记', 48],
  ];
  return new Deferred(async () => ({
    filename: `${h.file}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (
      await sheetXlsx({ sheet: h.sheet, header, rows, widths: [6, 10, 12, 28, 14, 20, 14] })
    ).toString('base64'),
  }));
}
