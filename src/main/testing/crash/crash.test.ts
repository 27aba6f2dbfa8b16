import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TestContext } from '../tempDb';
import { prepareCrashSite, type CrashSite } from './crashSite';
import { buildWriter, contend, crashRounds } from './harness';

/** `npm run test:crash` sets 200; the everyday suite kills the writer 20 times. */
const KILLS = Number(process.env.ISD_CRASH_KILLS ?? 20);

const bundle = makeTempDir();
let writer: string;
beforeAll(async () => {
  writer = await buildWriter(join(bundle.dir, 'out'));
}, 60_000);
afterAll(() => bundle.remove());

/** A new crash-test site for the enclosing describe, removed after it. */
function freshSite(): { t: TestContext; site: CrashSite } {
  const holder = {} as { t: TestContext; site: CrashSite };
  beforeAll(async () => Object.assign(holder, await prepareCrashSite()), 60_000);
  afterAll(() => holder.t.close());
  return holder;
}

describe(`crash safety: a writer killed ${KILLS} times at random moments`, () => {
  const fresh = freshSite();

  it(
    'leaves a sound file that holds every write it acknowledged',
    async () => {
      const started = Date.now();
      const report = await crashRounds(writer, fresh.site, fresh.t.dir, KILLS);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `crash test: ${report.rounds.length} kills in ${seconds.toFixed(1)} s, ` +
          `${report.rounds.at(-1)?.logged ?? 0} acknowledged writes; recorded: ${JSON.stringify(report.applied)}\n`,
      );
      expect(report.problems).toEqual([]);
      expect(report.rounds).toHaveLength(KILLS);
      // The writer did get work done between kills (else the test would prove nothing).
      expect(report.rounds.at(-1)!.logged).toBeGreaterThan(KILLS);
      for (const method of [
        'allocation.confirm',
        'readings.record',
        'roster.assign',
        'stock.receive',
      ])
        expect(report.applied[method], method).toBeGreaterThan(0);
    },
    KILLS * 3_000,
  );
});

describe('two processes writing to one file', () => {
  const fresh = freshSite();

  it('lose no update and leave a sound file: the stock on hand is receipts minus issues', async () => {
    const rounds = 60;
    const { exits, logged } = await contend(writer, fresh.site, fresh.t.dir, 2, rounds);
    expect(exits).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);

    const db = new Database(fresh.site.file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (method: string) =>
        db
          .prepare('SELECT count(*) FROM applied_operations WHERE method = ?')
          .pluck()
          .get(method) as number;
      const receipts = count('stock.receive');
      const issues = count('stock.issue');
      expect(receipts).toBe(2 * rounds);
      expect(issues).toBeGreaterThan(0);
      // Each committed write was acknowledged, and each acknowledged one is in the file.
      expect(logged).toHaveLength(receipts + issues);
      const onHand = db
        .prepare('SELECT coalesce(sum(quantity), 0) FROM stock_balances WHERE item_id = ?')
        .pluck()
        .get(fresh.site.items[0]!.id);
      const ledger = db
        .prepare('SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE item_id = ?')
        .pluck()
        .get(fresh.site.items[0]!.id);
      expect(onHand).toBe(receipts - issues);
      expect(ledger).toBe(receipts - issues);
    } finally {
      db.close();
    }
  }, 60_000);
});
