import type { Post, ShiftTemplate } from '../../shared/roster';
import type { StockItem } from '../../shared/stock';
import { buildSite, checkInto, makeDesk, person, type BuiltSite, type Desk } from './peopleTesting';

/**
 * A realistic site on the test clock's day (Sunday 29 November 2026, 16:00 at the site): 45 single
 * rooms on three floors, 37 residents in residence — four of them due for release on 1, 2, 3 and
 * 3 December (exposed earlier) — and a bus of 6 registered for tomorrow morning (two households of
 * two, two travelling alone); a gate post on three shifts and a medical post on the day shift,
 * with a roster published for 29 November – 2 December; masks, protective suits, disinfectant and
 * gloves in the catalogue.
 */
export interface ForecastSite {
  desk: Desk;
  site: BuiltSite;
  siteId: number;
  /** Observation ends of the four residents due for release within the week. */
  releases: string[];
  arrivalDay: string;
  gate: Post;
  medical: Post;
  shifts: ShiftTemplate[];
  rosterDays: string[];
  masks: StockItem;
  suits: StockItem;
  disinfectant: StockItem;
  gloves: StockItem;
  thermometerCovers: StockItem;
}

const RELEASE_EXPOSURES = ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-19'];

async function item(desk: Desk, name: string, spec: string, baseUnit: string) {
  return desk.call('stock.createItem', { name, category: 'ppe', spec, baseUnit });
}

export async function makeForecastSite(): Promise<ForecastSite> {
  const desk = makeDesk();
  const floor = (level: number) => ({
    level,
    rooms: Array.from({ length: 15 }, (_r, i) => ({
      number: `P-${level}${String(i + 1).padStart(2, '0')}`,
      capacity: 1,
      type: 'single' as const,
    })),
  });
  const site = buildSite(desk.t.ctx, [floor(1), floor(2), floor(3)], '南通市崇川区某集中隔离点');
  const siteId = site.siteId;
  const rooms = Object.keys(site.rooms);
  const bus = await desk.call('arrivals.create', {
    siteId,
    label: '崇川区转运第3车',
    arrivedAt: '2026-11-27T10:00:00+08:00',
  });
  await checkInto(
    desk,
    bus.id,
    site,
    Array.from({ length: 37 }, (_p, i) => [
      person({
        fullName: `隔离人员${i + 1}`,
        ...(i < RELEASE_EXPOSURES.length ? { lastExposureDate: RELEASE_EXPOSURES[i] } : {}),
      }),
      rooms[i]!,
    ]),
  );
  const tomorrow = await desk.call('arrivals.create', {
    siteId,
    label: '濠西街道转运车',
    arrivedAt: '2026-11-30T09:00:00+08:00',
  });
  await desk.call('arrivals.register', {
    batchId: tomorrow.id,
    people: [
      person({ fullName: '陈甲', household: '陈家' }),
      person({ fullName: '陈乙', household: '陈家' }),
      person({ fullName: '周甲', household: '周家', gender: 'female' }),
      person({ fullName: '周乙', household: '周家', gender: 'female' }),
      person({ fullName: '吴单' }),
      person({ fullName: '郑单', gender: 'female' }),
    ],
  });

  const shift = (name: string, start: string, end: string) =>
    desk.call('shifts.create', { siteId, name, start, end });
  const shifts = [
    await shift('白班', '08:00', '16:00'),
    await shift('中班', '16:00', '24:00'),
    await shift('夜班', '00:00', '08:00'),
  ];
  const gate = await desk.call('posts.create', {
    siteId,
    name: '门岗',
    roles: ['security'],
    headCount: 1,
    templateIds: shifts.map((s) => s.id),
  });
  const medical = await desk.call('posts.create', {
    siteId,
    name: '医疗点',
    roles: ['nurse', 'doctor'],
    headCount: 1,
    templateIds: [shifts[0]!.id],
  });
  for (const [fullName, role] of [
    ['护士甲', 'nurse'],
    ['护士乙', 'nurse'],
    ['保安一', 'security'],
    ['保安二', 'security'],
    ['保安三', 'security'],
    ['保安四', 'security'],
  ] as const) {
    await desk.call('staff.create', { fullName, role, phone: '13900001111' });
  }
  const rosterDays = ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'];
  const period = await desk.call('roster.createPeriod', {
    siteId,
    startsOn: rosterDays[0]!,
    endsOn: rosterDays[rosterDays.length - 1]!,
  });
  await desk.call('roster.autoFill', { periodId: period.id });
  await desk.call('roster.publish', { periodId: period.id });

  return {
    desk,
    site,
    siteId,
    releases: RELEASE_EXPOSURES.map((d) => {
      const end = new Date(`${d}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 14);
      return end.toISOString().slice(0, 10);
    }),
    arrivalDay: '2026-11-30',
    gate,
    medical,
    shifts,
    rosterDays,
    masks: await item(desk, '医用外科口罩', '一次性', '只'),
    suits: await item(desk, '医用防护服', '连体', '套'),
    disinfectant: await item(desk, '84消毒液', '500ml', '瓶'),
    gloves: await item(desk, '一次性手套', 'PE', '副'),
    thermometerCovers: await item(desk, '耳温枪耳套', '', '个'),
  };
}
