import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllocationPlan, ArrivalBatch } from '../../shared/people';
import { addDays, siteDay } from '../../shared/siteDate';
import {
  buildSite,
  makeDesk,
  person,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';

/** Two accessible doubles and two singles on the ground floor; a family room and singles above. */
const FLOORS = [
  {
    level: 1,
    rooms: [
      { number: 'P-101', capacity: 2, type: 'accessible' as const },
      { number: 'P-102', capacity: 2, type: 'accessible' as const },
      { number: 'P-103', capacity: 1, type: 'single' as const },
      { number: 'P-104', capacity: 1, type: 'single' as const },
    ],
  },
  {
    level: 2,
    rooms: [
      { number: 'P-201', capacity: 4, type: 'family' as const },
      { number: 'P-202', capacity: 1, type: 'single' as const },
      { number: 'P-203', capacity: 1, type: 'single' as const },
      { number: 'P-204', capacity: 1, type: 'single' as const },
    ],
  },
];

describe('allocation: the most vulnerable first (through the router, on a real database)', () => {
  let desk: Desk;
  let batch: ArrivalBatch;
  const today = siteDay(TEST_NOW);

  beforeEach(async () => {
    desk = makeDesk();
    const site = buildSite(desk.t.ctx, FLOORS);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '火车站大巴 14:20',
      arrivedAt: TEST_NOW.toISOString(),
    });
  });
  afterEach(() => desk.t.close());

  const register = (people: PersonPayload[]) =>
    desk.call('arrivals.register', { batchId: batch.id, people });
  const suggest = () => desk.call('allocation.suggest', { batchId: batch.id });
  const typeOf = (roomId: number | null) =>
    desk.t.ctx.db.prepare('SELECT type FROM rooms WHERE id = ?').pluck().get(roomId) as string;
  const levelOf = (roomId: number | null) =>
    desk.t.ctx.db
      .prepare('SELECT f.level FROM rooms r JOIN floors f ON f.id = r.floor_id WHERE r.id = ?')
      .pluck()
      .get(roomId) as number;
  const accessibleHolders = (plan: AllocationPlan) =>
    plan.lines.filter((l) => typeOf(l.roomId) === 'accessible').map((l) => l.fullName);

  it('gives the accessible rooms to the disabled and the oldest, not to whoever is listed first', async () => {
    // The list order of the district's sheet: the 66-year-old first.
    await register([
      person({ fullName: '刘桂兰', birthDate: '1960-05-01', gender: 'female' }),
      person({ fullName: '陈志强', birthDate: '1991-02-11' }),
      person({ fullName: '赵德明', birthDate: '1955-01-09' }),
      person({ fullName: '孙立新', birthDate: '1984-03-01', disability: true }),
      person({ fullName: '周玉珍', birthDate: '1938-06-01', gender: 'female' }),
    ]);
    const plan = await suggest();
    expect(plan.unplaced).toBe(0);
    const line = (name: string) => plan.lines.find((l) => l.fullName === name)!;

    expect(accessibleHolders(plan).sort()).toEqual(['周玉珍', '孙立新'].sort());
    // The two younger elderly still go low, in the ground floor's other rooms; the 35-year-old high.
    expect(levelOf(line('赵德明').roomId)).toBe(1);
    expect(levelOf(line('刘桂兰').roomId)).toBe(1);
    expect(typeOf(line('刘桂兰').roomId)).not.toBe('accessible');
    expect(levelOf(line('陈志强').roomId)).toBe(2);
    // The reasons name the need that placed them, with the age.
    expect(line('孙立新').reasons).toContainEqual({
      code: 'lower_floor',
      params: { level: 1, flag: 'disability', age: 42 },
    });
    expect(line('周玉珍').reasons).toContainEqual({
      code: 'lower_floor',
      params: { level: 1, flag: 'elderly', age: 88 },
    });
    expect(line('周玉珍').age).toBe(88);
    // The lines stay in the batch's own order.
    expect(plan.lines.map((l) => l.fullName)).toEqual([
      '刘桂兰',
      '陈志强',
      '赵德明',
      '孙立新',
      '周玉珍',
    ]);
  });

  it('ranks a household by its neediest member, and leaves accessible rooms to those who need them', async () => {
    desk.t.ctx.db.prepare("UPDATE rooms SET status = 'reserved' WHERE number = 'P-102'").run();
    await register([
      person({ fullName: '吴建华', birthDate: '1948-08-08' }),
      person({ fullName: '郑国庆', birthDate: '1976-10-01', household: '郑' }),
      person({ fullName: '郑老太', birthDate: '1932-04-04', gender: 'female', household: '郑' }),
      person({ fullName: '何静', birthDate: '1995-07-07', gender: 'female' }),
    ]);
    const plan = await suggest();
    // The 94-year-old's household (two people) takes the one accessible double, before the 78-year-old.
    expect(accessibleHolders(plan).sort()).toEqual(['郑国庆', '郑老太'].sort());
    const wu = plan.lines.find((l) => l.fullName === '吴建华')!;
    expect(levelOf(wu.roomId)).toBe(1);
    // Nobody without a need is put in an accessible room while another room is free.
    expect(typeOf(plan.lines.find((l) => l.fullName === '何静')!.roomId)).not.toBe('accessible');
  });

  it('warns, per person and with the dates, when the observation is over at check-in', async () => {
    const observationDays = 14;
    await register([
      person({ fullName: '钱卫东', lastExposureDate: addDays(today, -20) }),
      person({ fullName: '孙海燕', gender: 'female', lastExposureDate: addDays(today, -14) }),
      person({ fullName: '李明', lastExposureDate: addDays(today, -3) }),
      person({ fullName: '王芳', gender: 'female' }),
    ]);
    const members = await desk.call('arrivals.members', { batchId: batch.id });
    const warningOf = (name: string) => members.find((m) => m.fullName === name)!.checkInWarning;
    expect(warningOf('钱卫东')).toEqual({
      lastExposureDate: addDays(today, -20),
      observationDays,
      end: addDays(today, -6),
      checkInDay: today,
      state: 'overdue',
      days: 6,
    });
    expect(warningOf('孙海燕')).toMatchObject({ state: 'ends_today', end: today, days: 0 });
    expect(warningOf('李明')).toBeNull();
    expect(warningOf('王芳')).toBeNull();

    // The allocation step carries the same warnings.
    const plan = await suggest();
    for (const l of plan.lines) expect(l.checkInWarning).toEqual(warningOf(l.fullName));

    // Checked in, the warning is gone and the residents list says the same: overdue by 6 days.
    await desk.call('allocation.confirm', {
      batchId: batch.id,
      lines: plan.lines.map((l) => ({ stayId: l.stayId, roomId: l.roomId! })),
    });
    const after = await desk.call('arrivals.members', { batchId: batch.id });
    expect(after.every((m) => m.checkInWarning === null)).toBe(true);
    const residents = await desk.call('residents.page', {
      siteId: batch.siteId,
      view: 'in_residence',
      sort: 'room',
      direction: 'asc',
      limit: 50,
    });
    const qian = residents.rows.find((r) => r.fullName === '钱卫东')!;
    expect([qian.observationEnd, qian.daysLeft]).toEqual([addDays(today, -6), -6]);
  });

  it('counts from the arrival day for a bus that has not arrived yet', async () => {
    const arrival = addDays(today, 3);
    const later = await desk.call('arrivals.create', {
      siteId: batch.siteId,
      label: '机场大巴（预计）',
      arrivedAt: `${arrival}T06:00:00.000Z`,
    });
    await desk.call('arrivals.register', {
      batchId: later.id,
      people: [person({ fullName: '林晓', lastExposureDate: addDays(today, -12) })],
    });
    const [member] = await desk.call('arrivals.members', { batchId: later.id });
    expect(member!.checkInWarning).toMatchObject({
      end: addDays(today, 2),
      checkInDay: arrival,
      state: 'overdue',
      days: 1,
    });
  });
});
