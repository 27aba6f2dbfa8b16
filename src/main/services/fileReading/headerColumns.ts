import { normalizeHeader } from './sheetCells';
import type { SheetRow } from './sheetRows';

/** Field → the header words that name it, written as `normalizeHeader` leaves them. */
export type HeaderSynonyms<F extends string> = Record<F, readonly string[]>;

/** Field → zero-based column; a field the headers do not name is absent. */
export type HeaderColumns<F extends string> = Partial<Record<F, number>>;

/**
 * Headers that may only name a field exactly, never by containing a synonym (an address,
 * 家庭住址, says 家庭 but is no household).
 */
export interface HeaderMatching {
  wholeOnly?: RegExp;
}

/**
 * Which column holds which field: first headers that are exactly a synonym, then headers that
 * contain one (the longest synonym wins). Each field takes the first column that names it, and
 * each column feeds one field.
 */
export function columnsOf<F extends string>(
  headers: readonly string[],
  synonyms: HeaderSynonyms<F>,
  matching: HeaderMatching = {},
): HeaderColumns<F> {
  const fields = Object.keys(synonyms) as F[];
  const columns: HeaderColumns<F> = {};
  const taken = new Set<number>();
  const normalized = headers.map(normalizeHeader);
  const assign = (column: number, field: F | undefined) => {
    if (field !== undefined && columns[field] === undefined) {
      columns[field] = column;
      taken.add(column);
    }
  };
  normalized.forEach((h, column) => {
    if (h)
      assign(
        column,
        fields.find((f) => synonyms[f].includes(h)),
      );
  });
  normalized.forEach((h, column) => {
    if (!h || taken.has(column) || matching.wholeOnly?.test(h)) return;
    let best: F | undefined;
    let bestLength = 0;
    for (const f of fields) {
      if (columns[f] !== undefined) continue;
      for (const s of synonyms[f]) {
        // Short Latin words (no, id) only as whole headers, never inside another word.
        if (s.length > bestLength && (s.length > 3 || !/^[a-z]+$/.test(s)) && h.includes(s)) {
          best = f;
          bestLength = s.length;
        }
      }
    }
    assign(column, best);
  });
  return columns;
}

/**
 * The header row: the first of the first ten rows that names at least `least` fields (a title
 * line or two above the table is common), else the first.
 */
export function headerRowOf<F extends string>(
  rows: readonly SheetRow[],
  synonyms: HeaderSynonyms<F>,
  least = 2,
  matching: HeaderMatching = {},
): number {
  const limit = Math.min(rows.length, 10);
  for (let i = 0; i < limit; i++) {
    if (Object.keys(columnsOf(rows[i]!.cells, synonyms, matching)).length >= least) return i;
  }
  return 0;
}
