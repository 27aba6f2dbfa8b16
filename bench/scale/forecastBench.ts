import type { ServiceContext } from '../../src/main/services/context';
import { supplyForecast } from '../../src/main/stock/forecast';
import type { Fixtures } from './screens';
import { recordSql, timePair } from './measure';
import type { Row } from './results';

/**
 * Gives every item of the (throwaway) copy a norm at site 1 — a third per resident, a third per
 * occupied room, a third per shift of one of its posts, each also per staff shift in all — so the
 * forecast works every line kind for all 300 items. Written straight to the copy; the captured
 * audit rows are dropped in the same transaction, as no routed write will collect them.
 */
function giveEveryItemANorm(ctx: ServiceContext, siteId: number): number {
  const db = ctx.db;
  const posts = db
    .prepare('SELECT id FROM posts WHERE site_id = ? AND retired_at IS NULL ORDER BY id')
    .pluck()
    .all(siteId) as number[];
  const items = db
    .prepare('SELECT id FROM stock_items WHERE archived_at IS NULL ORDER BY id')
    .pluck()
    .all() as number[];
  const insert = db.prepare(
    `INSERT INTO stock_norms (item_id, basis, quantity, post_id, role, updated_at)
     VALUES (?, ?, ?, ?, NULL, '2026-11-29T00:00:00.000Z')`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM stock_norms').run();
    items.forEach((item, i) => {
      const basis = (['resident_day', 'room_day', 'staff_shift'] as const)[i % 3]!;
      const post = basis === 'staff_shift' && posts.length > 0 ? posts[i % posts.length]! : null;
      insert.run(item, basis, 1 + (i % 4) * 0.25, post);
      insert.run(item, 'staff_shift', 0.5, null);
    });
    db.prepare('DELETE FROM audit_pending').run();
  }).immediate();
  return items.length;
}

/** The supply forecast for 300 items at the district's busiest site, against its bare SQL. */
export async function measureForecast(
  ctx: ServiceContext,
  f: Fixtures,
  record: (key: string, value: number) => number,
  ms: (v: number) => string,
): Promise<Row> {
  const items = giveEveryItemANorm(ctx, f.siteId);
  const run = () => supplyForecast(ctx, { siteId: f.siteId, horizonDays: 7, marginPercent: 20 });
  const bare = recordSql(ctx.db, run);
  const [service, sql] = await timePair(run, bare.replay);
  record('forecast.items300.p50', service.p50);
  record('forecast.items300.p95', service.p95);
  record('forecast.items300.bareSqlP95', sql.p95);
  const sample = run();
  const residents = sample.days[0]!.residents;
  return {
    group: 'Actions',
    name: `supply forecast, ${items} items with norms × 60 days (${residents} residents, ${sample.items.filter((i) => i.requestQuantity > 0).length} to request)`,
    figure: `p50 ${ms(service.p50)} / p95 ${ms(service.p95)} ms; bare SQL p95 ${ms(sql.p95)} ms (${bare.statements} statements)`,
    target: '≤ 50 ms',
    ok: service.p95 <= 50,
  };
}
