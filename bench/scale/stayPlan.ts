import { between, hash01, prng } from '../../src/main/testing/prng';
import { SCALE, dayOfMs, msOfDay } from './shape';

/*
 * What the seeded district went through, planned before anything is written: each room's
 * occupations walked back from now, the stays in them, and the round slots, fevers and transfers
 * of each stay (all from seeded hashes, so the same every run).
 */

/** Minutes after site midnight of the two default rounds (08:00, 15:00). */
export const ROUND_MINUTES = [8 * 60, 15 * 60];
const FEVER_CHANCE = 0.0012;
const TRANSFER_SHARE = 0.15;
export const RECHECK_AFTER_MIN = 40;
const MAX_HISTORY_DAYS = 900;

export interface RoomFacts {
  id: number;
  siteId: number;
  capacity: number;
}

/** One occupation of a room: a household (or a single person) from check-in to release. */
export interface Cycle {
  roomId: number;
  siteId: number;
  checkInMs: number;
  observationDays: number;
  people: number;
  /** Still in the room now (observation ends today or later). */
  active: boolean;
}

interface FeverSlot {
  slotMs: number;
  day: string;
  slot: number;
  transfer: boolean;
}

export interface Stay {
  id: number;
  cycle: Cycle;
  member: number;
  personIndex: number;
  checkInMs: number;
  observationEnd: string;
  /** null while still active. */
  checkoutMs: number | null;
  transferred: boolean;
  fevers: FeverSlot[];
  /** Round slots at which a reading could be taken, fevers included. */
  slots: number;
}

const observationDaysOf = (r: number): number => (r < 0.45 ? 14 : r < 0.95 ? 21 : 7);

/** Each room's history, walked back from now: an occupation, a gap of 1–3 days, the one before. */
function roomCycles(room: RoomFacts, nowMs: number): Cycle[] {
  const random = prng(room.id * 7919 + 17);
  const cycles: Cycle[] = [];
  const household = (): number => (room.capacity === 1 ? 1 : between(random, 1, room.capacity));
  let boundDay: string;
  if (random() < 0.8) {
    const days = observationDaysOf(random());
    const checkInDay = dayOfMs(msOfDay(SCALE.today, -between(random, 0, days) * 1440));
    cycles.push({
      roomId: room.id,
      siteId: room.siteId,
      checkInMs: msOfDay(checkInDay, 9 * 60 + between(random, 0, 240)),
      observationDays: days,
      people: household(),
      active: true,
    });
    boundDay = checkInDay;
  } else {
    // Empty now: the last household left 0–3 days ago; pretend a check-in is due on the bound.
    boundDay = dayOfMs(msOfDay(SCALE.today, (1 - between(random, 0, 3)) * 1440));
  }
  for (;;) {
    const releaseDay = dayOfMs(msOfDay(boundDay, -between(random, 1, 3) * 1440));
    const days = observationDaysOf(random());
    const checkInDay = dayOfMs(msOfDay(releaseDay, -days * 1440));
    const checkInMs = msOfDay(checkInDay, 9 * 60 + between(random, 0, 240));
    if (nowMs - checkInMs > MAX_HISTORY_DAYS * 86_400_000) break;
    cycles.push({
      roomId: room.id,
      siteId: room.siteId,
      checkInMs,
      observationDays: days,
      people: household(),
      active: false,
    });
    boundDay = checkInDay;
  }
  return cycles;
}

/** The latest occupations across the district until they hold `wanted` people (the last trimmed). */
export function latestCycles(rooms: RoomFacts[], wanted: number, nowMs: number): Cycle[] {
  const all = rooms.flatMap((r) => roomCycles(r, nowMs));
  all.sort((a, b) => b.checkInMs - a.checkInMs || a.roomId - b.roomId);
  const kept: Cycle[] = [];
  let people = 0;
  for (const c of all) {
    if (people >= wanted) break;
    const take = Math.min(c.people, wanted - people);
    kept.push({ ...c, people: take });
    people += take;
  }
  if (people < wanted) throw new Error(`Room history holds only ${people} stays`);
  return kept.sort((a, b) => a.checkInMs - b.checkInMs || a.roomId - b.roomId);
}

/** Round slots a stay can have a reading in, until it leaves (a fever that is sent away ends it). */
export function planStay(stay: Stay, nowMs: number): void {
  const releaseMs = stay.cycle.active
    ? null
    : msOfDay(stay.observationEnd, 10 * 60 + ((stay.id * 37) % 120));
  const lastMs = releaseMs ?? nowMs;
  for (let day = dayOfMs(stay.checkInMs); ; day = dayOfMs(msOfDay(day, 1440))) {
    const midnight = msOfDay(day, 0);
    if (midnight > lastMs) break;
    for (let slot = 0; slot < ROUND_MINUTES.length; slot++) {
      const slotMs = midnight + ROUND_MINUTES[slot]! * 60_000;
      // A reading 0–60 minutes into the round, after check-in, before leaving (and before now).
      if (slotMs <= stay.checkInMs || slotMs + 90 * 60_000 >= lastMs) continue;
      stay.slots++;
      if (hash01(stay.id, slotMs / 60_000, 3) < FEVER_CHANCE) {
        const transfer = hash01(stay.id, slotMs / 60_000, 5) < TRANSFER_SHARE;
        stay.fevers.push({ slotMs, day, slot, transfer });
        if (transfer) {
          stay.checkoutMs = slotMs + (60 + RECHECK_AFTER_MIN + 60) * 60_000;
          stay.transferred = true;
          return;
        }
      }
    }
  }
  stay.checkoutMs = releaseMs;
}

export const readingMinute = (stayId: number, slotMs: number): number =>
  Math.floor(hash01(stayId, slotMs / 60_000, 9) * 60);
