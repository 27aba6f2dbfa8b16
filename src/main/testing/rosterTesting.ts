import { expect } from 'vitest';
import type {
  Post,
  RosterGrid,
  RosterPeriod,
  RosterSlot,
  ShiftTemplate,
  Staff,
} from '../../shared/roster';
import type { SlotKey } from '../roster/slotVersion';
import { buildSite, makeDesk, type Desk } from './peopleTesting';

/** The roster week the duty-roster tests plan: Monday 30 November to Sunday 6 December 2026. */
export const MONDAY = '2026-11-30';
export const SUNDAY = '2026-12-06';

/** A site with three shifts (the night one after midnight), a gate and a medical post, and staff. */
export interface RosterWeek {
  desk: Desk;
  siteId: number;
  day: ShiftTemplate;
  evening: ShiftTemplate;
  night: ShiftTemplate;
  /** One guard on every shift. */
  gate: Post;
  /** One nurse or doctor on the day shift. */
  medical: Post;
  nurses: Staff[];
  guards: Staff[];
  staff: (
    fullName: string,
    role: 'nurse' | 'security' | 'doctor',
    extra?: Record<string, unknown>,
  ) => Promise<Staff>;
  /** A new draft period over the week. */
  period: () => Promise<RosterPeriod>;
}

export async function makeRosterWeek(): Promise<RosterWeek> {
  const desk = makeDesk();
  const siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
  const staff: RosterWeek['staff'] = (fullName, role, extra = {}) =>
    desk.call('staff.create', { fullName, role, phone: '13900001111', ...extra });
  const period = () =>
    desk.call('roster.createPeriod', { siteId, startsOn: MONDAY, endsOn: SUNDAY });
  const day = await desk.call('shifts.create', {
    siteId,
    name: '白班',
    start: '08:00',
    end: '16:00',
  });
  const evening = await desk.call('shifts.create', {
    siteId,
    name: '中班',
    start: '16:00',
    end: '24:00',
  });
  const night = await desk.call('shifts.create', {
    siteId,
    name: '夜班',
    start: '00:00',
    end: '08:00',
  });
  const gate = await desk.call('posts.create', {
    siteId,
    name: '门岗',
    roles: ['security'],
    headCount: 1,
    templateIds: [day.id, evening.id, night.id],
  });
  const medical = await desk.call('posts.create', {
    siteId,
    name: '医疗点',
    roles: ['nurse', 'doctor'],
    headCount: 1,
    templateIds: [day.id],
  });
  const nurses = [await staff('护士甲', 'nurse'), await staff('护士乙', 'nurse')];
  const guards: Staff[] = [];
  for (const n of ['保安一', '保安二', '保安三', '保安四']) guards.push(await staff(n, 'security'));
  return { desk, siteId, day, evening, night, gate, medical, nurses, guards, staff, period };
}

/** Nothing may have been logged as an error during the test; the desk is closed either way. */
export function closeRosterWeek(desk: Desk): void {
  try {
    expect(desk.tr.logger.entries).toEqual([]);
  } finally {
    desk.t.close();
  }
}

/** A 带班领导 post (coordinators, the day shift) and the coordinator who leads that day. */
export async function addLeaderPost(
  w: RosterWeek,
  fullName: string,
): Promise<{ post: Post; leader: Staff }> {
  const post = await w.desk.call('posts.create', {
    siteId: w.siteId,
    name: '带班领导',
    roles: ['coordinator'],
    headCount: 1,
    templateIds: [w.day.id],
  });
  const leader = await w.desk.call('staff.create', {
    fullName,
    role: 'coordinator',
    phone: '13900002222',
  });
  return { post, leader };
}

/** A slot as a desk's grid shows it now (its version is what a write on it sends back). */
export async function seenSlot(
  desk: Desk,
  periodId: number,
  at: SlotKey | { assignmentId: number },
): Promise<RosterSlot> {
  const grid = await desk.call('roster.grid', { periodId });
  const slot = grid.slots.find((s) =>
    'assignmentId' in at
      ? s.assignments.some((a) => a.id === at.assignmentId)
      : s.postId === at.postId && s.templateId === at.templateId && s.day === at.day,
  );
  if (!slot) throw new Error(`No such slot in period ${periodId}: ${JSON.stringify(at)}`);
  return slot;
}

/** A write on a slot as a desk sends it: based on the slot's version its grid just showed. */
export async function onSeenSlot<I extends SlotKey & { periodId: number }>(
  desk: Desk,
  input: I,
): Promise<I & { expectedSlotVersion: number }> {
  return { ...input, expectedSlotVersion: (await seenSlot(desk, input.periodId, input)).version };
}

/** A write on an assignment (unassign, swap), based on its slot's version as the grid shows it. */
export async function onSeenAssignment<I extends { assignmentId: number }>(
  desk: Desk,
  periodId: number,
  input: I,
): Promise<I & { expectedSlotVersion: number }> {
  return { ...input, expectedSlotVersion: (await seenSlot(desk, periodId, input)).version };
}

/** Assigns as a desk does: on the slot as its grid shows it now. */
export const assignSeen = async (
  desk: Desk,
  input: SlotKey & { periodId: number; staffId: number },
): Promise<RosterGrid> => desk.call('roster.assign', await onSeenSlot(desk, input));

/** Rosters one person on a post's shift on Monday of the period. */
export const assignMonday =
  (w: RosterWeek, periodId: number) => (postId: number, templateId: number, staffId: number) =>
    assignSeen(w.desk, { periodId, postId, templateId, day: MONDAY, staffId });
