import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement<unknown[], unknown>>>();

/**
 * A statement prepared once per connection, for the screens read on every refresh, where
 * preparing a long query costs as much as running it on a floor. Only for statements run as
 * prepared with .all() or .get(): .pluck() or .raw() would change the statement for every caller.
 */
export function cachedStatement<P extends unknown[], R>(db: Db, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement as unknown as Statement<P, R>;
}
