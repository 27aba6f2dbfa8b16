import { personInput, type PersonInputParsed } from '../../shared/contract/people';
import type { FieldErrors } from '../../shared/errors';
import { parseResidentId } from '../../shared/idNumber';
import {
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRow,
} from '../../shared/imports';
import type { Category, DocumentType, Gender } from '../../shared/people';
import { siteDay } from '../../shared/siteDate';
import { fieldErrorsOf } from './fieldErrors';
import { getBatch } from './arrivals';
import type { ServiceContext } from './context';
import { Deferred } from './deferred';
import { DomainError } from './errors';
import { readSheet, type SheetRow } from './fileReading/readSheet';
import { refuseField as refuse } from './fileReading/refusal';
import { checkDates, checkDocument } from './people';

/*
 * Importing the lists of arrivals the district sends (CSV or XLSX): read the file into rows of
 * strings (fileReading/readSheet, which bounds every file before it is parsed), map columns to person fields, and check every row exactly as arrivals.register will
 * (the same zod schema, the same document check), so that registering the valid rows afterwards
 * cannot be refused for a reason the preview did not show.
 */

// ---------------------------------------------------------------------------------------------
// Column mapping
// ---------------------------------------------------------------------------------------------

/** Header words for each field, compared after `normalizeHeader` (so without spaces, lower case). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  fullName: ['姓名', '名字', '人员姓名', '隔离人员姓名', 'name', 'fullname', '名称'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: [
    '出生日期',
    '出生年月',
    '出生年月日',
    '生日',
    'birthdate',
    'dateofbirth',
    'birthday',
    'dob',
  ],
  documentType: ['证件类型', '证件类别', '证件种类', 'idtype', 'documenttype', 'doctype'],
  documentNumber: [
    '身份证号',
    '身份证号码',
    '身份证',
    '证件号码',
    '证件号',
    '护照号',
    '护照号码',
    'id',
    'idno',
    'idnumber',
    'idcard',
    'documentnumber',
    'documentno',
    'passportnumber',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '联系方式',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
  ],
  category: ['类别', '人员类别', '人员类型', '管控类别', '隔离类别', '隔离类型', 'category'],
  household: [
    '同户',
    '家庭',
    '同行',
    '同户编号',
    '家庭编号',
    '户号',
    '同行人',
    '同户同行',
    'household',
    'family',
    'group',
  ],
  lastExposureDate: [
    '末次接触',
    '末次接触日期',
    '末次接触时间',
    '末次暴露',
    '末次暴露日期',
    '末次暴露时间',
    '最后接触日期',
    'lastexposure',
    'lastexposuredate',
    'lastcontact',
    'lastcontactdate',
  ],
  pregnant: ['孕妇', '是否孕妇', '怀孕', '是否怀孕', 'pregnant'],
  chronicIllness: [
    '慢性病',
    '是否有慢性病',
    '有无慢性病',
    '基础疾病',
    '基础病',
    'chronicillness',
    'chronic',
  ],
  disability: ['残疾', '是否残疾', '残疾人', 'disability', 'disabled'],
  emergencyContact: ['紧急联系人', '紧急联系人姓名', 'emergencycontact', 'emergencycontactname'],
  emergencyPhone: [
    '紧急联系电话',
    '紧急联系人电话',
    '紧急联系人手机',
    '紧急联系方式',
    'emergencyphone',
    'emergencycontactphone',
  ],
  notes: ['备注', '说明', '其他说明', 'notes', 'note', 'remarks', 'remark', 'comments'],
};

/** Header text as compared: full-width folded, lower case, no brackets' content, spaces or marks. */
export function normalizeHeader(header: string): string {
  const folded = header.normalize('NFKC').toLowerCase();
  const strip = (s: string) => s.replace(/[\s*_\-:./\\#№]+/g, '');
  const bare = strip(folded.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g, ''));
  return bare || strip(folded);
}

/**
 * A field for each header that names one: first headers that are exactly a synonym, then headers
 * that contain one (the longest synonym wins, so 紧急联系电话 is the emergency phone, not the
 * phone). Each field gets the first column that matches it.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  const normalized = headers.map(normalizeHeader);
  const assign = (column: number, field: ImportField | null) => {
    if (field && mapping[field] === undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  };
  normalized.forEach((h, column) => {
    if (h) assign(column, IMPORT_FIELDS.find((f) => SYNONYMS[f].includes(h)) ?? null);
  });
  normalized.forEach((h, column) => {
    // An address (家庭住址, 身份证地址) or a workplace is no person field, whatever else it says.
    if (!h || taken.has(column) || /地址|住址|单位/.test(h)) return;
    let best: ImportField | null = null;
    let bestLength = 0;
    for (const f of IMPORT_FIELDS) {
      if (mapping[f] !== undefined) continue;
      for (const s of SYNONYMS[f]) {
        // Short English words (id, tel, dob) only as whole headers, never inside another word.
        if (s.length > bestLength && (s.length > 3 || !/^[a-z]+$/.test(s)) && h.includes(s)) {
          best = f;
          bestLength = s.length;
        }
      }
    }
    assign(column, best);
  });
  return mapping;
}

/** The header row: the first of the first ten rows that names at least two fields, else the first. */
function findHeaderRow(rows: readonly SheetRow[]): number {
  const limit = Math.min(rows.length, 10);
  for (let i = 0; i < limit; i++) {
    if (Object.keys(suggestMapping(rows[i]!.cells)).length >= 2) return i;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

type Converted<T> = { value: T } | { error: string };

/** Full-width characters folded, trimmed. */
const clean = (s: string) => s.normalize('NFKC').trim();
const key = (s: string) => clean(s).toLowerCase().replace(/\s+/g, '');

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
};

const DOCUMENT_WORDS: Record<string, DocumentType> = {
  身份证: 'resident_id',
  居民身份证: 'resident_id',
  二代身份证: 'resident_id',
  身份证号: 'resident_id',
  护照: 'passport',
  港澳通行证: 'hk_macau_permit',
  往来港澳通行证: 'hk_macau_permit',
  港澳居民来往内地通行证: 'hk_macau_permit',
  回乡证: 'hk_macau_permit',
  台湾通行证: 'taiwan_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  其他: 'other',
  其它: 'other',
  其他证件: 'other',
  residentid: 'resident_id',
  idcard: 'resident_id',
  id: 'resident_id',
  passport: 'passport',
  hkmacaupermit: 'hk_macau_permit',
  taiwanpermit: 'taiwan_permit',
  other: 'other',
};

const CATEGORY_WORDS: Record<string, Category> = {
  closecontact: 'close_contact',
  secondarycontact: 'secondary_contact',
  highriskarea: 'high_risk_area',
  inbound: 'inbound',
  other: 'other',
  其他: 'other',
  其它: 'other',
  一般人员: 'other',
};

const YES = new Set(['是', '有', 'y', 'yes', '1', 'true', '√', '✓', '✔']);
const NO = new Set(['否', '无', '没有', '不是', 'n', 'no', '0', 'false', '×', '✗', '-']);

function toGender(raw: string): Converted<Gender> {
  const value = GENDER_WORDS[key(raw)];
  return value ? { value } : { error: 'gender_value' };
}

function toDocumentType(raw: string): Converted<DocumentType> {
  const k = key(raw).replace(/[_\-/]/g, '');
  if (!k) return { value: 'resident_id' };
  const value = DOCUMENT_WORDS[k];
  return value ? { value } : { error: 'document_type_value' };
}

/** 密接, 次密接, 中高风险地区…, 入境…; the English names and codes too. Empty is `other`. */
function toCategory(raw: string): Converted<Category> {
  const k = key(raw).replace(/[_\-/]/g, '');
  if (!k) return { value: 'other' };
  const exact = CATEGORY_WORDS[k];
  if (exact) return { value: exact };
  if (k.includes('次密')) return { value: 'secondary_contact' };
  if (k.includes('密接') || k.includes('密切接触')) return { value: 'close_contact' };
  if (k.includes('风险')) return { value: 'high_risk_area' };
  if (k.includes('入境') || k.includes('境外')) return { value: 'inbound' };
  return { error: 'category_value' };
}

function toFlag(raw: string): Converted<boolean> {
  const k = key(raw);
  if (!k || NO.has(k)) return { value: false };
  if (YES.has(k)) return { value: true };
  return { error: 'flag_value' };
}

/** Excel counts days from 1899-12-30 (for every date after February 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const ymd = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    y > 2100 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return null;
  return date.toISOString().slice(0, 10);
};

/**
 * A calendar day written as 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日 (a time after it is
 * ignored), 19900102, or an Excel day number (32875). A bare four-digit year is not a day.
 */
export function toDay(raw: string): Converted<string> {
  const s = clean(raw);
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    );
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const day = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? { value: day } : { error: 'date_value' };
  }
  if (/^\d{1,5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial >= 61 && !/^\d{4}$/.test(s)) {
      const date = new Date(EXCEL_EPOCH + serial * 86_400_000);
      const day = ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (day) return { value: day };
    }
  }
  return { error: 'date_value' };
}

/** Spaces (full-width too) and a leading apostrophe (Excel's "keep as text") removed. */
function toDocumentNumber(raw: string): Converted<string> {
  const s = clean(raw).replace(/^'/, '').replace(/\s+/g, '');
  if (!s) return { error: 'required' };
  // 3.20602199E+17: Excel turned the number into a float and lost its last digits.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s)) return { error: 'id_scientific' };
  return { value: s };
}

/** A mobile number without spaces, dashes or a +86 in front. */
function toPhone(raw: string): string {
  const s = clean(raw)
    .replace(/^'/, '')
    .replace(/[\s\-()]/g, '');
  return /^(\+?86)1\d{10}$/.test(s) ? s.slice(-11) : s;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

interface Checked {
  row: number;
  errors: Map<ImportField, ImportProblem>;
  person?: PersonInputParsed;
  /** Document type and number as stored, when both are sound: what makes two rows one person. */
  documentKey?: string;
}

/** One data row against personInput and checkDocument, as arrivals.register would check it. */
export function checkRow(sheetRow: SheetRow, mapping: ImportMapping, today: string): Checked {
  const errors = new Map<ImportField, ImportProblem>();
  const fail = (field: ImportField, code: string, params?: ImportProblem['params']) => {
    if (!errors.has(field)) errors.set(field, { field, code, ...(params ? { params } : {}) });
  };
  /** The cell of a field: undefined when no column is mapped to it. */
  const cell = (f: ImportField): string | undefined => {
    const column = mapping[f];
    return column === undefined ? undefined : clean(sheetRow.cells[column] ?? '');
  };
  const candidate: Record<string, unknown> = {};
  const take = <T>(field: ImportField, converted: Converted<T>): T | undefined => {
    if ('error' in converted) {
      fail(field, converted.error);
      return undefined;
    }
    candidate[field] = converted.value;
    return converted.value;
  };

  const fullName = cell('fullName') ?? '';
  if (fullName) candidate.fullName = fullName;
  else fail('fullName', 'required');

  const documentType = take('documentType', toDocumentType(cell('documentType') ?? ''));
  const documentNumber = take('documentNumber', toDocumentNumber(cell('documentNumber') ?? ''));
  // A sound resident ID supplies a missing birth date and gender.
  const fromId =
    documentType === 'resident_id' && documentNumber !== undefined
      ? parseResidentId(documentNumber)
      : null;
  const facts = fromId?.ok ? fromId.facts : null;

  const gender = cell('gender') ?? '';
  if (gender) take('gender', toGender(gender));
  else if (facts) candidate.gender = facts.gender;
  else fail('gender', 'required');

  const birthDate = cell('birthDate') ?? '';
  if (birthDate) take('birthDate', toDay(birthDate));
  else if (facts) candidate.birthDate = facts.birthDate;
  else fail('birthDate', 'required');

  candidate.phone = toPhone(cell('phone') ?? '');
  take('category', toCategory(cell('category') ?? ''));
  const household = cell('household');
  if (household) candidate.household = household;
  const lastExposure = cell('lastExposureDate');
  if (lastExposure) take('lastExposureDate', toDay(lastExposure));
  for (const f of ['pregnant', 'chronicIllness', 'disability'] as const)
    take(f, toFlag(cell(f) ?? ''));
  candidate.emergencyContact = cell('emergencyContact') ?? '';
  candidate.emergencyPhone = toPhone(cell('emergencyPhone') ?? '');
  candidate.notes = cell('notes') ?? '';

  // The very schema arrivals.register parses with; a field already refused keeps its first reason.
  const parsed = personInput.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, code] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = path.split('.')[0] as ImportField;
      fail(IMPORT_FIELDS.includes(field) ? field : 'notes', code);
    }
  }

  for (const [field, code] of Object.entries(
    checkDates(
      {
        birthDate: candidate.birthDate as string | undefined,
        lastExposureDate: candidate.lastExposureDate as string | undefined,
      },
      today,
    ),
  ))
    fail(field as ImportField, code);

  // The ID's own check whenever type and number are readable; the birth date and gender are
  // compared with it only where they were readable themselves (a refused field keeps its reason).
  let documentKey: string | undefined;
  if (!errors.has('documentType') && !errors.has('documentNumber')) {
    const doc = checkDocument({
      documentType: candidate.documentType as DocumentType,
      documentNumber: candidate.documentNumber as string,
      birthDate: (candidate.birthDate as string | undefined) ?? '',
      gender: (candidate.gender as Gender | undefined) ?? 'male',
    });
    for (const [field, code] of Object.entries(doc.fields as FieldErrors))
      fail(field as ImportField, code);
    if (!errors.has('documentNumber')) {
      documentKey = `${String(candidate.documentType)}:${doc.number.toUpperCase()}`;
      if (parsed.success) parsed.data.documentNumber = doc.number;
    }
  }

  return {
    row: sheetRow.row,
    errors,
    ...(parsed.success && errors.size === 0 ? { person: parsed.data } : {}),
    ...(documentKey ? { documentKey } : {}),
  };
}

/** People (by document) who already have an open stay: registering them again is refused. */
function withOpenStay(ctx: ServiceContext, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  const query = ctx.db.prepare<[string, string], { n: number }>(
    `SELECT 1 AS n FROM people p JOIN stays s ON s.person_id = p.id
     WHERE p.document_type = ? AND p.document_number = ? AND s.status IN ('registered','active') LIMIT 1`,
  );
  for (const k of new Set(keys)) {
    const at = k.indexOf(':');
    if (query.get(k.slice(0, at), k.slice(at + 1))) found.add(k);
  }
  return found;
}

/**
 * Every data row checked: the row's own problems, then two rows naming the same document (both
 * are refused, since the file cannot tell which is right), then a document that already has an
 * open stay.
 */
export function checkRows(
  ctx: ServiceContext,
  rows: readonly SheetRow[],
  mapping: ImportMapping,
): ImportRow[] {
  const today = siteDay(ctx.now());
  const checked = rows.map((r) => checkRow(r, mapping, today));
  const byKey = new Map<string, Checked[]>();
  for (const c of checked) {
    if (c.documentKey) byKey.set(c.documentKey, [...(byKey.get(c.documentKey) ?? []), c]);
  }
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    for (const c of same) {
      const other = same.find((o) => o !== c)!;
      c.errors.set('documentNumber', {
        field: 'documentNumber',
        code: 'duplicate_in_file',
        params: { row: other.row },
      });
    }
  }
  const open = withOpenStay(
    ctx,
    checked.flatMap((c) =>
      c.documentKey && !c.errors.has('documentNumber') ? [c.documentKey] : [],
    ),
  );
  for (const c of checked) {
    if (c.documentKey && open.has(c.documentKey) && !c.errors.has('documentNumber'))
      c.errors.set('documentNumber', { field: 'documentNumber', code: 'open_stay' });
  }
  return checked.map((c) => {
    const errors = IMPORT_FIELDS.flatMap((f) => {
      const e = c.errors.get(f);
      return e ? [e] : [];
    });
    const ok = errors.length === 0 && c.person !== undefined;
    return { row: c.row, ok, errors, ...(ok ? { person: c.person } : {}) };
  });
}

// ---------------------------------------------------------------------------------------------
// The method
// ---------------------------------------------------------------------------------------------

/** The file read, mapped (as given or as suggested) and every row checked; nothing is written. */
export async function buildPreview(
  ctx: ServiceContext,
  input: { fileName: string; base64: string; mapping?: ImportMapping | undefined },
): Promise<ImportPreview> {
  const all = readSheet(input);
  if (all.length === 0) throw refuse('base64', 'file_empty', 'The file has no rows');
  const headerAt = findHeaderRow(all);
  const data = all.slice(headerAt + 1);
  // Up to the last column with anything in it (styled empty cells make rows look wider).
  const lastFilled = (cells: string[]) => cells.findLastIndex((c) => c.trim() !== '') + 1;
  // readSheet refuses a row past FILE_LIMITS.columns, so the mapping's columns fit the contract.
  const width = Math.max(...all.slice(headerAt).map((r) => lastFilled(r.cells)));
  const headerCells = all[headerAt]!.cells;
  const headers = Array.from({ length: width }, (_, i) => clean(headerCells[i] ?? ''));
  if (data.length === 0) throw refuse('base64', 'file_empty', 'The file has no data rows');
  if (data.length > MAX_IMPORT_ROWS)
    throw refuse('base64', 'too_many_rows', `At most ${MAX_IMPORT_ROWS} people per import`, {
      max: MAX_IMPORT_ROWS,
      count: data.length,
    });

  let mapping: ImportMapping;
  if (input.mapping) {
    mapping = {};
    const fields: FieldErrors = {};
    for (const f of IMPORT_FIELDS) {
      const column = input.mapping[f];
      if (column === undefined) continue;
      if (column >= width) fields[`mapping.${f}`] = 'too_big';
      else mapping[f] = column;
    }
    if (Object.keys(fields).length > 0)
      throw new DomainError(
        'INVALID_INPUT',
        'The mapping names a column the file does not have',
        {},
        fields,
      );
  } else {
    mapping = suggestMapping(headers);
  }

  const rows = checkRows(ctx, data, mapping);
  const valid = rows.filter((r) => r.ok).length;
  return {
    headers,
    headerRow: all[headerAt]!.row,
    mapping,
    rows,
    valid,
    invalid: rows.length - valid,
  };
}

/** arrivals.importPreview: the batch must exist; the file is read after, outside the transaction. */
export function previewImport(
  ctx: ServiceContext,
  input: {
    batchId: number;
    fileName: string;
    base64: string;
    mapping?: ImportMapping | undefined;
  },
): Deferred<ImportPreview> {
  getBatch(ctx, input.batchId);
  return new Deferred(() => buildPreview(ctx, input));
}
