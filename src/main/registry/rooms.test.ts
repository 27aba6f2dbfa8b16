import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Floor, Room, RoomStatus } from '../../shared/domain';
import {
  countRows,
  domainErrorOf,
  makeTestContext,
  TEST_NOW,
  type TestContext,
} from '../testing/tempDb';
import { createBuilding } from './buildings';
import { createFloor } from './floors';
import {
  createRoom,
  deleteRoom,
  getRoom,
  retireRoom,
  roomStatusHistory,
  setRoomStatus,
  updateRoom,
} from './rooms';
import { createSite } from './sites';

const AT = TEST_NOW.toISOString();

describe('rooms', () => {
  let t: TestContext;
  let siteId: number;
  let floor: Floor;
  let otherFloor: Floor;
  let room: Room;

  const fields = (number: string) => ({
    number,
    capacity: 2,
    type: 'double' as const,
    features: ['window' as const],
    notes: '',
  });
  /** Puts a room straight into a status that only allocation may set. */
  const forceStatus = (id: number, status: RoomStatus) =>
    t.ctx.db.prepare('UPDATE rooms SET status = ? WHERE id = ?').run(status, id);

  beforeEach(() => {
    t = makeTestContext();
    const site = createSite(t.ctx, { name: 'Site', address: '' });
    siteId = site.id;
    const a = createBuilding(t.ctx, { siteId: site.id, code: 'A', name: 'Main' });
    const b = createBuilding(t.ctx, { siteId: site.id, code: 'B', name: 'Annex' });
    floor = createFloor(t.ctx, { buildingId: a.id, level: 2, name: '' });
    otherFloor = createFloor(t.ctx, { buildingId: b.id, level: 2, name: '' });
    room = createRoom(t.ctx, { floorId: floor.id, ...fields('A-201') });
  });
  afterEach(() => t.close());

  describe('create and update', () => {
    it('creates a room with its location and defaults', () => {
      expect(room).toEqual({
        id: room.id,
        siteId,
        buildingId: floor.buildingId,
        buildingCode: 'A',
        floorId: floor.id,
        floorLevel: 2,
        number: 'A-201',
        capacity: 2,
        type: 'double',
        features: ['window'],
        notes: '',
        status: 'available',
        statusReason: null,
        everUsed: false,
        retiredAt: null,
        version: 1,
      });
      expect(getRoom(t.ctx, { id: room.id })).toEqual(room);
    });

    it('updates a room', () => {
      const updated = updateRoom(t.ctx, {
        id: room.id,
        expectedVersion: room.version,
        number: 'A-201A',
        capacity: 3,
        type: 'family',
        features: ['balcony', 'window'],
        notes: 'corner',
      });
      expect(updated).toMatchObject({
        number: 'A-201A',
        capacity: 3,
        type: 'family',
        features: ['balcony', 'window'],
        notes: 'corner',
        version: room.version + 1,
      });
      expect(getRoom(t.ctx, { id: room.id })).toEqual(updated);
    });

    it('refuses a number already used in the building, on create and on update', () => {
      const clash = domainErrorOf(() =>
        createRoom(t.ctx, { floorId: floor.id, ...fields('A-201') }),
      );
      expect(clash.code).toBe('ROOM_NUMBER_CLASH');
      expect(clash.params).toEqual({ clashes: 'A-201', count: 1 });
      expect(clash.fields).toEqual({ number: 'duplicate' });

      const other = createRoom(t.ctx, { floorId: floor.id, ...fields('A-202') });
      expect(
        domainErrorOf(() =>
          updateRoom(t.ctx, { id: other.id, expectedVersion: other.version, ...fields('A-201') }),
        ).code,
      ).toBe('ROOM_NUMBER_CLASH');
      expect(getRoom(t.ctx, { id: other.id }).number).toBe('A-202');
      expect(countRows(t.ctx, 'rooms')).toBe(2);
    });

    it('allows the same number in another building and after retiring the holder', () => {
      expect(createRoom(t.ctx, { floorId: otherFloor.id, ...fields('A-201') }).buildingCode).toBe(
        'B',
      );
      retireRoom(t.ctx, { id: room.id });
      expect(createRoom(t.ctx, { floorId: floor.id, ...fields('A-201') }).id).not.toBe(room.id);
    });

    it('answers NOT_FOUND for an unknown room or floor', () => {
      expect(domainErrorOf(() => getRoom(t.ctx, { id: 999 })).code).toBe('NOT_FOUND');
      expect(
        domainErrorOf(() => updateRoom(t.ctx, { id: 999, expectedVersion: 1, ...fields('X') }))
          .code,
      ).toBe('NOT_FOUND');
      expect(domainErrorOf(() => createRoom(t.ctx, { floorId: 999, ...fields('X') })).code).toBe(
        'NOT_FOUND',
      );
      expect(domainErrorOf(() => roomStatusHistory(t.ctx, { roomId: 999 })).code).toBe('NOT_FOUND');
    });
  });

  describe('status transitions', () => {
    it('needs a reason to take a room out of service', () => {
      for (const reason of [undefined, '', '   ']) {
        const error = domainErrorOf(() =>
          setRoomStatus(t.ctx, { id: room.id, status: 'out_of_service', reason }),
        );
        expect(error.code).toBe('REASON_REQUIRED');
        expect(error.fields).toEqual({ reason: 'required' });
      }
      expect(getRoom(t.ctx, { id: room.id }).status).toBe('available');
      expect(roomStatusHistory(t.ctx, { roomId: room.id })).toEqual([]);
    });

    it('takes a room out of service with a reason and brings it back, logging both', () => {
      const out = setRoomStatus(t.ctx, { id: room.id, status: 'out_of_service', reason: ' leak ' });
      expect(out).toMatchObject({ status: 'out_of_service', statusReason: 'leak' });
      const back = setRoomStatus(t.ctx, { id: room.id, status: 'available' });
      expect(back).toMatchObject({ status: 'available', statusReason: null });

      const history = roomStatusHistory(t.ctx, { roomId: room.id });
      expect(history).toEqual([
        {
          id: expect.any(Number),
          roomId: room.id,
          fromStatus: 'out_of_service',
          toStatus: 'available',
          reason: null,
          changedAt: AT,
        },
        {
          id: expect.any(Number),
          roomId: room.id,
          fromStatus: 'available',
          toStatus: 'out_of_service',
          reason: 'leak',
          changedAt: AT,
        },
      ]);
      expect(history[0]!.id).toBeGreaterThan(history[1]!.id);
    });

    it('reserves and releases a room', () => {
      expect(setRoomStatus(t.ctx, { id: room.id, status: 'reserved' }).status).toBe('reserved');
      expect(setRoomStatus(t.ctx, { id: room.id, status: 'available' }).status).toBe('available');
      expect(roomStatusHistory(t.ctx, { roomId: room.id }).map((h) => h.toStatus)).toEqual([
        'available',
        'reserved',
      ]);
    });

    it.each<[RoomStatus, RoomStatus]>([
      ['available', 'occupied'],
      ['available', 'awaiting_disinfection'],
      ['available', 'available'],
      ['reserved', 'out_of_service'],
      ['reserved', 'occupied'],
      ['out_of_service', 'reserved'],
      ['occupied', 'available'],
      ['awaiting_disinfection', 'available'],
    ])('refuses %s → %s', (from, to) => {
      forceStatus(room.id, from);
      const error = domainErrorOf(() =>
        setRoomStatus(t.ctx, { id: room.id, status: to, reason: 'because' }),
      );
      expect(error.code).toBe('INVALID_STATUS_TRANSITION');
      expect(error.params).toEqual({ from, to });
      expect(getRoom(t.ctx, { id: room.id }).status).toBe(from);
      expect(roomStatusHistory(t.ctx, { roomId: room.id })).toEqual([]);
    });
  });

  describe('delete and retire', () => {
    it('deletes a room that was never used, with its status log', () => {
      setRoomStatus(t.ctx, { id: room.id, status: 'out_of_service', reason: 'paint' });
      expect(deleteRoom(t.ctx, { id: room.id })).toEqual({ id: room.id });
      expect(domainErrorOf(() => getRoom(t.ctx, { id: room.id })).code).toBe('NOT_FOUND');
      expect(countRows(t.ctx, 'rooms')).toBe(0);
      expect(countRows(t.ctx, 'room_status_log')).toBe(0);
    });

    it('refuses to delete a room that was ever used', () => {
      t.ctx.db.prepare('UPDATE rooms SET ever_used = 1 WHERE id = ?').run(room.id);
      const error = domainErrorOf(() => deleteRoom(t.ctx, { id: room.id }));
      expect(error.code).toBe('IN_USE');
      expect(error.params).toEqual({ rooms: 'A-201', count: 1 });
      expect(getRoom(t.ctx, { id: room.id }).everUsed).toBe(true);
    });

    it('refuses to delete a reserved room', () => {
      setRoomStatus(t.ctx, { id: room.id, status: 'reserved' });
      expect(domainErrorOf(() => deleteRoom(t.ctx, { id: room.id })).code).toBe('IN_USE');
      expect(countRows(t.ctx, 'rooms')).toBe(1);
      expect(countRows(t.ctx, 'room_status_log')).toBe(1);
    });

    it('answers NOT_FOUND when deleting an unknown room', () => {
      expect(domainErrorOf(() => deleteRoom(t.ctx, { id: 999 })).code).toBe('NOT_FOUND');
    });

    it('refuses to retire a reserved room', () => {
      setRoomStatus(t.ctx, { id: room.id, status: 'reserved' });
      const error = domainErrorOf(() => retireRoom(t.ctx, { id: room.id }));
      expect(error.code).toBe('IN_USE');
      expect(getRoom(t.ctx, { id: room.id }).retiredAt).toBeNull();
    });

    it.each<RoomStatus>(['occupied', 'awaiting_disinfection'])(
      'refuses to retire a room that is %s',
      (status) => {
        forceStatus(room.id, status);
        expect(domainErrorOf(() => retireRoom(t.ctx, { id: room.id })).code).toBe('IN_USE');
        expect(getRoom(t.ctx, { id: room.id }).retiredAt).toBeNull();
      },
    );

    it('retires an available or out-of-service room, keeping its history', () => {
      expect(retireRoom(t.ctx, { id: room.id }).retiredAt).toBe(AT);
      const second = createRoom(t.ctx, { floorId: floor.id, ...fields('A-202') });
      setRoomStatus(t.ctx, { id: second.id, status: 'out_of_service', reason: 'mould' });
      expect(retireRoom(t.ctx, { id: second.id }).retiredAt).toBe(AT);
      expect(roomStatusHistory(t.ctx, { roomId: second.id })).toHaveLength(1);
    });

    it('refuses to change a retired room', () => {
      retireRoom(t.ctx, { id: room.id });
      const attempts: [string, () => unknown][] = [
        [
          'update',
          () =>
            updateRoom(t.ctx, { id: room.id, expectedVersion: room.version, ...fields('A-299') }),
        ],
        ['status', () => setRoomStatus(t.ctx, { id: room.id, status: 'reserved' })],
        ['retire twice', () => retireRoom(t.ctx, { id: room.id })],
      ];
      for (const [label, attempt] of attempts) {
        expect(domainErrorOf(attempt).code, label).toBe('RETIRED');
      }
      expect(getRoom(t.ctx, { id: room.id })).toMatchObject({
        number: 'A-201',
        status: 'available',
      });
    });
  });
});
