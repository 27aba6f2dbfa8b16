import type { Db } from '../db/open';

type StatementMethod = (this: { source: string }, ...args: unknown[]) => unknown;
export interface StatementPlan {
  sql: string;
  plan: string[];
}

/**
 * Records every statement read with (.all and .get) until `restore`; `plans` then gives each with
 * its query plan as SQLite would run it now.
 */
function recordReads(db: Db): { restore(): void; plans(): StatementPlan[] } {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, StatementMethod>;
  const originals = { all: proto.all!, get: proto.get! };
  const seen: { sql: string; args: unknown[] }[] = [];
  for (const m of ['all', 'get'] as const) {
    proto[m] = function (...args) {
      seen.push({ sql: this.source, args });
      return originals[m].apply(this, args);
    };
  }
  return {
    restore: () => void Object.assign(proto, originals),
    plans: () =>
      seen.map(({ sql, args }) => ({
        sql,
        plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
          (r) => r.detail,
        ),
      })),
  };
}

/** Every statement `fn` reads with (.all and .get), with its query plan as SQLite would run it now. */
export function plansOf(db: Db, fn: () => void): StatementPlan[] {
  const reads = recordReads(db);
  try {
    fn();
  } finally {
    reads.restore();
  }
  return reads.plans();
}

/** plansOf for work that goes through the router (its calls answer asynchronously). */
export async function plansDuring(db: Db, fn: () => Promise<unknown>): Promise<StatementPlan[]> {
  const reads = recordReads(db);
  try {
    await fn();
  } finally {
    reads.restore();
  }
  return reads.plans();
}
