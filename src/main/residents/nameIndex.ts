import type { Filter } from './residentRows';

/** Every code point sorts at or below this one: the upper end of a range of terms by prefix. */
const LAST = '\u{10FFFF}';

/** LIKE folds only ASCII letters; a term's prefix is folded here the index's way only for these. */
const foldsLikeLike = (c: string): boolean =>
  c.codePointAt(0)! < 0x80 || c.toLowerCase() === c.toUpperCase();

/**
 * The people whose name may contain `q` (already trimmed and upper-cased), from the trigram index
 * of migration 0017: a superset of the names `full_name LIKE '%q%'` finds, which the caller still
 * applies. The index folds case (ASCII alike) and its terms are the padded name's trigrams:
 * - three characters or more: the people holding every trigram of `q`;
 * - one or two: the people with a term that begins with `q` (every substring of one or two
 *   characters begins a trigram of the padded name).
 * A query folds the same way as the names it is compared with, but a prefix of terms is folded
 * here: for one or two characters with a non-ASCII letter (whose folding is the index's own) this
 * returns null and the caller reads the rows as before.
 */
export function peopleByName(q: string): Filter | null {
  const chars = [...q];
  if (chars.length >= 3) {
    const trigrams = new Set(chars.slice(2).map((_, i) => chars.slice(i, i + 3).join('')));
    const match = [...trigrams].map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
    return { sql: 'SELECT rowid FROM person_names WHERE person_names MATCH ?', params: [match] };
  }
  if (chars.length === 0 || !chars.every(foldsLikeLike)) return null;
  const prefix = q.toLowerCase();
  return {
    sql: 'SELECT doc FROM person_name_terms WHERE term >= ? AND term <= ?',
    params: [prefix, prefix + LAST + LAST],
  };
}
