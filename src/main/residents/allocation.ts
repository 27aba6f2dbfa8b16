import type {
  AllocationLine,
  AllocationPlan,
  AllocationReason,
  BatchMember,
  Gender,
} from '../../shared/people';
import type { RoomType } from '../../shared/domain';
import { batchMembers, getBatch } from './arrivals';
import type { ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { checkPlacement, groupOf, type Placed } from '../registry/occupancy';
import { getSettings } from '../accounts/settings';
import { checkIn } from './stays';

interface CandidateRoom {
  id: number;
  number: string;
  capacity: number;
  type: RoomType;
  level: number;
  building: string;
  floorId: number;
  /** Occupants now, then those planned by this suggestion. */
  people: { gender: Gender; group: string }[];
}

interface Unit {
  group: string;
  members: BatchMember[];
  vulnerable: boolean;
}

function loadRooms(ctx: ServiceContext, siteId: number): CandidateRoom[] {
  const rooms = ctx.db
    .prepare<[number], Omit<CandidateRoom, 'people'>>(
      `SELECT r.id, r.number, r.capacity, r.type, f.level, b.code AS building, r.floor_id AS floorId
       FROM rooms r JOIN floors f ON f.id = r.floor_id JOIN buildings b ON b.id = r.building_id
       WHERE b.site_id = ? AND r.retired_at IS NULL AND r.status IN ('available','occupied')
       ORDER BY b.code, f.level, length(r.number), r.number, r.id`,
    )
    .all(siteId);
  const occupants = ctx.db
    .prepare<
      [number],
      {
        room_id: number;
        id: number;
        batch_id: number | null;
        household: string | null;
        gender: Gender;
      }
    >(
      `SELECT s.room_id, s.id, s.batch_id, s.household, p.gender FROM stays s JOIN people p ON p.id = s.person_id
       JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
       WHERE s.status = 'active' AND b.site_id = ?`,
    )
    .all(siteId);
  const byRoom = new Map<number, { gender: Gender; group: string }[]>();
  for (const o of occupants) {
    byRoom.set(o.room_id, [
      ...(byRoom.get(o.room_id) ?? []),
      { gender: o.gender, group: groupOf(o) },
    ]);
  }
  return rooms.map((r) => ({ ...r, people: byRoom.get(r.id) ?? [] }));
}

/** Every active room of the site, floor by floor in door order: what "next to each other" means. */
function floorOrder(ctx: ServiceContext, siteId: number): Map<number, number[]> {
  const rows = ctx.db
    .prepare<[number], { id: number; floor_id: number }>(
      `SELECT r.id, r.floor_id FROM rooms r JOIN buildings b ON b.id = r.building_id
       WHERE b.site_id = ? AND r.retired_at IS NULL ORDER BY r.floor_id, length(r.number), r.number, r.id`,
    )
    .all(siteId);
  const floors = new Map<number, number[]>();
  for (const r of rows) floors.set(r.floor_id, [...(floors.get(r.floor_id) ?? []), r.id]);
  return floors;
}

function unitsOf(members: BatchMember[], batchId: number): Unit[] {
  const units = new Map<string, Unit>();
  for (const m of members) {
    const group = groupOf({ id: m.stayId, batch_id: batchId, household: m.household });
    const unit = units.get(group) ?? { group, members: [], vulnerable: false };
    unit.members.push(m);
    unit.vulnerable ||= m.vulnerable.length > 0;
    units.set(group, unit);
  }
  // Largest first (they are hardest to place), the vulnerable before others, then registration order.
  return [...units.values()].sort(
    (a, b) =>
      b.members.length - a.members.length ||
      Number(b.vulnerable) - Number(a.vulnerable) ||
      a.members[0]!.stayId - b.members[0]!.stayId,
  );
}

/** Lower is better; ties break on the room's place, so the same input gives the same plan. */
function score(room: CandidateRoom, unit: Unit): number[] {
  const size = unit.members.length;
  return [
    unit.vulnerable && room.type !== 'accessible' ? 1 : 0,
    // The vulnerable go low; others go high, keeping the lower floors free.
    unit.vulnerable ? room.level : -room.level,
    room.capacity - size,
    size >= 3 && room.type !== 'family' ? 1 : 0,
  ];
}

/** The candidate with the lowest score (one pass; the first of equals, so ties keep room order). */
function lowestScore(candidates: CandidateRoom[], unit: Unit): CandidateRoom | undefined {
  let best: CandidateRoom | undefined;
  let bestScore: number[] = [];
  for (const room of candidates) {
    const s = score(room, unit);
    if (!best || compare(s, bestScore) < 0) {
      best = room;
      bestScore = s;
    }
  }
  return best;
}

const compare = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

function vulnerableReasons(unit: Unit, room: CandidateRoom): AllocationReason[] {
  if (!unit.vulnerable) return [];
  const who = unit.members.find((m) => m.vulnerable.length > 0)!;
  const reasons: AllocationReason[] = [
    {
      code: 'lower_floor',
      params: { level: room.level, flag: who.vulnerable[0]!, age: who.age ?? '' },
    },
  ];
  if (room.type === 'accessible') reasons.push({ code: 'accessible', params: {} });
  return reasons;
}

/**
 * A deterministic, explained room for each registered person of a batch: households together in
 * one room where one fits (else adjacent rooms on one floor), unrelated people alone unless the
 * site allows same-gender sharing, the vulnerable on low floors and in accessible rooms.
 */
export function suggestAllocation(ctx: ServiceContext, input: { batchId: number }): AllocationPlan {
  const batch = getBatch(ctx, input.batchId);
  const sharing = getSettings(ctx).allowUnrelatedSharing;
  const rooms = loadRooms(ctx, batch.siteId);
  const doorOrder = floorOrder(ctx, batch.siteId);
  const members = batchMembers(ctx, input).filter((m) => m.status === 'registered');
  const lines = new Map<number, AllocationLine>();
  const place = (m: BatchMember, room: CandidateRoom | null, reasons: AllocationReason[]) => {
    lines.set(m.stayId, {
      stayId: m.stayId,
      fullName: m.fullName,
      household: m.household,
      roomId: room?.id ?? null,
      roomNumber: room?.number ?? null,
      reasons,
    });
  };

  for (const unit of unitsOf(members, input.batchId)) {
    const size = unit.members.length;
    const empty = rooms.filter((r) => r.people.length === 0 && r.capacity >= size);
    const gender = unit.members[0]!.gender;
    const shareable =
      sharing && size === 1
        ? rooms.filter(
            (r) =>
              r.people.length > 0 &&
              r.people.length < r.capacity &&
              r.people.every((p) => p.gender === gender),
          )
        : [];
    const best = lowestScore([...empty, ...shareable], unit);
    if (best) {
      const shared = best.people.length > 0;
      for (const m of unit.members) {
        best.people.push({ gender: m.gender, group: unit.group });
        const main: AllocationReason = shared
          ? { code: 'shared_same_gender', params: { room: best.number } }
          : size > 1
            ? { code: 'household_together', params: { size, type: best.type } }
            : { code: 'single', params: { type: best.type } };
        place(m, best, [main, ...vulnerableReasons(unit, best)]);
      }
      continue;
    }
    const split = size > 1 ? adjacentRooms(rooms, unit, doorOrder) : null;
    if (split) {
      let i = 0;
      for (const room of split) {
        for (let bed = 0; bed < room.capacity && i < size; bed++, i++) {
          const m = unit.members[i]!;
          room.people.push({ gender: m.gender, group: unit.group });
          place(m, room, [
            {
              code: 'household_split',
              params: { size, rooms: split.map((r) => r.number).join(', ') },
            },
            ...vulnerableReasons(unit, room),
          ]);
        }
      }
      continue;
    }
    for (const m of unit.members) place(m, null, [{ code: 'no_room', params: { size } }]);
  }
  const ordered = members.map((m) => lines.get(m.stayId)!);
  return { lines: ordered, unplaced: ordered.filter((l) => l.roomId === null).length };
}

/**
 * The fewest consecutive rooms on one floor, all empty and allocatable, that together hold the
 * household. Any other room in between (reserved, out of service, occupied) breaks the run.
 */
function adjacentRooms(
  rooms: CandidateRoom[],
  unit: Unit,
  doorOrder: Map<number, number[]>,
): CandidateRoom[] | null {
  const size = unit.members.length;
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const floors = [...doorOrder.values()]
    .map((ids) => ids.map((id) => byId.get(id) ?? null))
    .filter((floor) => floor.some((r) => r !== null));
  const levelOf = (floor: (CandidateRoom | null)[]) => floor.find((r) => r !== null)!.level;
  floors.sort((a, b) => (unit.vulnerable ? levelOf(a) - levelOf(b) : levelOf(b) - levelOf(a)));
  for (const floor of floors) {
    let best: CandidateRoom[] | null = null;
    for (let start = 0; start < floor.length; start++) {
      let beds = 0;
      const run: CandidateRoom[] = [];
      for (let i = start; i < floor.length; i++) {
        const room = floor[i];
        if (!room || room.people.length > 0) break;
        run.push(room);
        beds += room.capacity;
        if (beds >= size) break;
      }
      if (beds >= size && (!best || run.length < best.length)) best = run;
    }
    if (best) return best;
  }
  return null;
}

/**
 * Checks in a batch's people as the coordinator confirmed (any line may differ from the suggestion),
 * all in one transaction: every room is checked against the rules with everyone who will be in it.
 */
export function confirmAllocation(
  ctx: ServiceContext,
  input: { batchId: number; lines: { stayId: number; roomId: number }[] },
): BatchMember[] {
  const members = new Map(batchMembers(ctx, { batchId: input.batchId }).map((m) => [m.stayId, m]));
  const byRoom = new Map<number, Placed[]>();
  for (const line of input.lines) {
    const m = members.get(line.stayId);
    if (!m || m.status !== 'registered') {
      throw new DomainError('STAY_NOT_OPEN', `Stay ${line.stayId} is not waiting in this batch`, {
        status: m?.status ?? 'unknown',
      });
    }
    const group = groupOf({ id: m.stayId, batch_id: input.batchId, household: m.household });
    byRoom.set(line.roomId, [
      ...(byRoom.get(line.roomId) ?? []),
      { stayId: m.stayId, gender: m.gender, group },
    ]);
  }
  const siteId = getBatch(ctx, input.batchId).siteId;
  for (const [roomId, newcomers] of byRoom) checkPlacement(ctx, siteId, roomId, newcomers);
  for (const line of input.lines) checkIn(ctx, line.stayId, line.roomId);
  return batchMembers(ctx, { batchId: input.batchId });
}
