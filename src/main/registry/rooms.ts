import {
  MANUAL_STATUS_TRANSITIONS,
  STATUSES_REQUIRING_REASON,
  type Room,
  type RoomFeature,
  type RoomStatus,
  type RoomStatusChange,
  type RoomType,
} from '../../shared/domain';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertVersion } from '../services/versions';
import { getActiveFloor } from './floors';
import { ROOM_SELECT, toRoom, type RoomRow } from './roomRows';

export interface RoomFields {
  number: string;
  capacity: number;
  type: RoomType;
  features: RoomFeature[];
  notes: string;
}

export function getRoom(ctx: ServiceContext, input: { id: number }): Room {
  const row = ctx.db.prepare<[number], RoomRow>(`${ROOM_SELECT} WHERE r.id = ?`).get(input.id);
  if (!row) throw notFound('room', input.id);
  return toRoom(row);
}

function getActiveRoom(ctx: ServiceContext, id: number): Room {
  const room = getRoom(ctx, { id });
  if (room.retiredAt)
    throw new DomainError('RETIRED', `Room ${room.number} is retired`, { entity: 'room' });
  return room;
}

function assertNumberFree(
  ctx: ServiceContext,
  buildingId: number,
  number: string,
  exceptId: number,
): void {
  const clash = ctx.db
    .prepare<[number, string, number], { id: number }>(
      'SELECT id FROM rooms WHERE building_id = ? AND number = ? AND retired_at IS NULL AND id <> ?',
    )
    .get(buildingId, number, exceptId);
  if (clash) {
    throw new DomainError(
      'ROOM_NUMBER_CLASH',
      `Room ${number} exists`,
      { clashes: number, count: 1 },
      { number: 'duplicate' },
    );
  }
}

export function createRoom(ctx: ServiceContext, input: RoomFields & { floorId: number }): Room {
  const floor = getActiveFloor(ctx, input.floorId);
  assertNumberFree(ctx, floor.buildingId, input.number, 0);
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO rooms (floor_id, building_id, number, capacity, type, features, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      floor.id,
      floor.buildingId,
      input.number,
      input.capacity,
      input.type,
      JSON.stringify(input.features),
      input.notes,
      at,
      at,
    );
  return getRoom(ctx, { id: Number(lastInsertRowid) });
}

export function updateRoom(
  ctx: ServiceContext,
  input: RoomFields & { id: number; expectedVersion: number },
): Room {
  const room = getActiveRoom(ctx, input.id);
  assertVersion(ctx, 'room', room, input.expectedVersion);
  assertNumberFree(ctx, room.buildingId, input.number, room.id);
  const occupants = ctx.db
    .prepare<[number], { n: number }>(
      "SELECT count(*) AS n FROM stays WHERE room_id = ? AND status = 'active'",
    )
    .get(room.id)!.n;
  if (input.capacity < occupants) {
    throw new DomainError(
      'OVER_CAPACITY',
      `Room ${room.number} has ${occupants} people in it`,
      { room: room.number, capacity: input.capacity, count: occupants },
      { capacity: 'too_small' },
    );
  }
  // Saving the form unchanged writes nothing: the version stays, so no other desk is refused.
  ctx.db
    .prepare(
      `UPDATE rooms SET version = version + 1, number = @number, capacity = @capacity, type = @type,
         features = @features, notes = @notes, updated_at = @at
       WHERE id = @id AND (number, capacity, type, features, notes)
         IS NOT (@number, @capacity, @type, @features, @notes)`,
    )
    .run({
      id: room.id,
      number: input.number,
      capacity: input.capacity,
      type: input.type,
      features: JSON.stringify(input.features),
      notes: input.notes,
      at: isoNow(ctx),
    });
  return getRoom(ctx, { id: room.id });
}

/** Records a status change in the room and in its log; callers have checked it is allowed. */
export function writeStatus(
  ctx: ServiceContext,
  room: Room,
  to: RoomStatus,
  reason: string | null,
): void {
  const at = isoNow(ctx);
  ctx.db
    .prepare(
      'UPDATE rooms SET version = version + 1, status = ?, status_reason = ?, updated_at = ? WHERE id = ?',
    )
    .run(to, reason, at, room.id);
  ctx.db
    .prepare(
      'INSERT INTO room_status_log (room_id, from_status, to_status, reason, changed_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(room.id, room.status, to, reason, at);
}

/** The manual transitions of the registry: available ⇄ out of service (with a reason), available ⇄ reserved. */
export function setRoomStatus(
  ctx: ServiceContext,
  input: { id: number; status: RoomStatus; reason?: string | undefined },
): Room {
  const room = getActiveRoom(ctx, input.id);
  if (!MANUAL_STATUS_TRANSITIONS[room.status].includes(input.status)) {
    throw new DomainError(
      'INVALID_STATUS_TRANSITION',
      `Room ${room.number} cannot go from ${room.status} to ${input.status} here`,
      { from: room.status, to: input.status },
    );
  }
  const reason = input.reason?.trim() || null;
  if (STATUSES_REQUIRING_REASON.includes(input.status) && !reason) {
    throw new DomainError('REASON_REQUIRED', 'A reason is required', {}, { reason: 'required' });
  }
  writeStatus(ctx, room, input.status, reason);
  return getRoom(ctx, { id: room.id });
}

export function roomStatusHistory(
  ctx: ServiceContext,
  input: { roomId: number },
): RoomStatusChange[] {
  getRoom(ctx, { id: input.roomId });
  return ctx.db
    .prepare<
      [number],
      {
        id: number;
        room_id: number;
        from_status: RoomStatus;
        to_status: RoomStatus;
        reason: string | null;
        changed_at: string;
      }
    >('SELECT * FROM room_status_log WHERE room_id = ? ORDER BY id DESC')
    .all(input.roomId)
    .map((r) => ({
      id: r.id,
      roomId: r.room_id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      reason: r.reason,
      changedAt: r.changed_at,
    }));
}

/** Retired rooms keep their history; a room with people (or about to have them) cannot be retired. */
export function retireRoom(ctx: ServiceContext, input: { id: number }): Room {
  const room = getActiveRoom(ctx, input.id);
  if (room.status !== 'available' && room.status !== 'out_of_service') {
    throw new DomainError('IN_USE', `Room ${room.number} is ${room.status}`, {
      rooms: room.number,
      count: 1,
    });
  }
  const at = isoNow(ctx);
  ctx.db
    .prepare('UPDATE rooms SET version = version + 1, retired_at = ?, updated_at = ? WHERE id = ?')
    .run(at, at, room.id);
  return getRoom(ctx, { id: room.id });
}

/** Only a room that never held anyone may vanish; a used one is retired instead. */
export function deleteRoom(ctx: ServiceContext, input: { id: number }): { id: number } {
  const room = getRoom(ctx, input);
  if (room.everUsed) {
    throw new DomainError('IN_USE', `Room ${room.number} was used; retire it instead`, {
      rooms: room.number,
      count: 1,
    });
  }
  if (room.status === 'reserved') {
    throw new DomainError('IN_USE', `Room ${room.number} is reserved`, {
      rooms: room.number,
      count: 1,
    });
  }
  ctx.db.prepare('DELETE FROM room_status_log WHERE room_id = ?').run(room.id);
  ctx.db.prepare('DELETE FROM rooms WHERE id = ?').run(room.id);
  return { id: room.id };
}
