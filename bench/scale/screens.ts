import type { ServiceContext } from '../../src/main/services/context';
import { dailyReport } from '../../src/main/reports/dailyReport';
import { residentPage, type ResidentPageInput } from '../../src/main/residents/residents';
import { roomBoard } from '../../src/main/registry/roomBoard';
import { roundSheet } from '../../src/main/health/rounds';
import { rosterGrid } from '../../src/main/roster/grid';
import { stockCard } from '../../src/main/stock/onHand';
import { stockReport } from '../../src/main/stock/report';
import { todayOverview } from '../../src/main/today/overview';
import { addDays } from '../../src/shared/siteDate';
import { SCALE } from './shape';

/** The rows the screens are measured on: site 1 (1,000 rooms) and what belongs to it. */
export interface Fixtures {
  siteId: number;
  floorId: number;
  periodId: number;
  busyItemId: number;
  batchId: number;
  /** The cursor of page 20 of the residents in residence (50 a page). */
  page20Cursor: string;
}

export function findFixtures(ctx: ServiceContext): Fixtures {
  const db = ctx.db;
  const one = <T>(sql: string, ...args: unknown[]): T => {
    const v = db
      .prepare(sql)
      .pluck()
      .get(...args) as T | undefined;
    if (v === undefined) throw new Error(`Scale database lacks: ${sql}`);
    return v;
  };
  const siteId = one<number>('SELECT min(id) FROM sites');
  const floorId = one<number>(
    `SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id
     WHERE b.site_id = ? ORDER BY b.code, f.level LIMIT 1 OFFSET 4`,
    siteId,
  );
  const periodId = one<number>(
    'SELECT id FROM roster_periods WHERE site_id = ? AND starts_on = ?',
    siteId,
    `${SCALE.today.slice(0, 7)}-01`,
  );
  const busyItemId = one<number>(
    'SELECT item_id FROM stock_movements GROUP BY item_id ORDER BY count(*) DESC LIMIT 1',
  );
  const batchId = one<number>(
    "SELECT batch_id FROM stays WHERE status = 'registered' GROUP BY batch_id ORDER BY count(*) DESC LIMIT 1",
  );
  let cursor: string | undefined;
  for (let page = 1; page < 20; page++) {
    cursor = residentPage(ctx, { ...residentsInput(siteId), cursor }).nextCursor ?? undefined;
    if (!cursor) throw new Error('Fewer than 20 pages of residents');
  }
  return { siteId, floorId, periodId, busyItemId, batchId, page20Cursor: cursor! };
}

const residentsInput = (siteId: number): ResidentPageInput => ({
  siteId,
  view: 'in_residence',
  sort: 'room',
  direction: 'asc',
  limit: 50,
});

export interface Screen {
  key: string;
  label: string;
  run: () => unknown;
  /** What a row count on the screen means, shown beside the figure. */
  size: () => string;
}

/** Each screen's data call, as the renderer makes it, on site 1 of the district. */
export function screens(ctx: ServiceContext, f: Fixtures): Screen[] {
  const today = SCALE.today;
  const sheet = (floorId?: number) =>
    roundSheet(ctx, {
      siteId: f.siteId,
      day: today,
      slot: 0,
      ...(floorId === undefined ? {} : { floorId }),
    });
  // Every part of the home screen: a coordinator's view.
  const coordinator = {
    ...ctx,
    actor: { userId: 0, username: 'bench', displayName: 'bench', roles: ['coordinator' as const] },
  };
  const list: Screen[] = [
    {
      key: 'roomBoard',
      label: 'room board, site of 1,000 rooms',
      run: () => roomBoard(ctx, { siteId: f.siteId }),
      size: () => `${roomBoard(ctx, { siteId: f.siteId }).totalRooms} rooms`,
    },
    {
      key: 'residentsPage1',
      label: 'residents list, page 1 (50)',
      run: () => residentPage(ctx, residentsInput(f.siteId)),
      size: () => `${residentPage(ctx, residentsInput(f.siteId)).total} in residence`,
    },
    {
      key: 'residentsPage20',
      label: 'residents list, page 20 (keyset)',
      run: () => residentPage(ctx, { ...residentsInput(f.siteId), cursor: f.page20Cursor }),
      size: () => 'rows 951–1,000',
    },
    {
      key: 'residentsDeparted',
      label: 'departed residents, page 1',
      run: () => residentPage(ctx, { ...residentsInput(f.siteId), view: 'departed' }),
      size: () =>
        `${residentPage(ctx, { ...residentsInput(f.siteId), view: 'departed' }).total} departed`,
    },
    {
      key: 'residentsDepartedRecent',
      label: 'departed residents, page 1, latest check-in first (the screen’s default)',
      run: () =>
        residentPage(ctx, {
          ...residentsInput(f.siteId),
          view: 'departed',
          sort: 'check_in',
          direction: 'desc',
        }),
      size: () => 'same view',
    },
    {
      key: 'dueForRelease',
      label: 'due for release today',
      run: () => residentPage(ctx, { ...residentsInput(f.siteId), view: 'due_today' }),
      size: () =>
        `${residentPage(ctx, { ...residentsInput(f.siteId), view: 'due_today' }).total} due`,
    },
    {
      key: 'roundSheetFloor',
      label: 'round sheet, one floor',
      run: () => sheet(f.floorId),
      size: () => `${sheet(f.floorId).expected} residents`,
    },
    {
      key: 'roundSheetSite',
      label: 'round sheet, whole site',
      run: () => sheet(),
      size: () => `${sheet().expected} residents`,
    },
    {
      key: 'dailyReport',
      label: 'daily report',
      run: () => dailyReport(ctx, { siteId: f.siteId, day: today }),
      size: () => '14-day occupancy',
    },
    {
      key: 'todayOverview',
      label: 'home screen (今日概况), as a coordinator sees it',
      run: () => todayOverview(coordinator, { siteId: f.siteId }),
      size: () => {
        const home = todayOverview(coordinator, { siteId: f.siteId });
        return `${home.people!.inResidence} in residence, ${home.rounds!.length} rounds by floor`;
      },
    },
    {
      key: 'stockReport',
      label: 'stock period report, 30 days',
      run: () => stockReport(ctx, { siteId: f.siteId, from: addDays(today, -29), to: today }),
      size: () => '300 items',
    },
    {
      key: 'stockCard',
      label: 'stock card, busiest item, 30 days',
      run: () =>
        stockCard(ctx, {
          siteId: f.siteId,
          itemId: f.busyItemId,
          from: addDays(today, -30),
          to: addDays(today, 1),
        }),
      size: () =>
        `${
          stockCard(ctx, {
            siteId: f.siteId,
            itemId: f.busyItemId,
            from: addDays(today, -30),
            to: addDays(today, 1),
          }).rows.length
        } movements`,
    },
    {
      key: 'rosterMonth',
      label: 'roster month grid',
      run: () => rosterGrid(ctx, { periodId: f.periodId }),
      size: () => `${rosterGrid(ctx, { periodId: f.periodId }).slots.length} slots`,
    },
  ];
  return list;
}
