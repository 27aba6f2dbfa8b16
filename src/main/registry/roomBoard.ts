import {
  ROOM_STATUSES,
  type BoardFloor,
  type RoomBoard,
  type RoomStatus,
  type RoomType,
} from '../../shared/domain';
import { observationDaysLeft } from '../../shared/observation';
import { siteDay } from '../../shared/siteDate';
import { cachedStatement } from '../db/statements';
import type { ServiceContext } from '../services/context';
import { getActiveSite } from './sites';

interface TileRow {
  id: number;
  number: string;
  status: RoomStatus;
  capacity: number;
  type: RoomType;
  status_reason: string | null;
  floor_id: number;
  level: number;
  building_id: number;
  building_code: string;
  building_name: string;
  occupants: number;
  earliest_end: string | null;
}

/** Beds a room can still offer: only an available or occupied room offers any. */
const freeBedsOf = (r: { status: RoomStatus; capacity: number; occupants: number }): number =>
  r.status === 'available' || r.status === 'occupied' ? Math.max(r.capacity - r.occupants, 0) : 0;

/** Floors as rows of tiles, top floor first, with counts per status over the building filter. */
export function roomBoard(
  ctx: ServiceContext,
  input: { siteId: number; buildingId?: number | undefined; statuses?: RoomStatus[] | undefined },
): RoomBoard {
  getActiveSite(ctx, input.siteId);
  const rows = cachedStatement<[number, number | null, number | null], TileRow>(
    ctx.db,
    // From the site's buildings to their rooms, and each room's occupants from the covering
    // partial index of active stays: the rooms and stays of other sites are never read (CROSS
    // JOIN keeps that order; without statistics the planner would scan every room).
    `SELECT r.id, r.number, r.status, r.capacity, r.type, r.status_reason, r.floor_id, f.level,
              b.id AS building_id, b.code AS building_code, b.name AS building_name,
              (SELECT count(*) FROM stays s WHERE s.room_id = r.id AND s.status = 'active') AS occupants,
              (SELECT min(s.observation_end) FROM stays s WHERE s.room_id = r.id AND s.status = 'active') AS earliest_end
       FROM buildings b
       CROSS JOIN rooms r ON r.building_id = b.id
       JOIN floors f ON f.id = r.floor_id
       WHERE b.site_id = ? AND (? IS NULL OR b.id = ?) AND r.retired_at IS NULL
       ORDER BY b.code, f.level DESC, r.number`,
  ).all(input.siteId, input.buildingId ?? null, input.buildingId ?? null);

  const today = siteDay(ctx.now());
  const counts = Object.fromEntries(ROOM_STATUSES.map((s) => [s, 0])) as Record<RoomStatus, number>;
  let totalBeds = 0;
  let freeBeds = 0;
  const shown = input.statuses && input.statuses.length > 0 ? new Set(input.statuses) : null;
  const floors = new Map<number, BoardFloor>();
  for (const r of rows) {
    counts[r.status]++;
    totalBeds += r.capacity;
    freeBeds += freeBedsOf(r);
    if (shown && !shown.has(r.status)) continue;
    let floor = floors.get(r.floor_id);
    if (!floor) {
      floor = {
        floorId: r.floor_id,
        buildingId: r.building_id,
        buildingCode: r.building_code,
        buildingName: r.building_name,
        level: r.level,
        rooms: [],
      };
      floors.set(r.floor_id, floor);
    }
    floor.rooms.push({
      id: r.id,
      number: r.number,
      status: r.status,
      capacity: r.capacity,
      freeBeds: freeBedsOf(r),
      occupants: r.occupants,
      daysLeft: r.earliest_end === null ? null : observationDaysLeft(r.earliest_end, today),
      type: r.type,
      statusReason: r.status_reason,
    });
  }
  return { counts, totalRooms: rows.length, totalBeds, freeBeds, floors: [...floors.values()] };
}
