import { addDays, daysBetween, siteDay } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';

/** One person's expected time at the site, as inclusive site days, and the room they count in. */
interface Presence {
  from: string;
  to: string;
  room: string;
}

/** Residents and occupied rooms expected on each day of the window. */
export interface PeopleByDay {
  residents: number[];
  rooms: number[];
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Who is expected at the site from `today`: everyone in residence until their observation ends
 * (an overdue release still counts today), and every arrival registered but not yet checked in
 * from its bus's day (today if it is late) for its observation days. A person counts on the day
 * they arrive and on the day they leave: both days use a mask.
 */
function presences(ctx: ServiceContext, siteId: number, today: string): Presence[] {
  const inResidence = ctx.db
    .prepare<[number], { room_id: number; observation_end: string | null }>(
      // From the site's rooms to their stays in residence: never the district's other stays.
      `SELECT stays.room_id, stays.observation_end FROM buildings b
       CROSS JOIN rooms r ON r.building_id = b.id
       CROSS JOIN stays ON stays.room_id = r.id AND stays.status = 'active'
       WHERE b.site_id = ?`,
    )
    .all(siteId)
    .map((s) => ({
      from: today,
      // No end recorded: still here at the end of any window.
      to: later(s.observation_end ?? '9999-12-31', today),
      room: `r${s.room_id}`,
    }));
  const registered = ctx.db
    .prepare<
      [number],
      {
        id: number;
        batch_id: number;
        household: string | null;
        last_exposure_date: string | null;
        observation_days: number;
        arrived_at: string;
      }
    >(
      // From the site's buses to their stays not yet placed (a registered stay has no room):
      // the small unplaced index, not every stay a bus ever brought (10 ms → 0.3 ms at scale).
      `SELECT stays.id, stays.batch_id, stays.household, stays.last_exposure_date,
              stays.observation_days, a.arrived_at
       FROM arrival_batches a
       CROSS JOIN stays ON stays.batch_id = a.id AND stays.room_id IS NULL
       WHERE a.site_id = ? AND stays.status = 'registered'`,
    )
    .all(siteId)
    .map((s) => {
      const from = later(siteDay(new Date(s.arrived_at)), today);
      // Observation runs from the last exposure when known, else from check-in (see checkIn).
      const end = addDays(s.last_exposure_date ?? from, s.observation_days);
      // A household shares a room; anyone else is expected to have one of their own.
      const room = s.household ? `h${s.batch_id}:${s.household}` : `s${s.id}`;
      return { from, to: later(end, from), room };
    });
  return [...inResidence, ...registered];
}

/** Residents and occupied rooms on each of `days` consecutive days from `today`. */
export function peopleByDay(
  ctx: ServiceContext,
  siteId: number,
  today: string,
  days: number,
): PeopleByDay {
  const residents = new Array<number>(days).fill(0);
  const roomDays = new Map<string, boolean[]>();
  for (const p of presences(ctx, siteId, today)) {
    const first = Math.max(0, daysBetween(today, p.from));
    const last = Math.min(days - 1, daysBetween(today, p.to));
    if (last < first) continue;
    const occupied = roomDays.get(p.room) ?? new Array<boolean>(days).fill(false);
    roomDays.set(p.room, occupied);
    for (let i = first; i <= last; i++) {
      residents[i]! += 1;
      occupied[i] = true;
    }
  }
  const rooms = new Array<number>(days).fill(0);
  for (const occupied of roomDays.values()) {
    occupied.forEach((o, i) => {
      if (o) rooms[i]! += 1;
    });
  }
  return { residents, rooms };
}
