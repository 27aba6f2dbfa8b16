import type { Db } from '../db/open';

type StatementMethod = (this: { source: string }, ...args: unknown[]) => unknown;

/** Every statement `fn` reads with (.all and .get), with its query plan as SQLite would run it now. */
export function plansOf(db: Db, fn: () => void): { sql: string; plan: string[] }[] {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, StatementMethod>;
  const originals = { all: proto.all!, get: proto.get! };
  const seen: { sql: string; args: unknown[] }[] = [];
  for (const m of ['all', 'get'] as const) {
    proto[m] = function (...args) {
      seen.push({ sql: this.source, args });
      return originals[m].apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    Object.assign(proto, originals);
  }
  return seen.map(({ sql, args }) => ({
    sql,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
      (r) => r.detail,
    ),
  }));
}
