import { checkInDayOf, checkInWarning } from '../../shared/observation';
import { siteDay } from '../../shared/siteDate';
import { ageIfKnown } from '../../shared/idNumber';
import type {
  ArrivalBatch,
  BatchMember,
  Category,
  DocumentType,
  Gender,
  StayStatus,
} from '../../shared/people';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { maskIdNumber, maskPhone } from '../services/masking';
import { checkDates, upsertPerson, vulnerableFlagsOfRow, type PersonInput } from './people';
import { getSettings } from '../accounts/settings';
import { getActiveSite } from '../registry/sites';

interface BatchRow {
  id: number;
  site_id: number;
  label: string;
  arrived_at: string;
  expected_count: number | null;
  registered: number;
  checked_in: number;
}

const BATCH_SELECT = `SELECT b.id, b.site_id, b.label, b.arrived_at, b.expected_count,
  (SELECT count(*) FROM stays s WHERE s.batch_id = b.id) AS registered,
  (SELECT count(*) FROM stays s WHERE s.batch_id = b.id AND s.status <> 'registered') AS checked_in
  FROM arrival_batches b`;

const toBatch = (r: BatchRow): ArrivalBatch => ({
  id: r.id,
  siteId: r.site_id,
  label: r.label,
  arrivedAt: r.arrived_at,
  expectedCount: r.expected_count,
  registered: r.registered,
  checkedIn: r.checked_in,
});

export function getBatch(ctx: ServiceContext, id: number): ArrivalBatch {
  const r = ctx.db.prepare<[number], BatchRow>(`${BATCH_SELECT} WHERE b.id = ?`).get(id);
  if (!r) throw notFound('arrival_batch', id);
  return toBatch(r);
}

export function listBatches(ctx: ServiceContext, input: { siteId: number }): ArrivalBatch[] {
  return ctx.db
    .prepare<[number], BatchRow>(
      `${BATCH_SELECT} WHERE b.site_id = ? ORDER BY b.arrived_at DESC, b.id DESC LIMIT 200`,
    )
    .all(input.siteId)
    .map(toBatch);
}

/**
 * People registered in the site's arrival batches and not checked in yet (nor turned away). A
 * registered stay has no room until its check-in, so the small partial index of unplaced stays
 * finds them without reading every stay the site's batches ever brought.
 */
export function awaitingCheckIn(ctx: ServiceContext, input: { siteId: number }): number {
  return ctx.db
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM arrival_batches b CROSS JOIN stays s ON s.batch_id = b.id
       WHERE b.site_id = ? AND s.room_id IS NULL AND s.status = 'registered'`,
    )
    .get(input.siteId)!.n;
}

export function createBatch(
  ctx: ServiceContext,
  input: {
    siteId: number;
    label: string;
    arrivedAt: string;
    expectedCount?: number | undefined;
    notes: string;
  },
): ArrivalBatch {
  getActiveSite(ctx, input.siteId);
  assertBusinessDates(ctx, { arrivedAt: input.arrivedAt });
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO arrival_batches (site_id, label, arrived_at, expected_count, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      input.siteId,
      input.label,
      input.arrivedAt,
      input.expectedCount ?? null,
      input.notes,
      isoNow(ctx),
    );
  return getBatch(ctx, Number(lastInsertRowid));
}

export interface ArrivalInput extends PersonInput {
  household?: string | undefined;
  lastExposureDate?: string | undefined;
}

/**
 * Registers people into a batch, all or nothing: any bad row refuses the whole call, naming the
 * row and field (`people.3.documentNumber`), and the router's transaction writes nothing.
 */
export function registerArrivals(
  ctx: ServiceContext,
  input: { batchId: number; people: ArrivalInput[] },
): BatchMember[] {
  getBatch(ctx, input.batchId);
  const days = getSettings(ctx).observationDays;
  const at = isoNow(ctx);
  const today = siteDay(ctx.now());
  const seen = new Map<string, number>();
  input.people.forEach((p, index) => {
    const key = `${p.documentType}:${p.documentNumber.trim().toUpperCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DomainError(
        'DUPLICATE',
        `Rows ${first + 1} and ${index + 1} are the same person`,
        { value: p.documentNumber.slice(-4) },
        {
          [`people.${index}.documentNumber`]: 'duplicate',
        },
      );
    }
    seen.set(key, index);
    const dates = checkDates(p, today);
    if (Object.keys(dates).length > 0) {
      throw new DomainError(
        'INVALID_INPUT',
        `Row ${index + 1} has a date that cannot be true`,
        {},
        Object.fromEntries(Object.entries(dates).map(([k, v]) => [`people.${index}.${k}`, v])),
      );
    }
    const personId = upsertPerson(ctx, p, `people.${index}.`);
    ctx.db
      .prepare(
        `INSERT INTO stays (person_id, batch_id, household, status, last_exposure_date, observation_days, created_at, updated_at)
         VALUES (?, ?, ?, 'registered', ?, ?, ?, ?)`,
      )
      .run(
        personId,
        input.batchId,
        p.household?.trim() || null,
        p.lastExposureDate ?? null,
        days,
        at,
        at,
      );
  });
  return batchMembers(ctx, { batchId: input.batchId });
}

interface MemberRow {
  stay_id: number;
  person_id: number;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  document_type: DocumentType;
  document_number: string;
  phone: string;
  category: Category;
  household: string | null;
  pregnant: number;
  chronic_illness: number;
  disability: number;
  status: StayStatus;
  room_id: number | null;
  room_number: string | null;
  last_exposure_date: string | null;
  observation_days: number;
  arrived_at: string;
}

export function batchMembers(ctx: ServiceContext, input: { batchId: number }): BatchMember[] {
  const now = ctx.now();
  const today = siteDay(now);
  return ctx.db
    .prepare<[number], MemberRow>(
      `SELECT s.id AS stay_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, p.document_type, p.document_number,
              p.phone, p.category, s.household, p.pregnant, p.chronic_illness, p.disability, s.status, s.room_id,
              r.number AS room_number, s.last_exposure_date, s.observation_days, ab.arrived_at
       FROM stays s JOIN people p ON p.id = s.person_id LEFT JOIN rooms r ON r.id = s.room_id
       JOIN arrival_batches ab ON ab.id = s.batch_id
       WHERE s.batch_id = ? ORDER BY s.household IS NULL, s.household, s.id`,
    )
    .all(input.batchId)
    .map((m) => ({
      stayId: m.stay_id,
      personId: m.person_id,
      fullName: m.full_name,
      gender: m.gender,
      age: ageIfKnown(m.birth_date, now),
      documentType: m.document_type,
      documentMasked: maskIdNumber(m.document_number),
      phoneMasked: m.phone ? maskPhone(m.phone) : '',
      category: m.category,
      household: m.household,
      vulnerable: vulnerableFlagsOfRow(m, now),
      status: m.status,
      roomId: m.room_id,
      roomNumber: m.room_number,
      lastExposureDate: m.last_exposure_date,
      // Only while waiting for a room: once checked in, the observation clock says where it stands.
      checkInWarning:
        m.status === 'registered'
          ? checkInWarning({
              lastExposureDate: m.last_exposure_date,
              observationDays: m.observation_days,
              checkInDay: checkInDayOf(siteDay(new Date(m.arrived_at)), today),
            })
          : null,
    }));
}
