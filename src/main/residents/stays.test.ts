import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomStatus } from '../../shared/domain';
import type { ApiResult } from '../../shared/errors';
import type { ArrivalBatch, BatchMember } from '../../shared/people';
import type { SessionHandle } from '../accounts/sessionStore';
import {
  auditRows,
  errorOf,
  lastAuditId,
  sessionFor,
  userWithSession,
} from '../testing/authTesting';
import {
  buildSite,
  makeDesk,
  occupancyViolations,
  person,
  rows,
  snapshot,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';

const DISINFECTION = {
  operator: '王师傅',
  performedAt: '2026-11-30T09:15:00+08:00',
  agent: '含氯消毒剂',
  concentration: '500 mg/L',
};

/**
 * A small site: floor 1 P-101 (1 bed), P-102 (2), P-103 (family of 4), P-104 (accessible, 2);
 * floor 2 P-201 (1). Stays are checked in on 29 November 2026 (site day) for 14 days.
 */
describe('stays (through the router)', () => {
  let desk: Desk;
  let site: BuiltSite;
  let batch: ArrivalBatch;

  const room = (number: string): number => site.rooms[number]!;
  const statusOf = (number: string): RoomStatus =>
    desk.t.ctx.db
      .prepare('SELECT status FROM rooms WHERE id = ?')
      .pluck()
      .get(room(number)) as RoomStatus;
  const register = (people: PersonPayload[]) =>
    desk.call('arrivals.register', { batchId: batch.id, people });
  /**
   * Registers people and returns just them, in the order given (arrivals.register answers with the
   * whole batch, households first).
   */
  const registerNew = async (people: PersonPayload[]): Promise<BatchMember[]> => {
    const known = new Set(
      (await desk.call('arrivals.members', { batchId: batch.id })).map((m) => m.stayId),
    );
    return (await register(people))
      .filter((m) => !known.has(m.stayId))
      .sort((a, b) => a.stayId - b.stayId);
  };
  /** Registers and checks in, one room per entry: [[person, room], …]. */
  const checkIn = async (placements: [PersonPayload, string][]): Promise<BatchMember[]> => {
    const fresh = await registerNew(placements.map(([p]) => p));
    const lines = fresh.map((m, i) => ({ stayId: m.stayId, roomId: room(placements[i]![1]) }));
    await desk.call('allocation.confirm', { batchId: batch.id, lines });
    return (await desk.call('arrivals.members', { batchId: batch.id })).filter((m) =>
      lines.some((l) => l.stayId === m.stayId),
    );
  };
  const events = (stayId: number) =>
    rows(
      desk.t.ctx.db,
      'SELECT kind, at, from_room_id, to_room_id, days, reason FROM stay_events WHERE stay_id = ? ORDER BY id',
      stayId,
    );
  /** Refused with `code`; the database is exactly as before (snapshot taken before the call). */
  const expectRefused = async (
    call: () => Promise<ApiResult<unknown>>,
    code: string,
  ): Promise<ReturnType<typeof errorOf>> => {
    const before = snapshot(desk.t.ctx.db);
    const error = errorOf(await call());
    expect(error.code).toBe(code);
    expect(snapshot(desk.t.ctx.db) === before, 'database unchanged').toBe(true);
    return error;
  };
  /** Moves the clock by whole days and returns a session opened then (the old one went idle). */
  const daysLater = (days: number): SessionHandle => {
    desk.tr.clock.now = new Date(desk.tr.clock.now.getTime() + days * 86_400_000);
    desk.t.ctx.now = () => new Date(desk.tr.clock.now);
    return sessionFor(desk.tr, desk.userId);
  };

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 2, type: 'double' },
          { number: 'P-103', capacity: 4, type: 'family' },
          { number: 'P-104', capacity: 2, type: 'accessible' },
        ],
      },
      { level: 2, rooms: [{ number: 'P-201', capacity: 1, type: 'single' }] },
    ]);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus 1',
      arrivedAt: TEST_NOW.toISOString(),
    });
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
      expect(occupancyViolations(desk.t.ctx.db)).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  describe('extend', () => {
    it('adds days to the observation end, with the reason on record', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      expect(await desk.call('stays.get', { id: m!.stayId })).toMatchObject({
        status: 'active',
        observationDays: 14,
        observationEnd: '2026-12-13',
      });
      const extended = await desk.call('stays.extend', {
        id: m!.stayId,
        days: 7,
        reason: '同住人核酸阳性',
      });
      expect(extended).toMatchObject({ observationDays: 21, observationEnd: '2026-12-20' });
      await desk.call('stays.extend', { id: m!.stayId, days: 1, reason: 'second' });
      expect(await desk.call('stays.get', { id: m!.stayId })).toMatchObject({
        observationDays: 22,
        observationEnd: '2026-12-21',
      });
      expect(events(m!.stayId)).toEqual([
        expect.objectContaining({ kind: 'check_in', to_room_id: room('P-101') }),
        {
          kind: 'extend',
          at: TEST_NOW.toISOString(),
          from_room_id: null,
          to_room_id: null,
          days: 7,
          reason: '同住人核酸阳性',
        },
        expect.objectContaining({ kind: 'extend', days: 1, reason: 'second' }),
      ]);
      const [occupant] = await desk.call('rooms.occupants', { roomId: room('P-101') });
      expect(occupant).toMatchObject({ observationEnd: '2026-12-21', daysLeft: 22 });
    });

    it('needs a reason and 1–30 days, and an active stay', async () => {
      const [m, waiting] = await registerNew([person(), person()]);
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: m!.stayId, roomId: room('P-101') }],
      });
      for (const input of [
        { id: m!.stayId, days: 3, reason: '   ' },
        { id: m!.stayId, days: 0, reason: 'x' },
        { id: m!.stayId, days: 31, reason: 'x' },
        { id: m!.stayId, days: 1.5, reason: 'x' },
      ]) {
        await expectRefused(() => desk.invoke('stays.extend', input), 'INVALID_INPUT');
      }
      const notIn = await expectRefused(
        () => desk.invoke('stays.extend', { id: waiting!.stayId, days: 3, reason: 'x' }),
        'STAY_NOT_OPEN',
      );
      expect(notIn.params).toEqual({ status: 'registered' });
      await desk.call('stays.checkOut', { id: m!.stayId, kind: 'release' });
      await expectRefused(
        () => desk.invoke('stays.extend', { id: m!.stayId, days: 3, reason: 'x' }),
        'STAY_NOT_OPEN',
      );
      await expectRefused(
        () => desk.invoke('stays.extend', { id: 999, days: 3, reason: 'x' }),
        'NOT_FOUND',
      );
    });
  });

  it('refuses cleanly an extension past the 60-day limit of a stay', async () => {
    const [m] = await checkIn([[person(), 'P-101']]);
    await desk.call('stays.extend', { id: m!.stayId, days: 30, reason: 'first' });
    expect(await desk.call('stays.get', { id: m!.stayId })).toMatchObject({ observationDays: 44 });
    const error = await expectRefused(
      () => desk.invoke('stays.extend', { id: m!.stayId, days: 17, reason: 'second' }),
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ params: { max: 16 }, fields: { days: 'too_big' } });
    // Up to 60 exactly is fine.
    expect(
      await desk.call('stays.extend', { id: m!.stayId, days: 16, reason: 'second' }),
    ).toMatchObject({ observationDays: 60, observationEnd: '2027-01-28' });
  });

  describe('move', () => {
    it('moves to another room; the room it emptied waits for disinfection', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      const moved = await desk.call('stays.move', {
        id: m!.stayId,
        roomId: room('P-201'),
        reason: '空调故障',
      });
      expect(moved).toMatchObject({ status: 'active', roomId: room('P-201'), roomNumber: 'P-201' });
      // The clock of the stay does not restart.
      expect(moved.observationEnd).toBe('2026-12-13');
      expect(statusOf('P-101')).toBe('awaiting_disinfection');
      expect(statusOf('P-201')).toBe('occupied');
      expect(events(m!.stayId).at(-1)).toEqual({
        kind: 'move',
        at: TEST_NOW.toISOString(),
        from_room_id: room('P-101'),
        to_room_id: room('P-201'),
        days: null,
        reason: '空调故障',
      });
      expect(
        rows(
          desk.t.ctx.db,
          'SELECT room_id, from_status, to_status FROM room_status_log WHERE room_id IN (?, ?) ORDER BY id',
          room('P-101'),
          room('P-201'),
        ),
      ).toEqual([
        { room_id: room('P-101'), from_status: 'available', to_status: 'occupied' },
        { room_id: room('P-201'), from_status: 'available', to_status: 'occupied' },
        { room_id: room('P-101'), from_status: 'occupied', to_status: 'awaiting_disinfection' },
      ]);
    });

    it('leaves a room occupied while someone stays, and a move to the same room changes nothing', async () => {
      const [a, b] = await checkIn([
        [person({ household: 'h' }), 'P-102'],
        [person({ household: 'h', gender: 'female' }), 'P-102'],
      ]);
      await desk.call('stays.move', { id: a!.stayId, roomId: room('P-103'), reason: 'space' });
      expect(statusOf('P-102')).toBe('occupied');
      // Back together: the household may share again.
      await desk.call('stays.move', { id: b!.stayId, roomId: room('P-103'), reason: 'together' });
      expect(statusOf('P-102')).toBe('awaiting_disinfection');
      const before = snapshot(desk.t.ctx.db, ['audit_log']);
      const auditStart = lastAuditId(desk.t);
      expect(
        await desk.call('stays.move', { id: b!.stayId, roomId: room('P-103'), reason: 'same' }),
      ).toMatchObject({ roomId: room('P-103') });
      expect(snapshot(desk.t.ctx.db, ['audit_log']) === before).toBe(true);
      // The call itself is on record, with no entity changed.
      expect(auditRows(desk.t, auditStart)).toEqual([
        expect.objectContaining({ method: 'stays.move', entity: null, changes: '{}' }),
      ]);
    });

    it('applies the allocation rules to the room moved to', async () => {
      const [single, man, woman, other] = await checkIn([
        [person(), 'P-101'],
        [person(), 'P-102'],
        [person({ gender: 'female' }), 'P-104'],
        [person(), 'P-201'],
      ]);
      const move = (id: number, to: string) => () =>
        desk.invoke('stays.move', { id, roomId: room(to), reason: 'test' });

      expect((await expectRefused(move(man!.stayId, 'P-101'), 'OVER_CAPACITY')).params).toEqual({
        room: 'P-101',
        capacity: 1,
        count: 2,
      });
      await expectRefused(move(other!.stayId, 'P-102'), 'UNRELATED_SHARING');
      await desk.call('settings.updateObservation', {
        observationDays: 14,
        allowUnrelatedSharing: true,
      });
      await expectRefused(move(woman!.stayId, 'P-102'), 'MIXED_GENDER');
      await desk.call('stays.checkOut', { id: single!.stayId, kind: 'release' });
      expect(
        (await expectRefused(move(man!.stayId, 'P-101'), 'ROOM_NOT_ALLOCATABLE')).params,
      ).toEqual({ room: 'P-101', status: 'awaiting_disinfection' });
      await expectRefused(move(single!.stayId, 'P-103'), 'STAY_NOT_OPEN');
      // Two men of different households, sharing allowed: fine.
      await desk.call('stays.move', { id: other!.stayId, roomId: room('P-102'), reason: 'ok' });
      expect(statusOf('P-201')).toBe('awaiting_disinfection');
    });
  });

  describe('check-out', () => {
    it('releases, transfers to a named hospital, or checks out for another stated reason', async () => {
      const [a, b, c] = await checkIn([
        [person(), 'P-101'],
        [person(), 'P-201'],
        [person(), 'P-102'],
      ]);
      expect(await desk.call('stays.checkOut', { id: a!.stayId, kind: 'release' })).toMatchObject({
        status: 'released',
        checkoutKind: 'release',
        checkedOutAt: TEST_NOW.toISOString(),
        hospital: null,
        checkoutReason: null,
        roomId: room('P-101'),
      });

      const noHospital = await expectRefused(
        () => desk.invoke('stays.checkOut', { id: b!.stayId, kind: 'transfer' }),
        'INVALID_INPUT',
      );
      expect(noHospital.fields).toEqual({ hospital: 'required' });
      await expectRefused(
        () => desk.invoke('stays.checkOut', { id: b!.stayId, kind: 'transfer', hospital: '  ' }),
        'INVALID_INPUT',
      );
      expect(
        await desk.call('stays.checkOut', {
          id: b!.stayId,
          kind: 'transfer',
          hospital: ' 南通市第六人民医院 ',
        }),
      ).toMatchObject({ status: 'transferred', hospital: '南通市第六人民医院' });

      const noReason = await expectRefused(
        () => desk.invoke('stays.checkOut', { id: c!.stayId, kind: 'other', reason: ' ' }),
        'REASON_REQUIRED',
      );
      expect(noReason.fields).toEqual({ reason: 'required' });
      expect(
        await desk.call('stays.checkOut', { id: c!.stayId, kind: 'other', reason: '转居家隔离' }),
      ).toMatchObject({ status: 'checked_out', checkoutReason: '转居家隔离' });

      expect(events(c!.stayId).at(-1)).toMatchObject({
        kind: 'check_out',
        from_room_id: room('P-102'),
        reason: '转居家隔离',
      });
      // Checked out once is enough.
      await expectRefused(
        () => desk.invoke('stays.checkOut', { id: a!.stayId, kind: 'release' }),
        'STAY_NOT_OPEN',
      );
      expect(await desk.call('rooms.occupants', { roomId: room('P-101') })).toEqual([]);
    });

    it('sends a room to disinfection when the last occupant leaves, and only then', async () => {
      const [a, b] = await checkIn([
        [person({ household: 'h' }), 'P-103'],
        [person({ household: 'h' }), 'P-103'],
      ]);
      await desk.call('stays.checkOut', { id: a!.stayId, kind: 'release' });
      expect(statusOf('P-103')).toBe('occupied');
      await desk.call('stays.checkOut', { id: b!.stayId, kind: 'release' });
      expect(statusOf('P-103')).toBe('awaiting_disinfection');
    });
  });

  describe('disinfection gate', () => {
    it('keeps a vacated room out of allocation until its disinfection is recorded', async () => {
      const [gone] = await checkIn([[person(), 'P-101']]);
      await desk.call('stays.checkOut', { id: gone!.stayId, kind: 'release' });
      expect(statusOf('P-101')).toBe('awaiting_disinfection');

      const [next] = await registerNew([person()]);
      const plan = await desk.call('allocation.suggest', { batchId: batch.id });
      expect(plan.lines.map((l) => l.roomNumber)).not.toContain('P-101');
      await expectRefused(
        () =>
          desk.invoke('allocation.confirm', {
            batchId: batch.id,
            lines: [{ stayId: next!.stayId, roomId: room('P-101') }],
          }),
        'ROOM_NOT_ALLOCATABLE',
      );
      // The registry cannot open the gate by hand.
      await expectRefused(
        () => desk.invoke('rooms.setStatus', { id: room('P-101'), status: 'available' }),
        'INVALID_STATUS_TRANSITION',
      );
      // Nor can a medical or a viewer account record the disinfection.
      const nurse = userWithSession(desk.t, desk.tr, 'nurse', ['medical', 'viewer']);
      expect(
        errorOf(
          await desk.invoke(
            'rooms.disinfect',
            { roomId: room('P-101'), ...DISINFECTION },
            nurse.handle,
          ),
        ).code,
      ).toBe('FORBIDDEN');

      const auditStart = lastAuditId(desk.t);
      const record = await desk.call('rooms.disinfect', {
        roomId: room('P-101'),
        ...DISINFECTION,
        notes: '终末消毒',
      });
      expect(record).toEqual({
        id: expect.any(Number),
        roomId: room('P-101'),
        ...DISINFECTION,
        notes: '终末消毒',
      });
      expect(
        rows(
          desk.t.ctx.db,
          'SELECT room_id, operator, performed_at, agent, concentration, notes, created_at FROM disinfections',
        ),
      ).toEqual([
        {
          room_id: room('P-101'),
          operator: '王师傅',
          performed_at: DISINFECTION.performedAt,
          agent: '含氯消毒剂',
          concentration: '500 mg/L',
          notes: '终末消毒',
          created_at: TEST_NOW.toISOString(),
        },
      ]);
      expect(statusOf('P-101')).toBe('available');
      expect(auditRows(desk.t, auditStart).map((r) => [r.method, r.entity, r.user_id])).toEqual([
        ['rooms.disinfect', 'disinfection', desk.userId],
        ['rooms.disinfect', 'room', desk.userId],
        ['rooms.disinfect', 'room_status', desk.userId],
      ]);

      // Available again: it takes the next person.
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: next!.stayId, roomId: room('P-101') }],
      });
      expect(statusOf('P-101')).toBe('occupied');
    });

    it('refuses to disinfect a room that is not awaiting disinfection', async () => {
      await checkIn([[person(), 'P-102']]);
      await desk.call('rooms.setStatus', { id: room('P-201'), status: 'reserved' });
      await desk.call('rooms.setStatus', {
        id: room('P-104'),
        status: 'out_of_service',
        reason: 'leak',
      });
      for (const [number, from] of [
        ['P-101', 'available'],
        ['P-102', 'occupied'],
        ['P-201', 'reserved'],
        ['P-104', 'out_of_service'],
      ] as const) {
        const error = await expectRefused(
          () => desk.invoke('rooms.disinfect', { roomId: room(number), ...DISINFECTION }),
          'INVALID_STATUS_TRANSITION',
        );
        expect(error.params, number).toEqual({ from, to: 'available' });
      }
      await expectRefused(
        () => desk.invoke('rooms.disinfect', { roomId: 999, ...DISINFECTION }),
        'NOT_FOUND',
      );
      for (const missing of ['operator', 'agent', 'concentration', 'performedAt'] as const) {
        const input: Record<string, unknown> = { roomId: room('P-101'), ...DISINFECTION };
        delete input[missing];
        const error = await expectRefused(
          () => desk.tr.router.invoke('rooms.disinfect', input, desk.handle),
          'INVALID_INPUT',
        );
        expect(Object.keys(error.fields ?? {}), missing).toContain(missing);
      }
    });

    it('keeps a room that held people: it may be retired after disinfection, never deleted', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      await expectRefused(() => desk.invoke('rooms.retire', { id: room('P-101') }), 'IN_USE');
      await desk.call('stays.checkOut', { id: m!.stayId, kind: 'release' });
      await expectRefused(() => desk.invoke('rooms.retire', { id: room('P-101') }), 'IN_USE');
      await desk.call('rooms.disinfect', { roomId: room('P-101'), ...DISINFECTION });
      await expectRefused(() => desk.invoke('rooms.delete', { id: room('P-101') }), 'IN_USE');
      expect(await desk.call('rooms.retire', { id: room('P-101') })).toMatchObject({
        everUsed: true,
        retiredAt: TEST_NOW.toISOString(),
      });
    });

    it('does not let a room be shrunk below the people in it', async () => {
      await checkIn([
        [person({ household: 'h' }), 'P-103'],
        [person({ household: 'h' }), 'P-103'],
        [person({ household: 'h' }), 'P-103'],
      ]);
      const { version } = await desk.call('rooms.get', { id: room('P-103') });
      const update = (capacity: number) => () =>
        desk.invoke('rooms.update', {
          id: room('P-103'),
          expectedVersion: version,
          number: 'P-103',
          capacity,
          type: 'family',
          features: [],
          notes: '',
        });
      const error = await expectRefused(update(2), 'OVER_CAPACITY');
      expect(error).toMatchObject({
        params: { room: 'P-103', capacity: 2, count: 3 },
        fields: { capacity: 'too_small' },
      });
      // Down to the people in it is fine.
      expect((await update(3)()).ok).toBe(true);
    });
  });

  describe('room board and occupants', () => {
    it('shows occupants, free beds (capacity − occupants) and days left', async () => {
      await desk.call('rooms.setStatus', { id: room('P-201'), status: 'reserved' });
      const [a, , c] = await checkIn([
        [person({ household: 'h', fullName: 'A' }), 'P-103'],
        [person({ household: 'h', fullName: 'B', gender: 'female' }), 'P-103'],
        [person({ fullName: 'C', lastExposureDate: '2026-11-24' }), 'P-102'],
      ]);
      // A's clock is the longest: 7 more days.
      await desk.call('stays.extend', { id: a!.stayId, days: 7, reason: 'fever' });

      const tiles = async (handle?: SessionHandle) =>
        Object.fromEntries(
          (await desk.call('rooms.board', { siteId: site.siteId }, handle)).floors
            .flatMap((f) => f.rooms)
            .map((r) => [r.number, r]),
        );
      const board = await desk.call('rooms.board', { siteId: site.siteId });
      expect(board.freeBeds).toBe(1 + (2 - 1) + (4 - 2) + 2);
      expect(board.totalBeds).toBe(1 + 2 + 4 + 2 + 1);
      const now = await tiles();
      expect(now['P-103']).toMatchObject({
        status: 'occupied',
        occupants: 2,
        freeBeds: 2,
        daysLeft: 14,
      });
      expect(now['P-102']).toMatchObject({
        status: 'occupied',
        occupants: 1,
        freeBeds: 1,
        daysLeft: 9,
      });
      expect(now['P-101']).toMatchObject({
        status: 'available',
        occupants: 0,
        freeBeds: 1,
        daysLeft: null,
      });
      expect(now['P-201']).toMatchObject({
        status: 'reserved',
        occupants: 0,
        freeBeds: 0,
        daysLeft: null,
      });

      const occupants = await desk.call('rooms.occupants', { roomId: room('P-103') });
      expect(occupants.map((o) => [o.fullName, o.observationEnd, o.daysLeft])).toEqual([
        ['A', '2026-12-20', 21],
        ['B', '2026-12-13', 14],
      ]);

      // Ten days on: P-102's occupant is a day overdue, and the board says so as the dialog does.
      const later = daysLater(10);
      const tenDays = await tiles(later);
      expect(tenDays['P-103']!.daysLeft).toBe(4);
      expect(tenDays['P-102']!.daysLeft).toBe(-1);
      expect(
        (await desk.call('rooms.occupants', { roomId: room('P-102') }, later))[0],
      ).toMatchObject({
        fullName: 'C',
        observationEnd: '2026-12-08',
        daysLeft: -1,
      });

      await desk.call('stays.checkOut', { id: c!.stayId, kind: 'release' }, later);
      const after = await tiles(later);
      expect(after['P-102']).toMatchObject({
        status: 'awaiting_disinfection',
        occupants: 0,
        freeBeds: 0,
        daysLeft: null,
      });
    });
  });
});
