import { ageIfKnown } from '../../shared/idNumber';
import type { Category, CheckoutKind, DocumentType, Gender, StayStatus } from '../../shared/people';
import {
  STAY_EVENT_REASON_CODES,
  type PersonDetail,
  type PersonHistory,
  type StayEventReasonCode,
  type StayEventRecord,
} from '../../shared/residents';
import { observationDaysLeft } from '../../shared/observation';
import { siteDay } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';
import { notFound } from '../services/errors';
import {
  maskIdNumber,
  maskPersonalNumbers,
  maskPersonalNumbersOrNull,
  maskPhone,
} from '../services/masking';
import { vulnerableFlagsOfRow } from './people';

interface PersonRow {
  id: number;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  document_type: DocumentType;
  document_number: string;
  phone: string;
  category: Category;
  street: string | null;
  community: string | null;
  pregnant: number;
  chronic_illness: number;
  disability: number;
  emergency_contact: string;
  emergency_phone: string;
  notes: string;
  origin_place: string;
  registered_residence: string;
  travel: string;
  version: number;
}

/** 和平桥街道 濠西社区, or the street alone. */
export const originLabel = (street: string | null, community: string | null): string | null =>
  street === null ? null : community ? `${street} ${community}` : street;

export function personDetail(ctx: ServiceContext, personId: number): PersonDetail {
  const p = ctx.db
    .prepare<[number], PersonRow>(
      `SELECT p.*, o.street, o.community FROM people p LEFT JOIN origins o ON o.id = p.origin_id WHERE p.id = ?`,
    )
    .get(personId);
  if (!p) throw notFound('person', personId);
  const now = ctx.now();
  return {
    id: p.id,
    fullName: p.full_name,
    gender: p.gender,
    birthDate: p.birth_date,
    age: ageIfKnown(p.birth_date, now),
    documentType: p.document_type,
    documentMasked: maskIdNumber(p.document_number),
    phoneMasked: p.phone ? maskPhone(p.phone) : '',
    category: p.category,
    origin: originLabel(p.street, p.community),
    originPlace: p.origin_place,
    registeredResidence: p.registered_residence,
    travel: p.travel,
    vulnerable: vulnerableFlagsOfRow(p, now),
    // Free text shows what lists show: numbers typed into it masked (people.reveal has them).
    emergencyContact: maskPersonalNumbers(p.emergency_contact),
    emergencyPhoneMasked: p.emergency_phone ? maskPhone(p.emergency_phone) : '',
    notes: maskPersonalNumbers(p.notes),
    version: p.version,
  };
}

interface StayRow {
  id: number;
  status: StayStatus;
  batch_label: string | null;
  household: string | null;
  room_number: string | null;
  check_in_at: string | null;
  last_exposure_date: string | null;
  observation_days: number;
  observation_end: string | null;
  checked_out_at: string | null;
  checkout_kind: CheckoutKind | null;
  hospital: string | null;
  checkout_reason: string | null;
}

interface EventRow {
  id: number;
  stay_id: number;
  kind: StayEventRecord['kind'];
  at: string;
  from_room: string | null;
  to_room: string | null;
  days: number | null;
  reason: string | null;
  reason_code: string | null;
}

/** A person and every stay they had here, newest first, each with its moves and extensions. */
export function personHistory(ctx: ServiceContext, input: { personId: number }): PersonHistory {
  const person = personDetail(ctx, input.personId);
  const stays = ctx.db
    .prepare<[number], StayRow>(
      `SELECT s.id, s.status, ab.label AS batch_label, s.household, r.number AS room_number, s.check_in_at,
              s.last_exposure_date, s.observation_days, s.observation_end, s.checked_out_at, s.checkout_kind,
              s.hospital, s.checkout_reason
       FROM stays s LEFT JOIN arrival_batches ab ON ab.id = s.batch_id LEFT JOIN rooms r ON r.id = s.room_id
       WHERE s.person_id = ? ORDER BY s.id DESC`,
    )
    .all(input.personId);
  const events = ctx.db
    .prepare<[number], EventRow>(
      `SELECT e.id, e.stay_id, e.kind, e.at, fr.number AS from_room, tr.number AS to_room, e.days, e.reason, e.reason_code
       FROM stay_events e JOIN stays s ON s.id = e.stay_id
       LEFT JOIN rooms fr ON fr.id = e.from_room_id LEFT JOIN rooms tr ON tr.id = e.to_room_id
       WHERE s.person_id = ? ORDER BY e.id`,
    )
    .all(input.personId);
  return {
    person,
    stays: stays.map((s) => ({
      id: s.id,
      status: s.status,
      batchLabel: s.batch_label,
      household: s.household,
      roomNumber: s.room_number,
      checkInAt: s.check_in_at,
      lastExposureDate: s.last_exposure_date,
      observationDays: s.observation_days,
      observationEnd: s.observation_end,
      daysLeft:
        s.status === 'active' && s.observation_end
          ? observationDaysLeft(s.observation_end, siteDay(ctx.now()))
          : null,
      checkedOutAt: s.checked_out_at,
      checkoutKind: s.checkout_kind,
      hospital: maskPersonalNumbersOrNull(s.hospital),
      checkoutReason: maskPersonalNumbersOrNull(s.checkout_reason),
      events: events
        .filter((e) => e.stay_id === s.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          at: e.at,
          fromRoom: e.from_room,
          toRoom: e.to_room,
          days: e.days,
          reason: maskPersonalNumbersOrNull(e.reason),
          reasonCode: knownReasonCode(e.reason_code),
        })),
    })),
  };
}

/** A stored reason code this version can put into words (a newer one shows its text alone). */
const knownReasonCode = (code: string | null): StayEventReasonCode | null =>
  STAY_EVENT_REASON_CODES.find((known) => known === code) ?? null;
