import type { Gender } from '../../shared/people';
import type { ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getRoom } from './rooms';
import { getSettings } from '../accounts/settings';

/** Someone who is, or is about to be, in a room, as the placement rules see them. */
export interface Placed {
  stayId: number;
  gender: Gender;
  /** People of one household (one batch, one household label) are related; anyone else is not. */
  group: string;
}

export const groupOf = (stay: {
  id: number;
  batch_id: number | null;
  household: string | null;
}): string =>
  stay.household && stay.batch_id !== null
    ? `household:${stay.batch_id}:${stay.household}`
    : `stay:${stay.id}`;

export function occupantsOf(ctx: ServiceContext, roomId: number): Placed[] {
  return ctx.db
    .prepare<
      [number],
      { id: number; batch_id: number | null; household: string | null; gender: Gender }
    >(
      `SELECT s.id, s.batch_id, s.household, p.gender FROM stays s JOIN people p ON p.id = s.person_id
       WHERE s.room_id = ? AND s.status = 'active'`,
    )
    .all(roomId)
    .map((s) => ({ stayId: s.id, gender: s.gender, group: groupOf(s) }));
}

/** Statuses in which a room may take people. */
const ALLOCATABLE = new Set(['available', 'occupied']);

/**
 * The allocation rules for putting `newcomers` into a room beside whoever is there: only an
 * available (or partly occupied) room, never over capacity, unrelated people only if the site
 * allows it and never of different genders.
 */
export function checkPlacement(
  ctx: ServiceContext,
  siteId: number,
  roomId: number,
  newcomers: readonly Placed[],
  allowUnrelatedSharing = getSettings(ctx).allowUnrelatedSharing,
): void {
  const room = getRoom(ctx, { id: roomId });
  if (room.siteId !== siteId) {
    throw new DomainError('ROOM_NOT_ALLOCATABLE', `Room ${room.number} belongs to another site`, {
      room: room.number,
      status: 'other_site',
    });
  }
  if (room.retiredAt || !ALLOCATABLE.has(room.status)) {
    throw new DomainError(
      'ROOM_NOT_ALLOCATABLE',
      `Room ${room.number} is ${room.retiredAt ? 'retired' : room.status}`,
      {
        room: room.number,
        status: room.retiredAt ? 'retired' : room.status,
      },
    );
  }
  const leaving = new Set(newcomers.map((n) => n.stayId));
  const everyone = [
    ...occupantsOf(ctx, roomId).filter((o) => !leaving.has(o.stayId)),
    ...newcomers,
  ];
  if (everyone.length > room.capacity) {
    throw new DomainError('OVER_CAPACITY', `Room ${room.number} has ${room.capacity} beds`, {
      room: room.number,
      capacity: room.capacity,
      count: everyone.length,
    });
  }
  if (new Set(everyone.map((p) => p.group)).size > 1) {
    if (!allowUnrelatedSharing) {
      throw new DomainError('UNRELATED_SHARING', `Unrelated people may not share ${room.number}`, {
        room: room.number,
      });
    }
    if (new Set(everyone.map((p) => p.gender)).size > 1) {
      throw new DomainError(
        'MIXED_GENDER',
        `Unrelated men and women may not share ${room.number}`,
        { room: room.number },
      );
    }
  }
}
