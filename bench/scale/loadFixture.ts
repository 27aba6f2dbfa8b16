import type { Settings } from '../../src/shared/domain';
import type { RoundSheet } from '../../src/shared/health';
import type { OnHandRow } from '../../src/shared/stock';
import type { HttpDesk } from '../../src/main/testing/httpDesk';
import { EARLY_MINUTES } from '../../src/main/health/rounds';
import { addDays, siteDay, siteInstant } from '../../src/shared/siteDate';
import { residentIdCheckChar } from '../../src/shared/idNumber';

/** What the desks work on: one site, one round, and per desk its own resident and room. */
export interface Fixture {
  siteId: number;
  day: string;
  slot: number;
  /** The floor whose round sheet the desks read; the whole site's when absent. */
  floorId?: number;
  /** Per desk: its resident's stay and the version of their reading of the round (0: none). */
  residents: { stayId: number; readingVersion: number }[];
  /** Per desk: its own room, with the fields rooms.update needs. */
  rooms: {
    id: number;
    number: string;
    capacity: number;
    type: string;
    features: string[];
    version: number;
  }[];
  item: { id: number; unit: string };
}

/** Every stock issue of the run says so: verification counts them by it. */
export const LOAD_REASON = '负载测试';

const SITE_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const roomsOf = (admin: HttpDesk, ids: number[]): Promise<Fixture['rooms']> =>
  Promise.all(ids.map((id) => admin.value<Fixture['rooms'][number]>('rooms.get', { id })));

/**
 * What the run needs on the demo site: a round under way, one resident per desk (from the seed's
 * Chongchuan streets' naming), a room per desk, and enough of one item on hand to issue from.
 */
export async function prepareDemo(admin: HttpDesk, desks: number): Promise<Fixture> {
  const [site] = await admin.value<{ id: number }[]>('sites.list', { includeRetired: false });
  const siteId = site!.id;
  const start = SITE_CLOCK.format(new Date(Date.now() - 5 * 60_000));
  const time = start > SITE_CLOCK.format(new Date()) ? '00:00' : start;
  await admin.value('settings.updateHealth', {
    roundTimes: [time],
    roundWindowMinutes: 180,
    feverThresholdTenths: 373,
    recheckMinutes: 30,
    restartRoommatesObservation: true,
  });
  const free = await admin.value<{ rows: { id: number }[] }>('rooms.page', {
    siteId,
    statuses: ['available'],
    limit: 100,
  });
  const batch = await admin.value<{ id: number }>('arrivals.create', {
    siteId,
    label: LOAD_REASON,
    arrivedAt: new Date().toISOString(),
  });
  const people = Array.from({ length: desks }, (_, i) => {
    const first17 = `320602198${i % 10}0415${String(11 + 2 * i).padStart(3, '0')}`;
    return {
      fullName: `${LOAD_REASON}${i + 1}`,
      gender: 'male',
      birthDate: `198${i % 10}-04-15`,
      documentType: 'resident_id',
      documentNumber: first17 + residentIdCheckChar(first17),
      category: 'close_contact',
    };
  });
  const members = await admin.value<{ stayId: number }[]>('arrivals.register', {
    batchId: batch.id,
    people,
  });
  const rooms = free.rows.slice(0, desks);
  await admin.value('allocation.confirm', {
    batchId: batch.id,
    lines: members.map((m, i) => ({ stayId: m.stayId, roomId: rooms[i]!.id })),
  });
  // An item of the seed's donation lists, bought in for the run (the demo site stocks none).
  const item = await admin.value<{ id: number; baseUnit: string }>('stock.createItem', {
    name: '一次性医用口罩（负载测试）',
    category: 'ppe',
    spec: '独立包装',
    baseUnit: '只',
  });
  await admin.value('stock.receive', {
    siteId,
    occurredAt: new Date().toISOString(),
    source: 'donation',
    // A donor of the district bulletin (the seed document).
    party: { kind: 'company', name: '南通市科健医疗器械有限公司' },
    reason: '负载测试备货',
    lines: [{ itemId: item.id, quantity: 100_000, unit: item.baseUnit }],
  });
  return {
    siteId,
    day: siteDay(new Date()),
    slot: 0,
    residents: members.map((m) => ({ stayId: m.stayId, readingVersion: 0 })),
    rooms: await roomsOf(
      admin,
      rooms.map((r) => r.id),
    ),
    item: { id: item.id, unit: item.baseUnit },
  };
}

/**
 * The latest round readings may be taken for now: today's last round that has opened (its time
 * less EARLY_MINUTES), else — in the small hours, before the first — yesterday's last. The site's
 * own round times are kept: the shell runs on the real clock, days after the seed's "now".
 */
export function latestOpenRound(settings: Settings, now: Date): { day: string; slot: number } {
  const today = siteDay(now);
  const opened = settings.roundTimes.filter(
    (time) => siteInstant(today, time).getTime() - EARLY_MINUTES * 60_000 <= now.getTime(),
  ).length;
  return opened > 0
    ? { day: today, slot: opened - 1 }
    : { day: addDays(today, -1), slot: settings.roundTimes.length - 1 };
}

/**
 * What the run needs on a copy of the district, worked out from its data through the app's own
 * calls: the latest open round, and on the given floor's sheet of it one resident in residence
 * (no open fever case, so that readings stay routine) per desk, each in a room of their own for
 * that desk to edit; and the site store's item with the most on hand, which must cover an issue
 * on every one of the desks' operations.
 */
export async function prepareDistrict(
  admin: HttpDesk,
  desks: number,
  site: { siteId: number; floorId: number; mostIssues: number },
): Promise<Fixture> {
  const { siteId, floorId } = site;
  const round = latestOpenRound(await admin.value<Settings>('settings.get', {}), new Date());
  const sheet = await admin.value<RoundSheet>('rounds.sheet', { siteId, floorId, ...round });
  const chosen: RoundSheet['rows'] = [];
  for (const row of sheet.rows) {
    if (chosen.length === desks) break;
    if (row.active && !row.feverOpen && !chosen.some((c) => c.roomId === row.roomId))
      chosen.push(row);
  }
  if (chosen.length < desks) {
    throw new Error(`Floor ${floorId} has ${chosen.length} residents in rooms of their own`);
  }
  const stock = await admin.value<OnHandRow[]>('stock.onHand', { siteId });
  const item = stock.reduce((a, b) => (b.onHand > a.onHand ? b : a), stock[0]!);
  if (!item || item.onHand < site.mostIssues) {
    throw new Error(
      `Site ${siteId} has ${item?.onHand ?? 0} on hand; the run may issue ${site.mostIssues}`,
    );
  }
  return {
    siteId,
    ...round,
    floorId,
    residents: chosen.map((r) => ({ stayId: r.stayId, readingVersion: r.reading?.version ?? 0 })),
    rooms: await roomsOf(
      admin,
      chosen.map((r) => r.roomId),
    ),
    item: { id: item.itemId, unit: item.baseUnit },
  };
}
