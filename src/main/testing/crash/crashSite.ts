import { addDays } from '../../../shared/siteDate';
import { buildSite, deskOver, type Desk } from '../peopleTesting';
import { makeTestContext, TEST_NOW, type TestContext } from '../tempDb';

/** What the writer needs to know about the site it works on (the rest it reads from the file). */
export interface CrashSite {
  file: string;
  userId: number;
  siteId: number;
  batchId: number;
  periodId: number;
  days: string[];
  items: { id: number; unit: string }[];
}

/** Rooms on the crash-test site: enough that admissions rarely wait for a check-out. */
const ROOMS_PER_FLOOR = 12;
const FLOORS = 3;
/** The roster week the writer assigns into. */
const MONDAY = '2026-11-30';

/**
 * A site with rooms, a batch to register into, a week's roster (posts, shifts, staff) and two
 * stock items, made through the router in a fresh database file; the file is closed afterwards.
 */
export async function prepareCrashSite(): Promise<{ site: CrashSite; t: TestContext }> {
  const t = makeTestContext();
  const desk: Desk = deskOver(t, ['administrator', 'coordinator', 'medical', 'warehouse']);
  const built = buildSite(
    t.ctx,
    Array.from({ length: FLOORS }, (_, f) => ({
      level: f + 1,
      rooms: Array.from({ length: ROOMS_PER_FLOOR }, (_, r) => ({
        number: `${f + 1}${String(r + 1).padStart(2, '0')}`,
        capacity: 1,
        type: 'single' as const,
      })),
    })),
  );
  const siteId = built.siteId;
  const batch = await desk.call('arrivals.create', {
    siteId,
    label: 'Crash test arrivals',
    arrivedAt: TEST_NOW.toISOString(),
  });
  const shifts = [];
  for (const [name, start, end] of [
    ['白班', '08:00', '16:00'],
    ['中班', '16:00', '24:00'],
    ['夜班', '00:00', '08:00'],
  ] as const)
    shifts.push(await desk.call('shifts.create', { siteId, name, start, end }));
  const templateIds = shifts.map((s) => s.id);
  await desk.call('posts.create', {
    siteId,
    name: '门岗',
    roles: ['security'],
    headCount: 2,
    templateIds,
  });
  await desk.call('posts.create', {
    siteId,
    name: '医疗点',
    roles: ['nurse'],
    headCount: 1,
    templateIds,
  });
  for (let i = 0; i < 6; i++) {
    await desk.call('staff.create', { fullName: `保安${i}`, role: 'security', phone: '' });
    await desk.call('staff.create', { fullName: `护士${i}`, role: 'nurse', phone: '' });
  }
  const period = await desk.call('roster.createPeriod', {
    siteId,
    startsOn: MONDAY,
    endsOn: addDays(MONDAY, 6),
  });
  const masks = await desk.call('stock.createItem', {
    name: '医用外科口罩',
    category: 'ppe',
    baseUnit: '只',
  });
  const alcohol = await desk.call('stock.createItem', {
    name: '医用酒精',
    category: 'disinfection',
    baseUnit: '公斤',
  });
  t.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  t.ctx.db.close();
  return {
    t,
    site: {
      file: t.file,
      userId: desk.userId,
      siteId,
      batchId: batch.id,
      periodId: period.id,
      days: Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i)),
      items: [
        { id: masks.id, unit: '只' },
        { id: alcohol.id, unit: '公斤' },
      ],
    },
  };
}
