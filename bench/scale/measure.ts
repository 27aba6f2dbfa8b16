import type { Db } from '../../src/main/db/open';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * p50/p95 in milliseconds of `fn` over repeated calls after a warm-up: at least `minRuns` calls
 * and about `budgetMs` of calling, whichever is more (capped at `maxRuns`).
 */
export async function time(
  fn: () => unknown,
  options: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {},
): Promise<Timing> {
  const { warmup = 3, minRuns = 15, maxRuns = 400, budgetMs = 1500 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < minRuns ||
    (samples.length < maxRuns && performance.now() - started < budgetMs)
  ) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

/**
 * Two functions timed call for call, alternating which goes first: on a machine others are using
 * too, both see the same moments of contention, so their ratio means something.
 */
export async function timePair(
  a: () => unknown,
  b: () => unknown,
  options: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {},
): Promise<[Timing, Timing]> {
  const { warmup = 3, minRuns = 30, maxRuns = 600, budgetMs = 3000 } = options;
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  const fns = [a, b];
  const started = performance.now();
  for (let i = 0; i < minRuns || (i < maxRuns && performance.now() - started < budgetMs); i++) {
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      await fns[which]!();
      samples[which]!.push(performance.now() - t);
    }
  }
  return samples.map((xs) => {
    xs.sort((x, y) => x - y);
    return { p50: percentile(xs, 50), p95: percentile(xs, 95), runs: xs.length };
  }) as [Timing, Timing];
}

interface Recorded {
  statement: object;
  method: 'all' | 'get' | 'run' | 'iterate';
  args: unknown[];
}

type StatementMethod = (this: object, ...args: unknown[]) => unknown;

/**
 * Runs `fn` once while recording every statement it executes (the statement object, the method
 * and the bound values), and returns a replay: the same SQL with the same values through
 * better-sqlite3 and nothing else, the "bare SQL" a screen is compared with. The replay reuses the
 * prepared statements, so preparing them is part of what a service costs over its bare SQL.
 */
export function recordSql(db: Db, fn: () => unknown): { replay: () => void; statements: number } {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, StatementMethod>;
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const originals = Object.fromEntries(methods.map((m) => [m, proto[m]!])) as Record<
    (typeof methods)[number],
    StatementMethod
  >;
  const log: Recorded[] = [];
  for (const m of methods) {
    proto[m] = function (this: object, ...args: unknown[]) {
      log.push({ statement: this, method: m, args });
      return originals[m].apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const m of methods) proto[m] = originals[m];
  }
  if (log.some((r) => r.method === 'run')) throw new Error('A screen query wrote to the database');
  return {
    statements: log.length,
    replay: () => {
      for (const r of log) {
        const result = originals[r.method].apply(r.statement, r.args);
        if (r.method === 'iterate') for (const _row of result as Iterable<unknown>) void _row;
      }
    },
  };
}
