import { personInput, type PersonInputParsed } from '../../shared/contract/people';
import type { FieldErrors } from '../../shared/errors';
import { parseResidentId } from '../../shared/idNumber';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
} from '../../shared/imports';
import type { DocumentType, Gender } from '../../shared/people';
import { siteDay } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';
import { fieldErrorsOf } from '../../shared/fieldErrors';
import type { SheetRow } from '../services/fileReading/readSheet';
import { clean, toDay, type Converted } from '../services/fileReading/sheetCells';
import {
  toCategory,
  toDocumentNumber,
  toDocumentType,
  toFlag,
  toGender,
  toPhone,
} from './importValues';
import { checkDates, checkDocument } from './people';

interface Checked {
  row: number;
  serial: string | null;
  name: string;
  errors: Map<ImportField, ImportProblem>;
  person?: PersonInputParsed;
  /** Document type and number as stored, when both are sound: what makes two rows one person. */
  documentKey?: string;
}

/**
 * One data row against personInput and checkDocument, as arrivals.register would check it.
 * `serialColumn` is the list's own 序号 column, if it has one.
 */
export function checkRow(
  sheetRow: SheetRow,
  mapping: ImportMapping,
  today: string,
  serialColumn: number | null = null,
): Checked {
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
  // A resident ID that cannot be read is its own problem: the birth date and gender it would have
  // given are not asked for besides.
  const brokenId = documentType === 'resident_id' && !facts;

  const gender = cell('gender') ?? '';
  if (gender) take('gender', toGender(gender));
  else if (facts) candidate.gender = facts.gender;
  else if (!brokenId) fail('gender', 'required');

  // Passport and permit holders: district lists often give no birth date; it stays unknown.
  const birthDate = cell('birthDate') ?? '';
  if (birthDate) take('birthDate', toDay(birthDate));
  else candidate.birthDate = facts ? facts.birthDate : null;

  candidate.phone = toPhone(cell('phone') ?? '');
  take('category', toCategory(cell('category') ?? ''));
  const household = cell('household');
  if (household) candidate.household = household;
  const lastExposure = cell('lastExposureDate');
  if (lastExposure) take('lastExposureDate', toDay(lastExposure));
  for (const f of ['pregnant', 'chronicIllness', 'disability'] as const)
    take(f, toFlag(cell(f) ?? ''));
  for (const f of ['emergencyContact', 'originPlace', 'registeredResidence', 'travel'] as const)
    candidate[f] = cell(f) ?? '';
  candidate.emergencyPhone = toPhone(cell('emergencyPhone') ?? '');
  candidate.notes = cell('notes') ?? '';

  // The very schema arrivals.register parses with; a field already refused keeps its first reason.
  const parsed = personInput.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, code] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = path.split('.')[0] as ImportField;
      if (brokenId && field === 'gender') continue;
      fail(IMPORT_FIELDS.includes(field) ? field : 'notes', code);
    }
  }

  for (const [field, code] of Object.entries(
    checkDates(
      {
        birthDate: candidate.birthDate as string | null | undefined,
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
      birthDate: (candidate.birthDate as string | null | undefined) ?? null,
      gender: (candidate.gender as Gender | undefined) ?? 'male',
    });
    for (const [field, code] of Object.entries(doc.fields as FieldErrors))
      fail(field as ImportField, code);
    if (!errors.has('documentNumber')) {
      documentKey = `${String(candidate.documentType)}:${doc.number.toUpperCase()}`;
      if (parsed.success) parsed.data.documentNumber = doc.number;
    }
  }

  const serial = serialColumn === null ? '' : clean(sheetRow.cells[serialColumn] ?? '');
  return {
    row: sheetRow.row,
    serial: serial || null,
    name: fullName,
    errors,
    ...(parsed.success && errors.size === 0 ? { person: parsed.data } : {}),
    ...(documentKey ? { documentKey } : {}),
  };
}

/** "row 3 (序号 3, 张伟)": the earlier row a duplicate repeats, as the coordinator finds it. */
function duplicateOf(first: Checked): ImportProblem {
  const params = { line: first.row, name: first.name };
  return first.serial === null
    ? { field: 'documentNumber', code: 'duplicate_in_file', params }
    : {
        field: 'documentNumber',
        code: 'duplicate_in_file_serial',
        params: { ...params, serial: first.serial },
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
 * Every data row checked: the row's own problems, then a document named again by a later row
 * (the first row is kept, each later one refused naming it), then a document that already has an
 * open stay.
 */
export function checkRows(
  ctx: ServiceContext,
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  serialColumn: number | null = null,
): ImportRow[] {
  const today = siteDay(ctx.now());
  const checked = rows.map((r) => checkRow(r, mapping, today, serialColumn));
  const firstOf = new Map<string, Checked>();
  for (const c of checked) {
    if (!c.documentKey) continue;
    const first = firstOf.get(c.documentKey);
    if (first) {
      c.errors.set('documentNumber', duplicateOf(first));
    } else firstOf.set(c.documentKey, c);
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
    return {
      line: c.row,
      label: c.serial ?? String(c.row),
      name: c.name,
      ok,
      reasons: errors,
      ...(ok ? { person: c.person } : {}),
    };
  });
}
