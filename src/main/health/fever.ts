import { ageIfKnown } from '../../shared/idNumber';
import type { FeverCase, FeverStatus, Symptom } from '../../shared/health';
import type { Gender } from '../../shared/people';
import { siteDay } from '../../shared/siteDate';
import { dayNumber, instantMs } from '../db/compactValues';
import { READING_PRESENTATION, symptomsValue } from '../db/readingColumns';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { maskPersonalNumbersOrNull } from '../services/masking';
import { getSettings } from '../accounts/settings';
import { getActiveSite } from '../registry/sites';
import { temperatureTenths } from './temperature';

const minutesLater = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * What a new or corrected reading means for the person's fever case: a fever opens one (if none is
 * open) with its re-check due; a correction that takes away the only fever of a case clears it.
 */
export function afterReading(
  ctx: ServiceContext,
  reading: { stayId: number; readingId: number; tenths: number; corrected: boolean },
  userId: number | null,
): void {
  const settings = getSettings(ctx);
  const at = isoNow(ctx);
  const open = ctx.db
    .prepare<[number], { id: number; reading_id: number; opened_at: string }>(
      "SELECT id, reading_id, opened_at FROM fever_cases WHERE stay_id = ? AND status = 'open'",
    )
    .get(reading.stayId);
  if (reading.tenths >= settings.feverThresholdTenths) {
    if (open) return;
    ctx.db
      .prepare(
        `INSERT INTO fever_cases (stay_id, reading_id, opened_at, recheck_due_at, status) VALUES (?, ?, ?, ?, 'open')`,
      )
      .run(reading.stayId, reading.readingId, at, minutesLater(at, settings.recheckMinutes));
    return;
  }
  // Only a case that rests on this reading alone (no re-check yet) goes away with its correction.
  if (!reading.corrected || !open || open.reading_id !== reading.readingId) return;
  const rechecked = ctx.db
    .prepare<[number, number], { n: number }>(
      'SELECT count(*) AS n FROM readings WHERE stay_id = ? AND round_slot IS NULL AND taken_at >= ?',
    )
    .get(reading.stayId, instantMs(open.opened_at))!.n;
  if (rechecked === 0) {
    ctx.db
      .prepare(
        "UPDATE fever_cases SET status = 'cleared', closed_at = ?, closed_by = ?, note = 'reading corrected' WHERE id = ?",
      )
      .run(at, userId, open.id);
  }
}

/**
 * A stay ending by any other path than the fever transfer: a release is refused while a fever case
 * is open; a transfer or another departure closes the case with the reason.
 */
export function closeFeverOnCheckout(
  ctx: ServiceContext,
  stayId: number,
  kind: 'release' | 'transfer' | 'other',
): void {
  const open = ctx.db
    .prepare<[number], { id: number }>(
      "SELECT id FROM fever_cases WHERE stay_id = ? AND status = 'open'",
    )
    .get(stayId);
  if (!open) return;
  if (kind === 'release') {
    throw new DomainError('FEVER_CASE_OPEN', `Stay ${stayId} has an open fever case`, {
      caseId: open.id,
    });
  }
  ctx.db
    .prepare('UPDATE fever_cases SET status = ?, closed_at = ?, note = ? WHERE id = ?')
    .run(
      kind === 'transfer' ? 'transferred' : 'cleared',
      isoNow(ctx),
      `checked out: ${kind}`,
      open.id,
    );
}

interface CaseRow {
  id: number;
  stay_id: number;
  person_id: number;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  room_id: number | null;
  room_number: string | null;
  status: FeverStatus;
  opened_at: string;
  recheck_due_at: string;
  first_tenths: number;
  latest_tenths: number;
  latest_at: string;
  latest_symptoms: string;
  closed_at: string | null;
  note: string | null;
}

const CASE_SELECT = `SELECT fc.id, fc.stay_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, s.room_id,
  r.number AS room_number, fc.status, fc.opened_at, fc.recheck_due_at, fc.closed_at, fc.note,
  first.temperature_tenths AS first_tenths,
  latest.temperature_tenths AS latest_tenths, ${READING_PRESENTATION.taken_at('latest')} AS latest_at,
  ${READING_PRESENTATION.symptoms('latest')} AS latest_symptoms
  FROM fever_cases fc
  JOIN stays s ON s.id = fc.stay_id
  JOIN people p ON p.id = s.person_id
  LEFT JOIN rooms r ON r.id = s.room_id
  LEFT JOIN buildings b ON b.id = r.building_id
  JOIN readings first ON first.id = fc.reading_id
  JOIN readings latest ON latest.id = (
    SELECT id FROM readings WHERE stay_id = fc.stay_id AND taken_at >= first.taken_at
    ORDER BY taken_at DESC, id DESC LIMIT 1)`;

function toCase(r: CaseRow, now: Date): FeverCase {
  return {
    id: r.id,
    stayId: r.stay_id,
    personId: r.person_id,
    fullName: r.full_name,
    gender: r.gender,
    age: ageIfKnown(r.birth_date, now),
    roomId: r.room_id,
    roomNumber: r.room_number,
    status: r.status,
    openedAt: r.opened_at,
    recheckDueAt: r.recheck_due_at,
    recheckDue: r.status === 'open' && Date.parse(r.recheck_due_at) <= now.getTime(),
    firstTenths: r.first_tenths,
    latestTenths: r.latest_tenths,
    latestAt: r.latest_at,
    symptoms: JSON.parse(r.latest_symptoms) as Symptom[],
    closedAt: r.closed_at,
    // Shown on every screen's fever banner: numbers typed into it stay masked.
    note: maskPersonalNumbersOrNull(r.note),
  };
}

export function getFeverCase(ctx: ServiceContext, id: number): FeverCase {
  const row = ctx.db.prepare<[number], CaseRow>(`${CASE_SELECT} WHERE fc.id = ?`).get(id);
  if (!row) throw notFound('fever_case', id);
  return toCase(row, ctx.now());
}

/**
 * The site's open fever cases (the alert), or every case opened on a day (for the report), the
 * most urgent re-check first.
 */
export function listFeverCases(
  ctx: ServiceContext,
  input: { siteId: number; status: 'open' | 'all'; day?: string | undefined },
): FeverCase[] {
  getActiveSite(ctx, input.siteId);
  const where = ['b.site_id = ?'];
  const params: (string | number)[] = [input.siteId];
  if (input.status === 'open') where.push("fc.status = 'open'");
  const rows = ctx.db
    .prepare<(string | number)[], CaseRow>(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY fc.status <> 'open', fc.recheck_due_at, fc.id`,
    )
    .all(...params);
  const now = ctx.now();
  return rows
    .filter((r) => input.day === undefined || siteDay(new Date(r.opened_at)) === input.day)
    .map((r) => toCase(r, now));
}

/**
 * The re-check of an open case: below the threshold clears it; still a fever keeps it open with the
 * next re-check due (the coordinator decides on a transfer).
 */
export function recheckFever(
  ctx: ActingContext,
  { temperature, ...recheck }: { caseId: number; temperature: number; symptoms: Symptom[] },
): FeverCase {
  const input = { ...recheck, tenths: temperatureTenths(temperature) };
  const userId = ctx.actor?.userId ?? null;
  const fever = getFeverCase(ctx, input.caseId);
  if (fever.status !== 'open') {
    throw new DomainError('FEVER_CASE_CLOSED', `Fever case ${input.caseId} is ${fever.status}`, {
      status: fever.status,
    });
  }
  const settings = getSettings(ctx);
  const at = isoNow(ctx);
  ctx.db
    .prepare(
      `INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_by)
       VALUES (?, ?, NULL, ?, ?, ?, ?)`,
    )
    .run(
      fever.stayId,
      dayNumber(siteDay(ctx.now())),
      input.tenths,
      symptomsValue(input.symptoms),
      instantMs(at),
      userId,
    );
  if (input.tenths < settings.feverThresholdTenths) {
    ctx.db
      .prepare(
        "UPDATE fever_cases SET status = 'cleared', closed_at = ?, closed_by = ?, note = 'recheck normal' WHERE id = ?",
      )
      .run(at, userId, fever.id);
  } else {
    ctx.db
      .prepare('UPDATE fever_cases SET recheck_due_at = ? WHERE id = ?')
      .run(minutesLater(at, settings.recheckMinutes), fever.id);
  }
  return getFeverCase(ctx, fever.id);
}
