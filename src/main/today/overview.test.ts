import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, siteInstant } from '../../shared/siteDate';
import type { TodayOverview } from '../../shared/today';
import {
  buildSite,
  checkInto,
  deskOver,
  makeDesk,
  person,
  setDeskClock,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import {
  addLeaderPost,
  assignMonday,
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  type RosterWeek,
} from '../testing/rosterTesting';
import { plansOf } from '../testing/queryPlans';
import { TEST_NOW } from '../testing/tempDb';
import { todayOverview } from './overview';

const DAY = '2026-11-29';
const at = (time: string) => siteInstant(DAY, time).toISOString();

/**
 * A realistic day at a two-floor site: the inputs, from which the test works out every figure on
 * its own. Everyone checks in at 07:30; the 08:00 round is taken at 08:30, the 15:00 round at
 * 16:00 (TEST_NOW), when 欧阳发热's fever case goes to hospital and her roommate becomes a contact.
 */
interface Resident {
  name: string;
  room: string;
  level: number;
  lastExposure?: string;
  /** A family shares a room. */
  household?: string;
  /** Round readings by slot, °C. */
  readings: Partial<Record<0 | 1, number>>;
  transferred?: boolean;
}
const RESIDENTS: Resident[] = [
  {
    name: '欧阳发热',
    room: 'P-101',
    level: 1,
    household: '欧阳家',
    readings: { 0: 36.6, 1: 38.6 },
    transferred: true,
  },
  { name: '欧阳同住', room: 'P-101', level: 1, household: '欧阳家', readings: {} },
  {
    name: '王到期',
    room: 'P-102',
    level: 1,
    lastExposure: '2026-11-15',
    readings: { 0: 36.4, 1: 36.5 },
  },
  {
    name: '赵明日',
    room: 'P-201',
    level: 2,
    lastExposure: '2026-11-16',
    readings: { 0: 36.7, 1: 36.6 },
  },
  { name: '孙低热', room: 'P-202', level: 2, readings: { 1: 38.2 } },
];
const WAITING = ['周未到', '吴未到'];
const ROOMS = [
  { level: 1, rooms: ['P-101', 'P-102', 'P-103'] },
  { level: 2, rooms: ['P-201', 'P-202', 'P-203'] },
];
const OUT_OF_SERVICE = 'P-203';
const FEVER_TENTHS = 373;

describe('today.overview: the home screen of a realistic day', () => {
  let desk: Desk;
  let site: BuiltSite;
  const overview = (d: Desk = desk) => d.call('today.overview', { siteId: site.siteId });

  beforeEach(async () => {
    setDeskClock((desk = makeDesk()), at('07:30'));
    site = buildSite(
      desk.t.ctx,
      ROOMS.map((f) => ({
        level: f.level,
        rooms: f.rooms.map((number) => ({
          number,
          capacity: 2,
          type: 'double' as const,
          ...(number === OUT_OF_SERVICE ? { status: 'out_of_service' as const } : {}),
        })),
      })),
    );
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '火车站大巴 07:10',
      arrivedAt: at('07:10'),
    });
    const members = await checkInto(
      desk,
      batch.id,
      site,
      RESIDENTS.map((r) => [
        person({
          fullName: r.name,
          ...(r.lastExposure ? { lastExposureDate: r.lastExposure } : {}),
          ...(r.household ? { household: r.household } : {}),
        }),
        r.room,
      ]),
    );
    await desk.call('arrivals.register', {
      batchId: batch.id,
      people: WAITING.map((name) => person({ fullName: name })),
    });
    for (const [slot, time] of [
      [0, '08:30'],
      [1, '16:00'],
    ] as const) {
      setDeskClock(desk, at(time));
      for (const [i, r] of RESIDENTS.entries()) {
        const temperature = r.readings[slot];
        if (temperature !== undefined)
          await desk.call('readings.record', {
            stayId: members[i]!.stayId,
            day: DAY,
            slot,
            temperature,
            expectedVersion: 0,
          });
      }
    }
    expect(desk.t.ctx.now().toISOString()).toBe(TEST_NOW.toISOString());
    for (const fever of await desk.call('fever.list', { siteId: site.siteId })) {
      const stay = RESIDENTS[members.findIndex((m) => m.stayId === fever.stayId)]!;
      if (!stay.transferred) continue;
      await desk.call('fever.recheck', { caseId: fever.id, temperature: 38.9 });
      await desk.call('fever.transfer', {
        caseId: fever.id,
        hospital: '南通市第三人民医院',
        departedAt: TEST_NOW.toISOString(),
        escort: '陈医生',
        vehicle: '120 急救车',
      });
    }
  });
  afterEach(() => desk.t.close());

  it('counts rooms, residents, arrivals and releases due as the inputs give them', async () => {
    const home = await overview();
    const stillIn = RESIDENTS.filter((r) => !r.transferred);
    const occupied = new Set(stillIn.map((r) => r.room));
    const allRooms = ROOMS.flatMap((f) => f.rooms);
    const endOf = (r: Resident) => addDays(r.lastExposure ?? DAY, 14);
    expect(home.rooms).toEqual({
      byStatus: {
        available: allRooms.filter((n) => !occupied.has(n) && n !== OUT_OF_SERVICE).length,
        reserved: 0,
        occupied: occupied.size,
        awaiting_disinfection: 0,
        out_of_service: 1,
      },
      total: allRooms.length,
    });
    expect(home.people).toEqual({
      inResidence: stillIn.length,
      arrivalsExpected: WAITING.length,
      dueToday: stillIn.filter((r) => endOf(r) <= DAY && r.lastExposure).length,
      dueTomorrow: stillIn.filter((r) => endOf(r) === addDays(DAY, 1)).length,
    });
    expect(home.people!.dueToday).toBe(1);
  });

  it("gives each round's progress floor by floor, and the site's figures are the 日报's", async () => {
    const home = await overview();
    // Everyone was in for both rounds; the one transferred left after her 15:00 reading.
    const expected = (slot: 0 | 1, level: number) => {
      const floor = RESIDENTS.filter((r) => r.level === level);
      const measured = floor.filter((r) => r.readings[slot] !== undefined);
      return {
        level,
        expected: floor.length,
        recorded: measured.length,
        missing: floor.length - measured.length,
        fevers: measured.filter((r) => Math.round(r.readings[slot]! * 10) >= FEVER_TENTHS).length,
      };
    };
    for (const slot of [0, 1] as const) {
      const round = home.rounds![slot]!;
      expect(round.floors.map(({ floorId: _f, buildingCode: _b, ...counts }) => counts)).toEqual(
        [1, 2].map((level) => expected(slot, level)),
      );
      expect(round.expected).toBe(RESIDENTS.length);
    }
    expect(home.rounds!.map((r) => r.closed)).toEqual([true, false]);
    const report = await desk.call('reports.daily', { siteId: site.siteId, day: DAY });
    expect(home.rounds!.map(({ floors: _floors, ...round }) => round)).toEqual(report.rounds);
  });

  it('names the open fever cases with their rooms and the roommates under watch', async () => {
    const home = await overview();
    const openFevers = RESIDENTS.filter(
      (r) => !r.transferred && Object.values(r.readings).some((t) => t * 10 >= FEVER_TENTHS),
    );
    expect(home.fevers!.map((f) => [f.fullName, f.roomNumber])).toEqual(
      openFevers.map((r) => [r.name, r.room]),
    );
    const transferredFrom = new Set(RESIDENTS.filter((r) => r.transferred).map((r) => r.room));
    const contacts = RESIDENTS.filter((r) => !r.transferred && transferredFrom.has(r.room));
    expect(home.contacts!.map((c) => [c.fullName, c.roomNumber])).toEqual(
      contacts.map((r) => [r.name, r.room]),
    );
    expect(home.contacts![0]!.flaggedAt).toBe(TEST_NOW.toISOString());
  });

  it('reads stays, readings, flags and stock movements only through their indexes', () => {
    const chief = {
      ...desk.t.ctx,
      actor: {
        userId: desk.userId,
        username: 'chief',
        displayName: 'chief',
        roles: ['coordinator' as const],
      },
    };
    const plans = plansOf(desk.t.ctx.db, () => todayOverview(chief, { siteId: site.siteId }));
    expect(plans.length).toBeGreaterThan(10);
    const fullScan =
      /^SCAN (s|rd|readings|stays|cf|contact_flags|m|stock_movements|a|roster_assignments)$/;
    expect(plans.filter((p) => p.plan.some((line) => fullScan.test(line)))).toEqual([]);
  });

  it('shows each role only the parts its permissions allow', async () => {
    const ALL = ['rooms', 'people', 'rounds', 'fevers', 'contacts', 'staff', 'stock'] as const;
    const parts = (h: TodayOverview) => ALL.filter((k) => h[k] !== null);
    expect(parts(await overview())).toEqual(ALL);
    const medical = deskOver(desk.t, ['medical'], 'nurse');
    expect(parts(await overview(medical))).toEqual(ALL.filter((k) => k !== 'stock'));
    const warehouse = deskOver(desk.t, ['warehouse'], 'store');
    const stores = await overview(warehouse);
    expect(parts(stores)).toEqual(['rooms', 'staff', 'stock']);
    // No name reaches a role that may not read people.
    expect(JSON.stringify(stores)).not.toContain(RESIDENTS[1]!.name);
    expect(parts(await overview(deskOver(desk.t, ['administrator'], 'admin2')))).toEqual(['rooms']);
    const report = await desk.call('reports.daily', { siteId: site.siteId, day: DAY });
    expect(stores.stock).toEqual(report.stockAlerts);
  });
});

describe('today.overview: staff on duty now and the next shift', () => {
  let w: RosterWeek;
  const instant = (day: string, time: string) => siteInstant(day, time).toISOString();
  beforeEach(async () => {
    w = await makeRosterWeek();
  });
  afterEach(() => closeRosterWeek(w.desk));

  it('the shifts under way and the next one with its places short, across midnight', async () => {
    const { post: leaderPost, leader } = await addLeaderPost(w, '钱锁梅');
    const period = await w.period();
    const assign = assignMonday(w, period.id);
    await assign(w.gate.id, w.day.id, w.guards[0]!.id);
    await assign(w.gate.id, w.evening.id, w.guards[1]!.id);
    await assign(w.medical.id, w.day.id, w.nurses[0]!.id);
    await assign(leaderPost.id, w.day.id, leader.id);
    const home = () => w.desk.call('today.overview', { siteId: w.siteId });

    setDeskClock(w.desk, instant(MONDAY, '10:00'));
    expect((await home()).staff).toEqual({ roster: 'draft', now: [], next: [], nextGaps: 0 });
    await w.desk.call('roster.publish', { periodId: period.id });

    const morning = (await home()).staff!;
    expect(morning.roster).toBe('published');
    expect(morning.now.map((s) => [s.post, s.shift, s.staff])).toEqual([
      ['门岗', '白班', [w.guards[0]!.fullName]],
      ['医疗点', '白班', ['护士甲']],
      ['带班领导', '白班', ['钱锁梅']],
    ]);
    expect(morning.next.map((s) => [s.post, s.startsAt, s.staff])).toEqual([
      ['门岗', instant(MONDAY, '16:00'), [w.guards[1]!.fullName]],
    ]);
    expect(morning.nextGaps).toBe(0);

    // Evening: the next shift is Tuesday's night one at the gate, with nobody on it.
    setDeskClock(w.desk, instant(MONDAY, '17:00'));
    const evening = (await home()).staff!;
    expect(evening.now.map((s) => [s.post, s.shift])).toEqual([['门岗', '中班']]);
    expect(evening.next.map((s) => [s.post, s.shift, s.startsAt, s.required, s.staff])).toEqual([
      ['门岗', '夜班', instant('2026-12-01', '00:00'), 1, []],
    ]);
    expect(evening.nextGaps).toBe(1);
  });
});
