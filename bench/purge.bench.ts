import { afterAll, bench, describe } from 'vitest';
import type { ExportedFile } from '../src/shared/accounts';
import { PURGE_PHRASES, type PurgeResult } from '../src/shared/privacy';
import { drainCapturedChanges } from '../src/main/accounts/audit';
import { createBatch, registerArrivals } from '../src/main/residents/arrivals';
import { checkIn, checkOut } from '../src/main/residents/stays';
import { sessionFor, valueOf } from '../src/main/testing/authTesting';
import { addUser, makeTestContext, makeTestRouter, TEST_NOW } from '../src/main/testing/tempDb';
import { dayNumber } from '../src/main/db/compactValues';
import { benchResident, benchSite } from './benchPeople';

/**
 * The end of an epidemic on a real database file: 2,000 people who stayed in September with two
 * readings a day for 14 days (56,000 readings), every row in the audit trail, all released long
 * before the 28-day cutoff. Goal: the whole purge (erase, audit redaction and reseal, VACUUM,
 * WAL truncate) in ≤ 30 s, and each archive workbook in ≤ 30 s. A purge happens once; the bench
 * runs each step once.
 */
const PEOPLE = 2_000;
const t = makeTestContext();
let clock = new Date('2026-09-01T01:00:00Z');
const ctx = { ...t.ctx, now: () => new Date(clock) };

t.ctx.db
  .transaction(() => {
    const { siteId, roomIds } = benchSite(ctx, 4, 25);
    const batch = createBatch(ctx, {
      siteId,
      label: '2000 人',
      arrivedAt: clock.toISOString(),
      notes: '',
    });
    const people = roomIds
      .slice(0, PEOPLE)
      .map((_, i) => benchResident(i, `139${String(10_000_000 + i).slice(-8)}`));
    const members = registerArrivals(ctx, { batchId: batch.id, people });
    members.forEach((m, i) => checkIn(ctx, m.stayId, roomIds[i]!));
    const reading = t.ctx.db.prepare(
      `INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, symptoms, taken_at)
       VALUES (?, ?, ?, 365, '["cough"]', ?)`,
    );
    for (let d = 1; d <= 14; d++) {
      const day = `2026-09-${String(d).padStart(2, '0')}`;
      for (const [slot, time] of [
        [0, '00:30'],
        [1, '07:30'],
      ] as const) {
        const at = `${day}T${time}:00.000Z`;
        for (const m of members) reading.run(m.stayId, dayNumber(day), slot, Date.parse(at));
      }
    }
    clock = new Date('2026-09-16T02:00:00Z');
    for (const m of members) checkOut(ctx, { id: m.stayId, kind: 'release' });
    drainCapturedChanges(t.ctx.db, { at: clock.toISOString(), actor: null, method: 'bench.seed' });
  })
  .immediate();
t.ctx.db.pragma('wal_checkpoint(TRUNCATE)');

const tr = makeTestRouter(t);
tr.clock.now = new Date(TEST_NOW);
const admin = sessionFor(tr, addUser(t, 'admin', ['administrator', 'coordinator']));
const auditRows = t.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

afterAll(() => t.close());

const ONCE = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe(`the purge of ${PEOPLE} people (${auditRows} audit entries)`, () => {
  // The archive comes first, as it must at the site.
  for (const domain of ['people', 'health', 'audit'] as const) {
    bench(
      `archive.export ${domain} (goal ≤ 30 s)`,
      async () => {
        const file = valueOf<ExportedFile>(
          await tr.router.invoke('archive.export', { domain }, admin),
        );
        console.log(`${file.filename}: ${(file.base64.length * 0.75) / 1e6} MB`);
      },
      ONCE,
    );
  }
  bench(
    'privacy.purge through the router, VACUUM and WAL truncate included (goal ≤ 30 s)',
    async () => {
      const result = valueOf<PurgeResult>(
        await tr.router.invoke(
          'privacy.purge',
          { cutoffDay: '2026-11-01', phrase: PURGE_PHRASES.en },
          admin,
        ),
      );
      if (result.counts.people > 0) console.log(JSON.stringify(result));
    },
    ONCE,
  );
});
