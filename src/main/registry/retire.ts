import type { ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';

/** A set of rooms named by a condition over `rooms r JOIN buildings b`. */
export interface RoomScope {
  where: string;
  params: readonly (string | number)[];
}

/** Statuses in which a room has, or is about to have, people in it. */
const IN_USE = ['reserved', 'occupied', 'awaiting_disinfection'] as const;

/** Refuses to retire a scope while any of its rooms is reserved, occupied or awaiting disinfection. */
export function assertRoomsRetirable(ctx: ServiceContext, scope: RoomScope): void {
  const busy = ctx.db
    .prepare<(string | number)[], { number: string }>(
      `SELECT r.number FROM rooms r JOIN buildings b ON b.id = r.building_id
       WHERE r.retired_at IS NULL AND r.status IN (${IN_USE.map(() => '?').join(',')}) AND ${scope.where}
       ORDER BY r.number LIMIT 21`,
    )
    .all(...IN_USE, ...scope.params);
  if (busy.length > 0) {
    const list = busy.slice(0, 20).map((r) => r.number);
    throw new DomainError('IN_USE', `Rooms in use: ${list.join(', ')}`, {
      rooms: list.join(', ') + (busy.length > 20 ? ' …' : ''),
      count: busy.length,
    });
  }
}

export function retireRoomsWhere(ctx: ServiceContext, scope: RoomScope, at: string): void {
  ctx.db
    .prepare(
      `UPDATE rooms SET version = version + 1, retired_at = ?, updated_at = ?
       WHERE retired_at IS NULL AND id IN (
         SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE ${scope.where})`,
    )
    .run(at, at, ...scope.params);
}
