import { DomainError } from './errors';

/** One value of a sort key; the last one of every key is a row id, so the order is total. */
export type KeyValue = string | number;

export const encodeCursor = (key: KeyValue[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor names, or INVALID_INPUT for anything that is not a key of this length. */
export function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return key as KeyValue[];
    }
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('INVALID_INPUT', 'Invalid cursor', {}, { cursor: 'invalid' });
}

/** `(a, b, id) > (?, ?, ?)`: the rows after the cursor's key in this direction (no OFFSET). */
export function afterKey(columns: string[], direction: 'asc' | 'desc'): string {
  return `(${columns.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`;
}

export const orderBy = (columns: string[], direction: 'asc' | 'desc'): string =>
  columns.map((c) => `${c} ${direction.toUpperCase()}`).join(', ');

/** A LIKE pattern that matches `s` literally (with `ESCAPE '\'`). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Splits `limit + 1` fetched rows into the page and the cursor that continues after it. */
export function pageOf<R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => KeyValue[],
): { page: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { page, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
