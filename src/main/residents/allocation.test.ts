import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomStatus } from '../../shared/domain';
import type { AllocationPlan, ArrivalBatch, BatchMember } from '../../shared/people';
import { errorOf } from '../testing/authTesting';
import {
  buildSite,
  deskOver,
  makeDesk,
  occupancyViolations,
  person,
  reopen,
  rows,
  snapshot,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { updateSecuritySettings } from '../accounts/settings';

/**
 * Allocation on the demo site (resources/demo/site.json): building A, floors 2–8, rooms 01–20
 * single and 21–24 double; building B, floor 1 accessible doubles B-101…104, floors 2–5 family
 * rooms of four. Out of service; reserved: A-801, B-203, B-204.
 */
describe('allocation (through the router, on the demo site)', () => {
  let desk: Desk;
  let siteId: number;
  let batch: ArrivalBatch;

  const roomId = (number: string): number =>
    desk.t.ctx.db
      .prepare(
        'SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.site_id = ? AND r.number = ?',
      )
      .pluck()
      .get(siteId, number) as number;
  const roomRow = (number: string) =>
    desk.t.ctx.db
      .prepare('SELECT status, ever_used, capacity, type FROM rooms WHERE id = ?')
      .get(roomId(number)) as {
      status: RoomStatus;
      ever_used: number;
      capacity: number;
      type: string;
    };
  const newBatch = (label: string) =>
    desk.call('arrivals.create', { siteId, label, arrivedAt: TEST_NOW.toISOString() });
  const register = (people: PersonPayload[], batchId = batch.id) =>
    desk.call('arrivals.register', { batchId, people });
  const suggest = (batchId = batch.id) => desk.call('allocation.suggest', { batchId });
  const confirm = (lines: { stayId: number; roomId: number }[], batchId = batch.id) =>
    desk.invoke('allocation.confirm', { batchId, lines });
  const linesOf = (plan: AllocationPlan) =>
    plan.lines.map((l) => ({ stayId: l.stayId, roomId: l.roomId! }));
  const byName = (members: BatchMember[], name: string) =>
    members.find((m) => m.fullName === name)!;
  const setSharing = (allowUnrelatedSharing: boolean) =>
    desk.call('settings.updateObservation', { observationDays: 14, allowUnrelatedSharing });
  /** Refused with `code`; the database is exactly as before. */
  const expectRefused = async (
    call: () => Promise<Parameters<typeof errorOf>[0]>,
    code: string,
  ): Promise<ReturnType<typeof errorOf>> => {
    // Before the call: the router runs the handler before its promise is even returned.
    const before = snapshot(desk.t.ctx.db);
    const error = errorOf(await call());
    expect(error.code).toBe(code);
    expect(snapshot(desk.t.ctx.db) === before, 'database unchanged').toBe(true);
    return error;
  };

  /** A bus of 10: a household of three (with a child), a couple, an 80-year-old, four adults. */
  const BUS = (): PersonPayload[] => [
    person({ fullName: 'Wang father', household: 'wang', birthDate: '1985-03-01' }),
    person({
      fullName: 'Wang mother',
      household: 'wang',
      gender: 'female',
      birthDate: '1987-05-01',
    }),
    person({ fullName: 'Wang son', household: 'wang', birthDate: '2016-09-01' }),
    person({ fullName: 'Li husband', household: 'li', birthDate: '1990-01-01' }),
    person({ fullName: 'Li wife', household: 'li', gender: 'female', birthDate: '1991-01-01' }),
    person({ fullName: 'Grandpa Zhao', birthDate: '1946-02-02' }),
    person({ fullName: 'Single 1' }),
    person({ fullName: 'Single 2', gender: 'female' }),
    person({ fullName: 'Single 3' }),
    person({ fullName: 'Single 4', gender: 'female', lastExposureDate: '2026-11-25' }),
  ];

  beforeEach(async () => {
    desk = makeDesk();
    siteId = (await desk.call('demo.load', {})).siteId;
    batch = await newBatch('Bus 1');
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  describe('suggestion', () => {
    it('is deterministic: the same plan twice, and after the file is opened again', async () => {
      await register(BUS());
      const first = await suggest();
      expect(await suggest()).toEqual(first);
      // A suggestion is a read: nothing was written.
      expect(
        rows(desk.t.ctx.db, "SELECT count(*) AS n FROM stays WHERE status <> 'registered'"),
      ).toEqual([{ n: 0 }]);
      desk = deskOver(reopen(desk.t));
      expect(await suggest()).toEqual(first);
    });

    it('keeps households together, puts unrelated people alone and the elderly low and accessible', async () => {
      const members = await register(BUS());
      const plan = await suggest();
      expect(plan.unplaced).toBe(0);
      expect(plan.lines.map((l) => l.stayId)).toEqual(members.map((m) => m.stayId));
      const line = (name: string) => plan.lines.find((l) => l.fullName === name)!;

      // Every line has a room and at least one reason.
      for (const l of plan.lines) {
        expect(l.roomId, l.fullName).not.toBeNull();
        expect(l.reasons.length, l.fullName).toBeGreaterThan(0);
        expect(l.roomNumber).toBe(
          desk.t.ctx.db.prepare('SELECT number FROM rooms WHERE id = ?').pluck().get(l.roomId),
        );
      }
      // Households: one room each, big enough, with the reason saying so.
      const wang = plan.lines.filter((l) => l.household === 'wang');
      expect(new Set(wang.map((l) => l.roomId)).size).toBe(1);
      expect(roomRow(wang[0]!.roomNumber!).capacity).toBeGreaterThanOrEqual(3);
      expect(wang[0]!.reasons[0]).toMatchObject({
        code: 'household_together',
        params: { size: 3 },
      });
      const li = plan.lines.filter((l) => l.household === 'li');
      expect(new Set(li.map((l) => l.roomId)).size).toBe(1);
      expect(li[0]!.reasons[0]).toMatchObject({ code: 'household_together', params: { size: 2 } });
      // The household with a child is vulnerable: it goes as low as a room of three allows (the
      // family floors start at B-2, B-203 and B-204 are reserved).
      expect(wang[0]!.roomNumber).toBe('B-201');
      expect(wang[0]!.reasons).toContainEqual({
        code: 'lower_floor',
        params: { level: 2, flag: 'child', age: 10 },
      });

      // Unrelated people: nobody else in their room.
      const rooms = new Map<number, Set<string>>();
      for (const l of plan.lines) {
        const group = l.household ?? `single:${l.stayId}`;
        rooms.set(l.roomId!, (rooms.get(l.roomId!) ?? new Set()).add(group));
      }
      expect([...rooms.values()].every((groups) => groups.size === 1)).toBe(true);
      for (const name of ['Single 1', 'Single 2', 'Single 3', 'Single 4']) {
        expect(line(name).reasons[0]!.code, name).toBe('single');
      }

      // The 80-year-old: an accessible room on the lowest floor there is.
      const zhao = line('Grandpa Zhao');
      expect(zhao.roomNumber).toBe('B-101');
      expect(roomRow('B-101').type).toBe('accessible');
      expect(zhao.reasons).toEqual([
        { code: 'single', params: { type: 'accessible' } },
        { code: 'lower_floor', params: { level: 1, flag: 'elderly', age: 80 } },
        { code: 'accessible', params: {} },
      ]);

      // Nothing in a room that may not take people.
      for (const l of plan.lines) {
        expect(['available', 'occupied'], l.roomNumber!).toContain(roomRow(l.roomNumber!).status);
      }
    });

    it('splits a household too big for any room over adjacent rooms of one floor', async () => {
      const six = [1, 2, 3, 4, 5, 6].map((i) =>
        person({ fullName: `Zhou ${i}`, household: 'zhou', gender: i % 2 ? 'male' : 'female' }),
      );
      await register(six);
      const plan = await suggest();
      expect(plan.unplaced).toBe(0);
      const numbers = [...new Set(plan.lines.map((l) => l.roomNumber!))];
      expect(numbers.length).toBeGreaterThan(1);
      const facts = rows<{ number: string; floor_id: number; capacity: number; status: string }>(
        desk.t.ctx.db,
        `SELECT number, floor_id, capacity, status FROM rooms WHERE id IN (${plan.lines.map(() => '?').join(',')})`,
        ...plan.lines.map((l) => l.roomId),
      );
      expect(new Set(facts.map((f) => f.floor_id)).size).toBe(1);
      // Neighbours: consecutive numbers on that floor.
      const seq = numbers.map((n) => Number(n.slice(-2))).sort((a, b) => a - b);
      expect(seq).toEqual(seq.map((_, i) => seq[0]! + i));
      // No room over capacity, and everyone says why.
      for (const f of facts) {
        expect(plan.lines.filter((l) => l.roomNumber === f.number).length).toBeLessThanOrEqual(
          f.capacity,
        );
      }
      for (const l of plan.lines) {
        expect(l.reasons[0]).toEqual({
          code: 'household_split',
          params: { size: 6, rooms: numbers.join(', ') },
        });
      }
      // And the coordinator may confirm it as it stands.
      expect(
        (await desk.call('allocation.confirm', { batchId: batch.id, lines: linesOf(plan) })).every(
          (m) => m.status === 'active',
        ),
      ).toBe(true);
      expect(occupancyViolations(desk.t.ctx.db)).toEqual([]);
    });

    it('leaves out people already checked in and rooms now taken', async () => {
      const members = await register(BUS());
      const first = await suggest();
      const zhao = byName(members, 'Grandpa Zhao');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: zhao.stayId, roomId: roomId('B-101') }],
      });
      const second = await suggest();
      expect(second.lines.map((l) => l.stayId)).toEqual(
        first.lines.map((l) => l.stayId).filter((id) => id !== zhao.stayId),
      );
      expect(second.lines.map((l) => l.roomNumber)).not.toContain('B-101');
    });
  });

  describe('confirmation', () => {
    it('checks everyone in as confirmed, with one line changed by the coordinator', async () => {
      const members = await register(BUS());
      const plan = await suggest();
      const single1 = byName(members, 'Single 1');
      const lines = linesOf(plan).map((l) =>
        l.stayId === single1.stayId ? { ...l, roomId: roomId('A-810') } : l,
      );
      const confirmed = await desk.call('allocation.confirm', { batchId: batch.id, lines });
      expect(confirmed.every((m) => m.status === 'active')).toBe(true);
      expect(byName(confirmed, 'Single 1')).toMatchObject({ roomNumber: 'A-810' });
      for (const l of lines) {
        expect(confirmed.find((m) => m.stayId === l.stayId)!.roomId).toBe(l.roomId);
      }
      const usedRooms = [...new Set(lines.map((l) => l.roomId))];
      for (const id of usedRooms) {
        expect(
          desk.t.ctx.db.prepare('SELECT status, ever_used FROM rooms WHERE id = ?').get(id),
        ).toEqual({ status: 'occupied', ever_used: 1 });
      }
      // The room the suggestion had for Single 1 stays free.
      const suggested = plan.lines.find((l) => l.stayId === single1.stayId)!.roomNumber!;
      expect(roomRow(suggested)).toMatchObject({ status: 'available', ever_used: 0 });

      // 14 days from the check-in site day (29 November), or from the last exposure.
      const stays = rows<{ id: number; check_in_at: string; observation_end: string }>(
        desk.t.ctx.db,
        'SELECT id, check_in_at, observation_end FROM stays ORDER BY id',
      );
      for (const s of stays) {
        expect(s.check_in_at).toBe(TEST_NOW.toISOString());
        const exposed = s.id === byName(members, 'Single 4').stayId;
        expect(s.observation_end).toBe(exposed ? '2026-12-09' : '2026-12-13');
      }
      expect(
        rows(desk.t.ctx.db, "SELECT count(*) AS n FROM stay_events WHERE kind = 'check_in'"),
      ).toEqual([{ n: 10 }]);
      expect(await desk.call('arrivals.list', { siteId })).toEqual([
        { ...batch, registered: 10, checkedIn: 10 },
      ]);
      expect(occupancyViolations(desk.t.ctx.db)).toEqual([]);
    });

    it('takes the site day in Asia/Shanghai for the observation end', async () => {
      // 17:30 UTC on 29 November is 01:30 on 30 November at the site.
      desk.tr.clock.now = new Date('2026-11-29T17:30:00Z');
      // The session opened at 08:00 must not lock across the jump.
      updateSecuritySettings(desk.t.ctx, { idleLockMinutes: 24 * 60, sessionMaxHours: 24 });
      const [m] = await register([person()]);
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: m!.stayId, roomId: roomId('A-802') }],
      });
      expect(await desk.call('stays.get', { id: m!.stayId })).toMatchObject({
        checkInAt: '2026-11-29T17:30:00.000Z',
        observationEnd: '2026-12-14',
      });
    });

    it('refuses more people than beds', async () => {
      const members = await register(BUS());
      const wang = members.filter((m) => m.household === 'wang');
      const error = await expectRefused(
        () => confirm(wang.map((m) => ({ stayId: m.stayId, roomId: roomId('A-821') }))),
        'OVER_CAPACITY',
      );
      expect(error.params).toEqual({ room: 'A-821', capacity: 2, count: 3 });
      // Counting who is there already.
      const [li1, li2] = members.filter((m) => m.household === 'li');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: li1!.stayId, roomId: roomId('B-401') }],
      });
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: li2!.stayId, roomId: roomId('B-401') }],
      });
      const more = await expectRefused(
        () => confirm(wang.map((m) => ({ stayId: m.stayId, roomId: roomId('B-401') }))),
        'OVER_CAPACITY',
      );
      expect(more.params).toEqual({ room: 'B-401', capacity: 4, count: 5 });
    });

    it('refuses unrelated people sharing unless allowed, and mixed genders always', async () => {
      const members = await register(BUS());
      const s1 = byName(members, 'Single 1');
      const s2 = byName(members, 'Single 2');
      const s3 = byName(members, 'Single 3');
      const double = roomId('A-821');
      const error = await expectRefused(
        () =>
          confirm([
            { stayId: s1.stayId, roomId: double },
            { stayId: s3.stayId, roomId: double },
          ]),
        'UNRELATED_SHARING',
      );
      expect(error.params).toEqual({ room: 'A-821' });
      // A household of a man and a woman shares without question.
      const li = members.filter((m) => m.household === 'li');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: li.map((m) => ({ stayId: m.stayId, roomId: roomId('B-501') })),
      });

      await setSharing(true);
      await expectRefused(
        () =>
          confirm([
            { stayId: s1.stayId, roomId: double },
            { stayId: s2.stayId, roomId: double },
          ]),
        'MIXED_GENDER',
      );
      // Joining the couple would put an unrelated man with a woman.
      const joining = await expectRefused(
        () => confirm([{ stayId: s1.stayId, roomId: roomId('B-501') }]),
        'MIXED_GENDER',
      );
      expect(joining.params).toEqual({ room: 'B-501' });
      const confirmed = await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [
          { stayId: s1.stayId, roomId: double },
          { stayId: s3.stayId, roomId: double },
        ],
      });
      expect(confirmed.filter((m) => m.roomId === double).map((m) => m.fullName)).toEqual([
        'Single 1',
        'Single 3',
      ]);

      // Switched off again, people already sharing stay, but nobody else joins them.
      await setSharing(false);
      const family = roomId('B-402');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: s2.stayId, roomId: family }],
      });
      const s4 = byName(members, 'Single 4');
      await expectRefused(
        () => confirm([{ stayId: s4.stayId, roomId: family }]),
        'UNRELATED_SHARING',
      );
      await setSharing(true);
      const zhao = byName(members, 'Grandpa Zhao');
      await expectRefused(() => confirm([{ stayId: zhao.stayId, roomId: family }]), 'MIXED_GENDER');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: s4.stayId, roomId: family }],
      });
      expect(occupancyViolations(desk.t.ctx.db)).toEqual([]);
    });

    it('refuses rooms out of service, reserved or awaiting disinfection', async () => {
      const members = await register(BUS());
      const s1 = byName(members, 'Single 1');
      for (const [number, status] of [
        ['A-305', 'out_of_service'],
        ['B-203', 'reserved'],
        ['A-801', 'reserved'],
      ] as const) {
        const error = await expectRefused(
          () => confirm([{ stayId: s1.stayId, roomId: roomId(number) }]),
          'ROOM_NOT_ALLOCATABLE',
        );
        expect(error.params).toEqual({ room: number, status });
      }
      // A room becomes awaiting_disinfection when its last occupant leaves.
      const s3 = byName(members, 'Single 3');
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: s3.stayId, roomId: roomId('A-802') }],
      });
      await desk.call('stays.checkOut', { id: s3.stayId, kind: 'release' });
      expect(roomRow('A-802').status).toBe('awaiting_disinfection');
      const error = await expectRefused(
        () =>
          confirm([
            { stayId: s1.stayId, roomId: roomId('A-803') },
            { stayId: byName(members, 'Single 2').stayId, roomId: roomId('A-802') },
          ]),
        'ROOM_NOT_ALLOCATABLE',
      );
      expect(error.params).toEqual({ room: 'A-802', status: 'awaiting_disinfection' });
    });

    it('refuses a stay of another batch, or one already checked in', async () => {
      const members = await register(BUS());
      const other = await newBatch('Bus 2');
      const [stranger] = await register([person()], other.id);
      const s1 = byName(members, 'Single 1');
      const error = await expectRefused(
        () =>
          confirm([
            { stayId: s1.stayId, roomId: roomId('A-802') },
            { stayId: stranger!.stayId, roomId: roomId('A-803') },
          ]),
        'STAY_NOT_OPEN',
      );
      expect(error.params).toEqual({ status: 'unknown' });

      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: s1.stayId, roomId: roomId('A-802') }],
      });
      const again = await expectRefused(
        () =>
          confirm([
            { stayId: byName(members, 'Single 3').stayId, roomId: roomId('A-804') },
            { stayId: s1.stayId, roomId: roomId('A-803') },
          ]),
        'STAY_NOT_OPEN',
      );
      expect(again.params).toEqual({ status: 'active' });
      await expectRefused(
        () => confirm([{ stayId: 9999, roomId: roomId('A-803') }]),
        'STAY_NOT_OPEN',
      );
    });

    it('refuses a room of another site', async () => {
      const members = await register(BUS());
      const elsewhere = buildSite(
        desk.t.ctx,
        [
          {
            level: 1,
            rooms: [
              { number: 'X-101', capacity: 4, type: 'family' },
              { number: 'X-102', capacity: 4, type: 'family' },
            ],
          },
        ],
        'Other site',
        'X',
      );
      // Neither confirming nor moving may put people into another site's room.
      let before = snapshot(desk.t.ctx.db);
      const result = await confirm([
        { stayId: members[0]!.stayId, roomId: elsewhere.rooms['X-101']! },
      ]);
      expect.soft(result.ok, 'checked into a room of another site').toBe(false);
      expect.soft(snapshot(desk.t.ctx.db) === before).toBe(true);

      const [, second] = members;
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: second!.stayId, roomId: roomId('A-802') }],
      });
      before = snapshot(desk.t.ctx.db);
      const moved = await desk.invoke('stays.move', {
        id: second!.stayId,
        roomId: elsewhere.rooms['X-102']!,
        reason: 'wrong site',
      });
      expect.soft(moved.ok, 'moved to a room of another site').toBe(false);
      expect.soft(snapshot(desk.t.ctx.db) === before).toBe(true);
    });
  });
});

describe('allocation: splitting a household on a small site', () => {
  it('splits only over rooms that are next to each other', async () => {
    const desk = makeDesk();
    try {
      const site = buildSite(desk.t.ctx, [
        {
          level: 1,
          rooms: [
            { number: 'P-101', capacity: 2, type: 'double' },
            { number: 'P-102', capacity: 2, type: 'double', status: 'reserved' },
            { number: 'P-103', capacity: 2, type: 'double' },
            { number: 'P-104', capacity: 2, type: 'double' },
          ],
        },
      ]);
      const batch = await desk.call('arrivals.create', {
        siteId: site.siteId,
        label: 'Bus',
        arrivedAt: TEST_NOW.toISOString(),
      });
      await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [1, 2, 3, 4].map(() => person({ household: 'h' })),
      });
      const plan = await desk.call('allocation.suggest', { batchId: batch.id });
      expect(plan.unplaced).toBe(0);
      // P-101 and P-103 are not neighbours: the reserved P-102 is between them.
      expect([...new Set(plan.lines.map((l) => l.roomNumber))]).toEqual(['P-103', 'P-104']);
    } finally {
      desk.t.close();
    }
  });
});
