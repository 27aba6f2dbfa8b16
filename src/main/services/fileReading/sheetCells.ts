/*
 * Cells of a read sheet as values, shared by every import (people, stock receipts): the words and
 * number formats people type into district spreadsheets.
 */

/** A cell as a value, or the field code that says why it is not one. */
export type Converted<T> = { value: T } | { error: string };

/** Full-width characters folded, trimmed. */
export const clean = (s: string) => s.normalize('NFKC').trim();

/** Header text as compared: full-width folded, lower case, no brackets' content, spaces or marks. */
export function normalizeHeader(header: string): string {
  const folded = header.normalize('NFKC').toLowerCase();
  const strip = (s: string) => s.replace(/[\s*_\-:./\\#№]+/g, '');
  const bare = strip(folded.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g, ''));
  return bare || strip(folded);
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
