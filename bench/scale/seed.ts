import { existsSync, renameSync, rmSync } from 'node:fs';
import { installChangeCapture } from '../../src/main/db/changeCapture';
import { openDatabase, type Db } from '../../src/main/db/open';
import { personInput } from '../../src/shared/contract/people';
import {
  createBatch,
  registerArrivals,
  type ArrivalInput,
} from '../../src/main/residents/arrivals';
import { drainCapturedChanges } from '../../src/main/accounts/audit';
import type { ServiceContext } from '../../src/main/services/context';
import { scalePerson } from './people';
import { seedRoster } from './seedRoster';
import { seedStays } from './seedStays';
import { seedStock } from './seedStock';
import { seedStructure } from './seedStructure';
import { SCALE, iso, msOfDay } from './shape';

export type Progress = (label: string, done: number, total: number) => void;

/** Tables filled row by row below. */
const BULK_TABLES = [
  'arrival_batches',
  'people',
  'stays',
  'stay_events',
  'disinfections',
  'rooms',
  'room_status_log',
  'readings',
  'fever_cases',
  'transfers',
  'stock_documents',
  'stock_movements',
  'roster_periods',
  'roster_assignments',
];

/** Readings are written stay by stay: these indexes only ever grow at their end, cheaply. */
const APPENDED_IN_ORDER = ['readings_by_stay'];

/**
 * Fills the bulk tables with their change capture lifted and their secondary indexes dropped,
 * then puts both back exactly as the migrations made them: building an index once over sorted
 * rows is several times quicker than growing it row by row, and a unique index re-created over
 * the rows still refuses any duplicate.
 */
function bulkLoad(db: Db, progress: Progress, fill: () => void): void {
  const tables = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables})`,
    )
    .all()
    .filter((index) => !APPENDED_IN_ORDER.includes(index.name));
  for (const table of BULK_TABLES) {
    for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER ${table}_capture_${op}`);
  }
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  fill();
  for (const index of indexes) db.exec(index.sql);
  progress('indexes', indexes.length, indexes.length);
  for (const table of BULK_TABLES) installChangeCapture(db, table);
}

function arrivalsToday(ctx: ServiceContext, siteId: number): void {
  const batch = createBatch(ctx, {
    siteId,
    label: '今日转运 200 人',
    arrivedAt: iso(msOfDay(SCALE.today, 13 * 60)),
    notes: '',
  });
  const people: ArrivalInput[] = Array.from({ length: SCALE.arrivals }, (_, i) =>
    personInput.parse({
      ...scalePerson(SCALE.stays + i),
      documentType: 'resident_id',
      category: 'close_contact',
      // Households of 3 for the first 90, then singles: as in the allocation benchmark.
      ...(i < 90 ? { household: `户${Math.floor(i / 3)}` } : {}),
    }),
  );
  registerArrivals(ctx, { batchId: batch.id, people });
}

/**
 * Builds the district-scale database at `out`: the structure, accounts and the arrivals of today
 * through the real services (audited as `bench.seedScale`), the bulk of the history through
 * prepared statements under every CHECK, unique index, foreign key and append-only trigger. The
 * bulk rows have no audit rows of their own (their change capture is lifted while they fill and
 * reinstalled after). Written to a side file and renamed, so a failed run leaves nothing behind.
 */
export function seedScale(out: string, progress: Progress): void {
  const partial = `${out}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(partial);
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    // Index builds sort in memory, on both cores.
    db.pragma('temp_store = MEMORY');
    db.pragma('threads = 2');
    const ctx: ServiceContext = { db, now: () => new Date(SCALE.now) };
    const audit = (): number =>
      drainCapturedChanges(db, { at: SCALE.now, actor: null, method: 'bench.seedScale' });

    const structure = db.transaction(() => {
      const s = seedStructure(ctx);
      audit();
      return s;
    })();
    progress('structure', 1, 1);
    db.transaction(() =>
      bulkLoad(db, progress, () => {
        seedStays(
          db,
          {
            recordedBy: structure.userIds.nurse,
            stays: SCALE.stays - SCALE.arrivals,
            readings: SCALE.readings,
          },
          progress,
        );
        seedStock(
          db,
          {
            siteId: structure.siteIds[0]!,
            store: structure.stores[0]!,
            itemIds: structure.itemIds,
            recordedBy: structure.userIds.bench,
          },
          progress,
        );
        seedRoster(
          db,
          {
            siteIds: structure.siteIds,
            staffIds: structure.staffIds,
            templates: structure.templates,
            posts: structure.posts,
            publishedBy: structure.userIds.bench,
          },
          progress,
        );
      }),
    ).immediate();
    db.transaction(() => {
      arrivalsToday(ctx, structure.siteIds[0]!);
      audit();
    }).immediate();
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new Error(`${violations.length} foreign key violations`);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
  renameSync(partial, out);
  if (existsSync(`${partial}-wal`)) rmSync(`${partial}-wal`);
  if (existsSync(`${partial}-shm`)) rmSync(`${partial}-shm`);
}
