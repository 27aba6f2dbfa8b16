import { observationDaysLeft, observationEndOf } from '../../shared/observation';
import { ageIfKnown } from '../../shared/idNumber';
import { addDays, daysBetween, siteDay, siteMidnight } from '../../shared/siteDate';
import type { CheckoutKind, RoomOccupant, StayRecord, StayStatus } from '../../shared/people';
import type { StayEventReasonCode } from '../../shared/residents';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { closeFeverOnCheckout } from '../health/fever';
import { checkPlacement, groupOf, occupantsOf } from '../registry/occupancy';
import { maskIdNumber } from '../services/masking';
import { getRoom, writeStatus } from '../registry/rooms';

interface StayRow {
  id: number;
  person_id: number;
  batch_id: number | null;
  household: string | null;
  room_id: number | null;
  status: StayStatus;
  check_in_at: string | null;
  last_exposure_date: string | null;
  observation_days: number;
  observation_end: string | null;
  checked_out_at: string | null;
  checkout_kind: CheckoutKind | null;
  hospital: string | null;
  checkout_reason: string | null;
  room_number: string | null;
  gender: 'male' | 'female';
}

const SELECT = `SELECT s.*, r.number AS room_number, p.gender FROM stays s
  JOIN people p ON p.id = s.person_id LEFT JOIN rooms r ON r.id = s.room_id`;

function row(ctx: ServiceContext, id: number): StayRow {
  const found = ctx.db.prepare<[number], StayRow>(`${SELECT} WHERE s.id = ?`).get(id);
  if (!found) throw notFound('stay', id);
  return found;
}

export function getStay(ctx: ServiceContext, input: { id: number }): StayRecord {
  const s = row(ctx, input.id);
  return {
    id: s.id,
    personId: s.person_id,
    status: s.status,
    roomId: s.room_id,
    roomNumber: s.room_number,
    checkInAt: s.check_in_at,
    lastExposureDate: s.last_exposure_date,
    observationDays: s.observation_days,
    observationEnd: s.observation_end,
    checkedOutAt: s.checked_out_at,
    checkoutKind: s.checkout_kind,
    hospital: s.hospital,
    checkoutReason: s.checkout_reason,
  };
}

function event(
  ctx: ServiceContext,
  e: {
    stayId: number;
    kind: 'check_in' | 'move' | 'extend' | 'check_out';
    from?: number | null;
    to?: number | null;
    days?: number;
    reason?: string | null;
    reasonCode?: StayEventReasonCode;
  },
): void {
  ctx.db
    .prepare(
      'INSERT INTO stay_events (stay_id, kind, at, from_room_id, to_room_id, days, reason, reason_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      e.stayId,
      e.kind,
      isoNow(ctx),
      e.from ?? null,
      e.to ?? null,
      e.days ?? null,
      e.reason ?? null,
      e.reasonCode ?? null,
    );
}

/** A room that gains its first occupant becomes occupied (and counts as used from then on). */
function markOccupied(ctx: ServiceContext, roomId: number): void {
  const room = getRoom(ctx, { id: roomId });
  ctx.db
    .prepare('UPDATE rooms SET version = version + 1, ever_used = 1 WHERE id = ? AND ever_used = 0')
    .run(roomId);
  if (room.status !== 'occupied') writeStatus(ctx, room, 'occupied', null);
}

/** A room whose last occupant left waits for disinfection before anyone else may use it. */
function releaseRoomIfEmpty(ctx: ServiceContext, roomId: number): void {
  if (occupantsOf(ctx, roomId).length > 0) return;
  writeStatus(ctx, getRoom(ctx, { id: roomId }), 'awaiting_disinfection', null);
}

function openStay(ctx: ServiceContext, id: number, status: StayStatus): StayRow {
  const s = row(ctx, id);
  if (s.status !== status) {
    throw new DomainError('STAY_NOT_OPEN', `Stay ${id} is ${s.status}`, { status: s.status });
  }
  return s;
}

/** Checks a registered stay into a room; the rules were checked for the whole room by the caller. */
export function checkIn(ctx: ServiceContext, stayId: number, roomId: number): void {
  const s = openStay(ctx, stayId, 'registered');
  const at = isoNow(ctx);
  const end = observationEndOf({
    lastExposureDate: s.last_exposure_date,
    checkInDay: siteDay(ctx.now()),
    observationDays: s.observation_days,
  });
  ctx.db
    .prepare(
      `UPDATE stays SET status = 'active', room_id = ?, check_in_at = ?, observation_end = ?, updated_at = ? WHERE id = ?`,
    )
    .run(roomId, at, end, at, stayId);
  markOccupied(ctx, roomId);
  event(ctx, { stayId, kind: 'check_in', to: roomId });
}

export function extendStay(
  ctx: ServiceContext,
  input: { id: number; days: number; reason: string },
): StayRecord {
  const s = openStay(ctx, input.id, 'active');
  if (s.observation_days + input.days > MAX_OBSERVATION_DAYS) {
    throw new DomainError(
      'INVALID_INPUT',
      `Observation may last at most ${MAX_OBSERVATION_DAYS} days`,
      { max: MAX_OBSERVATION_DAYS - s.observation_days },
      { days: 'too_big' },
    );
  }
  ctx.db
    .prepare(
      'UPDATE stays SET observation_days = observation_days + ?, observation_end = ?, updated_at = ? WHERE id = ?',
    )
    .run(input.days, addDays(s.observation_end!, input.days), isoNow(ctx), s.id);
  event(ctx, { stayId: s.id, kind: 'extend', days: input.days, reason: input.reason });
  return getStay(ctx, { id: s.id });
}

export function moveStay(
  ctx: ServiceContext,
  input: { id: number; roomId: number; reason: string },
): StayRecord {
  const s = openStay(ctx, input.id, 'active');
  if (s.room_id === input.roomId) return getStay(ctx, { id: s.id });
  checkPlacement(ctx, getRoom(ctx, { id: s.room_id! }).siteId, input.roomId, [
    { stayId: s.id, gender: s.gender, group: groupOf(s) },
  ]);
  const from = s.room_id!;
  ctx.db
    .prepare('UPDATE stays SET room_id = ?, updated_at = ? WHERE id = ?')
    .run(input.roomId, isoNow(ctx), s.id);
  markOccupied(ctx, input.roomId);
  releaseRoomIfEmpty(ctx, from);
  event(ctx, { stayId: s.id, kind: 'move', from, to: input.roomId, reason: input.reason });
  return getStay(ctx, { id: s.id });
}

/** The stays table's own limit (migration 0003). */
const MAX_OBSERVATION_DAYS = 60;

const STATUS_OF_CHECKOUT: Record<CheckoutKind, StayStatus> = {
  release: 'released',
  transfer: 'transferred',
  other: 'checked_out',
};

/** Release (解除隔离), transfer to a hospital, or another reason; an emptied room awaits disinfection. */
export function checkOut(
  ctx: ServiceContext,
  input: {
    id: number;
    kind: CheckoutKind;
    hospital?: string | undefined;
    reason?: string | undefined;
  },
): StayRecord {
  const s = openStay(ctx, input.id, 'active');
  closeFeverOnCheckout(ctx, s.id, input.kind);
  if (input.kind === 'transfer' && !input.hospital?.trim()) {
    throw new DomainError(
      'INVALID_INPUT',
      'A transfer names the hospital',
      {},
      { hospital: 'required' },
    );
  }
  if (input.kind === 'other' && !input.reason?.trim()) {
    throw new DomainError('REASON_REQUIRED', 'A reason is required', {}, { reason: 'required' });
  }
  const at = isoNow(ctx);
  ctx.db
    .prepare(
      `UPDATE stays SET status = ?, checked_out_at = ?, checkout_kind = ?, hospital = ?, checkout_reason = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      STATUS_OF_CHECKOUT[input.kind],
      at,
      input.kind,
      input.hospital?.trim() || null,
      input.reason?.trim() || null,
      at,
      s.id,
    );
  releaseRoomIfEmpty(ctx, s.room_id!);
  event(ctx, {
    stayId: s.id,
    kind: 'check_out',
    from: s.room_id,
    reason: input.reason ?? input.hospital ?? null,
  });
  return getStay(ctx, { id: s.id });
}

interface OccupantRow {
  id: number;
  person_id: number;
  room_id: number;
  full_name: string;
  gender: 'male' | 'female';
  birth_date: string | null;
  document_number: string;
  household: string | null;
  check_in_at: string;
  observation_end: string;
}

/**
 * Everyone checked in where `where` holds (over stays `s`, rooms `r`), by room then stay, with the
 * observation clock, personal numbers masked. Returned with their room ids for grouping.
 */
export function occupantsWhere(
  ctx: ServiceContext,
  where: string,
  params: (string | number)[],
): (RoomOccupant & { roomId: number })[] {
  const today = siteDay(ctx.now());
  const midnight = siteMidnight(ctx.now());
  return ctx.db
    .prepare<(string | number)[], OccupantRow>(
      `SELECT s.id, s.person_id, s.room_id, p.full_name, p.gender, p.birth_date, p.document_number, s.household,
              s.check_in_at, s.observation_end
       FROM stays s JOIN people p ON p.id = s.person_id JOIN rooms r ON r.id = s.room_id
       WHERE s.status = 'active' AND ${where} ORDER BY s.room_id, s.id`,
    )
    .all(...params)
    .map((o) => ({
      roomId: o.room_id,
      stayId: o.id,
      personId: o.person_id,
      fullName: o.full_name,
      gender: o.gender,
      age: ageIfKnown(o.birth_date, midnight),
      documentMasked: maskIdNumber(o.document_number),
      household: o.household,
      checkInAt: o.check_in_at,
      observationEnd: o.observation_end,
      daysLeft: observationDaysLeft(o.observation_end, today),
    }));
}

/** Who is in a room now, with their observation clock, for the room dialog. */
export function roomOccupants(ctx: ServiceContext, input: { roomId: number }): RoomOccupant[] {
  getRoom(ctx, { id: input.roomId });
  return occupantsWhere(ctx, 'r.id = ?', [input.roomId]).map(({ roomId: _room, ...o }) => o);
}

/**
 * Closes a registration that never checked in (the person did not come, or went elsewhere): the
 * stay ends as "other" with the reason, so the person may be registered again later.
 */
export function cancelRegistration(
  ctx: ServiceContext,
  input: { id: number; reason: string },
): StayRecord {
  const s = openStay(ctx, input.id, 'registered');
  const at = isoNow(ctx);
  ctx.db
    .prepare(
      `UPDATE stays SET status = 'checked_out', checked_out_at = ?, checkout_kind = 'other', checkout_reason = ?, updated_at = ? WHERE id = ?`,
    )
    .run(at, input.reason, at, s.id);
  event(ctx, { stayId: s.id, kind: 'check_out', reason: input.reason });
  return getStay(ctx, { id: s.id });
}

/**
 * Observation starts again today for a contact (a roommate of a fever case that left for
 * hospital): the end moves to today + the site's observation days, never earlier than it was.
 * Logged as an extension with the reason's code; returns whether the end moved.
 */
export function restartObservation(
  ctx: ServiceContext,
  stayId: number,
  observationDays: number,
  reasonCode: StayEventReasonCode,
): boolean {
  const s = openStay(ctx, stayId, 'active');
  const newEnd = addDays(siteDay(ctx.now()), observationDays);
  const days = daysBetween(s.observation_end!, newEnd);
  if (days <= 0) return false;
  // The table caps a stay at MAX_OBSERVATION_DAYS; a restart that would pass it stops there.
  const allowed = Math.min(days, MAX_OBSERVATION_DAYS - s.observation_days);
  if (allowed <= 0) return false;
  ctx.db
    .prepare(
      'UPDATE stays SET observation_days = observation_days + ?, observation_end = ?, updated_at = ? WHERE id = ?',
    )
    .run(allowed, addDays(s.observation_end!, allowed), isoNow(ctx), s.id);
  event(ctx, { stayId: s.id, kind: 'extend', days: allowed, reasonCode });
  return true;
}
