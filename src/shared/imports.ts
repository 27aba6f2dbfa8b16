/** Importing a list of arrivals from a file: the vocabulary shared by main and renderer. */
import type { PersonInputParsed } from './contract/people';

/** The person fields a column of the file can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'documentType',
  'documentNumber',
  'phone',
  'category',
  'household',
  'originPlace',
  'registeredResidence',
  'travel',
  'lastExposureDate',
  'pregnant',
  'chronicIllness',
  'disability',
  'emergencyContact',
  'emergencyPhone',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → zero-based column of the file; a field without a column is left out. */
export type ImportMapping = Partial<Record<ImportField, number>>;

export { MAX_IMPORT_BYTES } from './fileLimits';
/** arrivals.register takes at most this many people in one call. */
export const MAX_IMPORT_ROWS = 500;

/** One problem of a row: the field and a `fieldErrors` code (`params` for its message). */
export interface ImportProblem {
  field: ImportField;
  code: string;
  params?: Record<string, string | number>;
}

/** One data row of an arrivals list: the shared row of every list import, and the person. */
export interface ImportRow extends RowPreview {
  /** Each names one person field. */
  reasons: ImportProblem[];
  /** Ready for arrivals.register; present only when `ok`. */
  person?: PersonInputParsed;
}

/** An arrivals list as previewed: the shared list preview, and how its columns were mapped. */
export interface ImportPreview extends ListPreview<ImportRow> {
  headers: string[];
  /** Spreadsheet row number of the header row. */
  headerRow: number;
  /** The mapping used: the caller's, or the one suggested from the headers. */
  mapping: ImportMapping;
  /** The list's 序号 column (序号, 编号, No., #), whose numbers label the rows; null when none. */
  serialColumn: number | null;
}

/*
 * The preview every list import shows (arrivals, donations, staff): one row per data row of the
 * file, named as the coordinator finds it on paper, with why it is refused.
 */

/** Why a row is refused: a `fieldErrors` code, the column it concerns, values for its text. */
export interface RowReason {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

/** One data row of an imported list as its preview shows it. */
export interface RowPreview {
  /** The file line (the spreadsheet's row number): unique in the file, the row's key. */
  line: number;
  /** The list's own 序号 when it has that column, else the file line. */
  label: string;
  /** The person or item the row names ('' when that cell is empty). */
  name: string;
  ok: boolean;
  /** Empty when `ok`. */
  reasons: RowReason[];
}

/** A whole list as previewed: its rows and how they were labelled; nothing is written yet. */
export interface ListPreview<R extends RowPreview = RowPreview> {
  rows: R[];
  /** `serial`: labels are the list's 序号 column; `line`: the file's line numbers. */
  labels: 'serial' | 'line';
  ok: number;
  refused: number;
  /** Headers of columns the import does not read, so nobody thinks they went in. */
  ignoredColumns: string[];
}
