import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { DATABASE_FILE } from '../../src/main/platform/dataDir';
import { auditXlsx } from '../../src/main/accounts/auditExport';
import { suggestAllocation } from '../../src/main/residents/allocation';
import type { ServiceContext } from '../../src/main/services/context';
import { autoFillPeriod } from '../../src/main/roster/autoFillPeriod';
import { createPeriod } from '../../src/main/roster/periods';
import { listSites } from '../../src/main/registry/sites';
import { roundReadingOf } from '../../src/main/health/readings';
import { memoryHandle, SessionStore } from '../../src/main/accounts/sessionStore';
import { createRouter } from '../../src/main/ipc/router';
import type { AuditEntry } from '../../src/shared/accounts';
import {
  measureBoard,
  measureResidents,
  measureRoundTrips,
  median,
  openDesk,
  p95,
  startShell,
} from './browser';
import { recordSql, time, timePair } from './measure';
import { type Row, writeResults } from './results';
import { findFixtures, screens } from './screens';
import { measureForecast } from './forecastBench';
import { buildSingleBundle, firstScreenRows, measureFirstScreen } from './firstScreenBench';
import { measureEncryptedBackup } from './backupBench';
import { districtCopy, districtFile, ensureDistrict, type SeedFigures } from './districtFile';
import { SCALE } from './shape';
import { loadRows, runLoad } from './loadBench';

/**
 * `npm run bench`: builds the district-scale database if it is missing or out of date, measures
 * every screen and action on a copy of it (services, their bare SQL, the router, the browser
 * shell, Chromium), prints one table and writes bench/results.json and bench/RESULTS.md.
 * `--no-load` skips the 60 s load run of 10 desks on a copy of the district (loadBench.ts).
 * `--no-build` skips `electron-vite build` (when out/ is known to be fresh), `--no-browser` skips
 * the shell and Chromium (and the first-screen rows, firstScreenBench.ts), `--browser-only`
 * everything else.
 */
const ROOT = resolve(process.env.ISD_ROOT ?? '.');
const argv = process.argv.slice(2);
const results: Record<string, number> = {};
const rows: Row[] = [];
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const started = Date.now();

function seedRow(seed: SeedFigures, thisRun: boolean): void {
  results['seed.ms'] = seed.ms;
  results['seed.cpuMs'] = seed.cpuMs;
  rows.push({
    group: 'Data',
    name: `seed:scale (${thisRun ? 'this run' : `built ${seed.at.slice(0, 16).replace('T', ' ')} UTC`}): wall clock, and CPU time of its process`,
    figure: `${(seed.ms / 1000).toFixed(1)} s wall, ${(seed.cpuMs / 1000).toFixed(1)} s CPU`,
    target: '≤ 60 s',
    ok: seed.ms <= 60_000,
  });
}

function record(key: string, value: number): number {
  results[key] = Math.round(value * 1000) / 1000;
  return value;
}

const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));

async function measureInProcess(dataDir: string): Promise<void> {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const ctx: ServiceContext = { db, now: () => new Date(SCALE.now) };
  const fixtures = findFixtures(ctx);

  for (const screen of screens(ctx, fixtures)) {
    const bare = recordSql(db, screen.run);
    const [service, sql] = await timePair(screen.run, bare.replay);
    const ratio = service.p95 / sql.p95;
    record(`screen.${screen.key}.p50`, service.p50);
    record(`screen.${screen.key}.p95`, service.p95);
    record(`screen.${screen.key}.bareSqlP95`, sql.p95);
    record(`screen.${screen.key}.ratio`, ratio);
    const limit = screen.key === 'stockCard' ? 30 : 20;
    rows.push({
      group: 'Screen data (service, in process)',
      name: `${screen.label} — ${screen.size()}`,
      figure: `p50 ${ms(service.p50)} / p95 ${ms(service.p95)} ms; bare SQL p95 ${ms(sql.p95)} ms (${bare.statements} statements), ×${ratio.toFixed(2)}`,
      target: `p95 ≤ ${limit} ms, ≤ 1.5× bare SQL`,
      ok: service.p95 <= limit && ratio <= 1.5,
    });
    log(`  ${screen.key}: p95 ${ms(service.p95)} ms, bare ${ms(sql.p95)} ms`);
  }

  rows.push(await measureForecast(ctx, fixtures, record, ms));
  log('backup, plain and encrypted…');
  rows.push(...(await measureEncryptedBackup(ctx.db, record, ms)));

  const allocation = await time(() => suggestAllocation(ctx, { batchId: fixtures.batchId }), {
    minRuns: 5,
    budgetMs: 3000,
  });
  record('allocation.suggest200.p50', allocation.p50);
  record('allocation.suggest200.p95', allocation.p95);
  rows.push({
    group: 'Actions',
    name: 'allocation suggestion for 200 arrivals (site of 1,000 rooms)',
    figure: `p50 ${ms(allocation.p50)} / p95 ${ms(allocation.p95)} ms`,
    target: '≤ 200 ms',
    ok: allocation.p95 <= 200,
  });

  // Auto-fill a new 28-day draft at site 1 (7 posts × 2 heads × 3 shifts = 1,176 places, 500
  // staff in the district), rolled back each time so every run starts from the same roster.
  const rollback = new Error('rollback');
  let added = 0;
  const autofill = await time(
    () => {
      try {
        db.transaction(() => {
          const period = createPeriod(ctx, {
            siteId: fixtures.siteId,
            startsOn: '2026-12-01',
            endsOn: '2026-12-28',
          });
          added = autoFillPeriod(ctx, { periodId: period.id }).added;
          throw rollback;
        }).immediate();
      } catch (error) {
        if (error !== rollback) throw error;
      }
    },
    { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 1 },
  );
  record('roster.autoFill.p50', autofill.p50);
  rows.push({
    group: 'Actions',
    name: `roster auto-fill, 28 days × 7 posts × 2 × 3 shifts (${added} placed)`,
    figure: `p50 ${ms(autofill.p50)} / max ${ms(autofill.p95)} ms`,
    target: '≤ 5,000 ms',
    ok: autofill.p95 <= 5000,
  });

  // The router: a signed-in session, a cheap read, through invoke vs the service itself.
  const sessions = new SessionStore();
  const router = createRouter({
    db,
    now: () => new Date(SCALE.now),
    sessions,
    logger: { error: (m, e) => log(`router: ${m} ${String(e)}`) },
    shell: 'browser',
    version: 'bench',
    dataDir,
  });
  const userId = db
    .prepare("SELECT id FROM users WHERE username = 'bench'")
    .pluck()
    .get() as number;
  const handle = memoryHandle(sessions.create(userId, Date.parse(SCALE.now)).token);
  const viaRouter = await time(() => router.invoke('sites.list', {}, handle), {
    minRuns: 2000,
    maxRuns: 20_000,
    budgetMs: 1500,
  });
  const direct = await time(() => listSites(ctx, { includeRetired: false }), {
    minRuns: 2000,
    maxRuns: 20_000,
    budgetMs: 1500,
  });
  const overhead = viaRouter.p50 - direct.p50;
  record('router.overhead.p50', overhead);
  record('router.invoke.p50', viaRouter.p50);
  rows.push({
    group: 'Router',
    name: 'router overhead per call (sites.list via invoke − service)',
    figure: `${(overhead * 1000).toFixed(0)} µs (invoke p50 ${(viaRouter.p50 * 1000).toFixed(0)} µs, service ${(direct.p50 * 1000).toFixed(0)} µs)`,
    target: '≤ 0.2 ms',
    ok: overhead <= 0.2,
  });

  // 1,000 readings of today's 15:00 round at site 1, each its own audited write.
  const nurse = memoryHandle(sessions.create(userId, Date.parse(SCALE.now)).token);
  const stayIds = db
    .prepare(
      `SELECT s.id FROM stays s JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
       WHERE b.site_id = ? AND s.status = 'active' ORDER BY s.id LIMIT 1000`,
    )
    .pluck()
    .all(fixtures.siteId) as number[];
  const t0 = performance.now();
  for (const stayId of stayIds) {
    const result = await router.invoke(
      'readings.record',
      {
        stayId,
        day: SCALE.today,
        slot: 1,
        temperature: 36.6,
        expectedVersion: roundReadingOf(ctx, stayId, SCALE.today, 1)?.version ?? 0,
      },
      nurse,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  const readingsMs = record('readings.record1000.ms', performance.now() - t0);
  rows.push({
    group: 'Actions',
    name: `${stayIds.length} readings through the router, one audited transaction each`,
    figure: `${ms(readingsMs)} ms`,
    target: '≤ 2,000 ms',
    ok: readingsMs <= 2000,
  });

  // XLSX: 50,000 audit rows through the app's own export.
  const entries: AuditEntry[] = Array.from({ length: 50_000 }, (_, i) => ({
    id: i + 1,
    at: new Date(Date.parse(SCALE.now) - i * 60_000).toISOString(),
    userId: 1,
    username: 'nurse',
    method: 'readings.record',
    outcome: 'ok',
    entity: 'reading',
    entityId: 3_000_000 + i,
    changes: { temperature_tenths: [null, 366], recorded_at: [null, SCALE.now] },
    detail: null,
  }));
  const x0 = performance.now();
  const xlsx = await auditXlsx(entries);
  const xlsxMs = record('xlsx.50000.ms', performance.now() - x0);
  record('xlsx.50000.bytes', xlsx.length);
  rows.push({
    group: 'Export',
    name: 'XLSX export of 50,000 rows (audit export)',
    figure: `${ms(xlsxMs)} ms (${(xlsx.length / 1e6).toFixed(1)} MB)`,
    target: '≤ 3,000 ms',
    ok: xlsxMs <= 3000,
  });
  db.close();
}

function boardRows(
  key: string,
  rooms: number,
  limit: number,
  times: { visible: number[]; complete: number[] },
): void {
  record(`${key}.visible.p50`, median(times.visible));
  record(`${key}.visible.max`, Math.max(...times.visible));
  record(`${key}.complete.p50`, median(times.complete));
  const label = `room board, ${rooms.toLocaleString('en')} rooms`;
  rows.push({
    group: 'Chromium',
    name: `${label}: navigation → first tiles (top floors) painted`,
    figure: `p50 ${ms(median(times.visible))} / max ${ms(Math.max(...times.visible))} ms`,
    target: `≤ ${limit} ms`,
    ok: Math.max(...times.visible) <= limit,
  });
  rows.push({
    group: 'Chromium',
    name: `${label}: navigation → every tile in the page`,
    figure: `p50 ${ms(median(times.complete))} / max ${ms(Math.max(...times.complete))} ms`,
    target: '—',
    ok: null,
  });
}

async function measureBrowser(dataDir: string): Promise<void> {
  if (!argv.includes('--no-build')) {
    log('Building the app (electron-vite build)…');
    execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const shell = await startShell(ROOT, dataDir);
  try {
    const desk = await openDesk(ROOT, shell.url);
    try {
      const trips = await measureRoundTrips(desk.page, 200);
      record('shell.roundTrip.p50', median(trips));
      record('shell.roundTrip.p95', p95(trips));
      rows.push({
        group: 'Browser shell',
        name: 'one round trip (window.api → HTTP → router → back), sites.list',
        figure: `p50 ${ms(median(trips))} / p95 ${ms(p95(trips))} ms`,
        target: '—',
        ok: null,
      });
      boardRows('chromium.board1000', 1000, 250, await measureBoard(desk.page, 1000, 7));
      const residents = await measureResidents(desk.page);
      record('chromium.residentsScrollStep.p95', p95(residents.scrollStepMs));
      record('chromium.residentsPageTurn.p50', median(residents.pageTurnMs));
      rows.push({
        group: 'Chromium',
        name: 'residents grid (virtualised, 50-row pages): one scroll step, timed over two animation frames',
        figure: `p50 ${ms(median(residents.scrollStepMs))} / p95 ${ms(p95(residents.scrollStepMs))} ms`,
        target: '— (two frames are 33 ms)',
        ok: null,
      });
      rows.push({
        group: 'Chromium',
        name: 'residents grid: next page (keyset) to new rows painted',
        figure: `p50 ${ms(median(residents.pageTurnMs))} / max ${ms(Math.max(...residents.pageTurnMs))} ms`,
        target: '—',
        ok: null,
      });

      // The whole district as one site: every building moved under site 1 in this copy.
      const db = openDatabase(join(dataDir, DATABASE_FILE));
      const siteId = db.prepare('SELECT min(id) FROM sites').pluck().get() as number;
      db.prepare('UPDATE buildings SET site_id = ?').run(siteId);
      const total = db.prepare('SELECT count(*) FROM rooms').pluck().get() as number;
      db.close();
      boardRows('chromium.board5000', total, 500, await measureBoard(desk.page, total, 7));
    } finally {
      await desk.close();
    }
    const rss = record('shell.peakRss.bytes', shell.peakRss());
    rows.push({
      group: 'Memory and size',
      name: 'main process (browser shell) peak RSS over the browser run',
      figure: `${(rss / 1048576).toFixed(0)} MB`,
      target: '≤ 300 MB',
      ok: rss <= 300 * 1048576,
    });
  } finally {
    await shell.stop();
  }
}

/**
 * The load run on a fresh copy of the district database (the browser run moved every building
 * of its copy under site 1), with out/ from the browser run's build.
 */
async function measureLoad(): Promise<void> {
  const copy = districtCopy(ROOT);
  try {
    rows.push(...loadRows(await runLoad(ROOT, copy.dataDir, { place: 'district' }), record));
  } finally {
    copy.remove();
  }
}

async function main(): Promise<void> {
  const { seed, built } = ensureDistrict(ROOT, log);
  if (seed) seedRow(seed, built);
  const size = record('database.bytes', statSync(districtFile(ROOT)).size);
  const { dataDir, remove } = districtCopy(ROOT);
  try {
    if (!argv.includes('--browser-only')) {
      log('Measuring in process…');
      await measureInProcess(dataDir);
    }
    if (!argv.includes('--no-browser')) {
      log('Measuring the browser shell and Chromium…');
      await measureBrowser(dataDir);
      log('First screen: the split build against one bundle, on demo folders…');
      buildSingleBundle(ROOT);
      rows.push(...firstScreenRows(await measureFirstScreen(ROOT), record));
    }
    if (!argv.includes('--no-load')) {
      log('Load run: 10 desks for 60 s over HTTPS through the host on loopback, district copy…');
      await measureLoad();
    }
  } finally {
    remove();
  }
  rows.push({
    group: 'Memory and size',
    name: 'database file (3,000,000 readings …)',
    figure: `${(size / 1048576).toFixed(0)} MB`,
    target: '≤ 400 MB',
    ok: size <= 400 * 1048576,
  });
  const benchRss = record('bench.peakRss.bytes', process.resourceUsage().maxRSS * 1024);
  rows.push({
    group: 'Memory and size',
    name: 'bench process peak RSS (services in process, for comparison)',
    figure: `${(benchRss / 1048576).toFixed(0)} MB`,
    target: '—',
    ok: null,
  });
  await writeResults(ROOT, rows, results, (Date.now() - started) / 1000);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
