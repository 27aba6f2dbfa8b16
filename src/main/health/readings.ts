import type { ReadingRecord, Symptom } from '../../shared/health';
import { dayNumber, instantMs } from '../db/compactValues';
import { symptomsValue } from '../db/readingColumns';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertVersion } from '../services/versions';
import { afterReading } from './fever';
import { opensForReadings, roundInfo } from './rounds';
import { temperatureTenths } from './temperature';
import { getSettings } from '../accounts/settings';

interface ReadingRow {
  id: number;
  stay_id: number;
  kind: 'round' | 'recheck';
  round_day: string;
  round_slot: number | null;
  temperature_tenths: number;
  symptoms: string;
  taken_at: string;
  recorded_at: string;
  recorded_by: string | null;
  version: number;
}

const SELECT = `SELECT rd.id, rd.stay_id, rd.kind, rd.round_day, rd.round_slot, rd.temperature_tenths, rd.symptoms,
  rd.taken_at, rd.recorded_at, u.display_name AS recorded_by, rd.version
  FROM reading_records rd LEFT JOIN users u ON u.id = rd.recorded_by`;

export function toReading(r: ReadingRow, thresholdTenths: number): ReadingRecord {
  return {
    id: r.id,
    stayId: r.stay_id,
    kind: r.kind,
    day: r.round_day,
    slot: r.round_slot,
    temperatureTenths: r.temperature_tenths,
    symptoms: JSON.parse(r.symptoms) as Symptom[],
    takenAt: r.taken_at,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    fever: r.temperature_tenths >= thresholdTenths,
    version: r.version,
  };
}

export function getReading(ctx: ServiceContext, id: number): ReadingRecord {
  const row = ctx.db.prepare<[number], ReadingRow>(`${SELECT} WHERE rd.id = ?`).get(id);
  if (!row) throw notFound('reading', id);
  return toReading(row, getSettings(ctx).feverThresholdTenths);
}

/** The stay must be checked in now: nobody takes the temperature of someone who has left. */
export function requireActiveStay(ctx: ServiceContext, stayId: number): void {
  const stay = ctx.db
    .prepare<[number], { status: string }>('SELECT status FROM stays WHERE id = ?')
    .get(stayId);
  if (!stay) throw notFound('stay', stayId);
  if (stay.status !== 'active') {
    throw new DomainError('STAY_NOT_OPEN', `Stay ${stayId} is ${stay.status}`, {
      status: stay.status,
    });
  }
}

/** A round reading as typed: the temperature in °C, checked and stored as whole tenths. */
export interface RoundReadingInput {
  stayId: number;
  day: string;
  slot: number;
  temperature: number;
  symptoms: Symptom[];
  /** The version of the reading the nurse saw: 0 when the round had none for this person. */
  expectedVersion: number;
}

/** A person's reading of one round, if any: its id and version (0 when there is none). */
export function roundReadingOf(
  ctx: ServiceContext,
  stayId: number,
  day: string,
  slot: number,
): { id: number; version: number } | undefined {
  return ctx.db
    .prepare<[number, number, number], { id: number; version: number }>(
      'SELECT id, version FROM readings WHERE stay_id = ? AND round_day = ? AND round_slot = ?',
    )
    .get(stayId, dayNumber(day), slot);
}

/**
 * One round reading, saved as it is typed: a second save for the same round corrects it (the audit
 * trail keeps the value it replaced). A fever opens a case with its re-check due.
 *
 * A nurse's save is based on what her sheet showed (`expectedVersion`, 0 for no reading): when
 * another nurse saved this reading since, it is refused with hers and who typed it, never replaced.
 */
export function recordRoundReading(
  ctx: ActingContext,
  { temperature, expectedVersion, ...typed }: RoundReadingInput,
): ReadingRecord {
  const input = { ...typed, tenths: temperatureTenths(temperature) };
  const userId = ctx.actor?.userId ?? null;
  requireActiveStay(ctx, input.stayId);
  const now = ctx.now();
  const round = roundInfo(getSettings(ctx), input.day, input.slot, now);
  if (now.toISOString() < opensForReadings(round)) {
    throw new DomainError(
      'ROUND_NOT_STARTED',
      `The ${round.time} round of ${round.day} has not started`,
      {
        day: round.day,
        time: round.time,
      },
    );
  }
  const at = instantMs(isoNow(ctx));
  const symptoms = symptomsValue(input.symptoms);
  const existing = roundReadingOf(ctx, input.stayId, input.day, input.slot);
  if (existing && existing.version !== expectedVersion) {
    const theirs = getReading(ctx, existing.id);
    assertVersion(ctx, 'reading', theirs, expectedVersion, {
      by: theirs.recordedBy,
      at: theirs.recordedAt,
    });
  }
  let id: number;
  if (existing) {
    ctx.db
      .prepare(
        `UPDATE readings SET version = version + 1, temperature_tenths = ?, symptoms = ?, recorded_by = ?,
           recorded_at = nullif(?, taken_at) WHERE id = ?`,
      )
      .run(input.tenths, symptoms, userId, at, existing.id);
    id = existing.id;
  } else {
    id = Number(
      ctx.db
        .prepare(
          `INSERT INTO readings (stay_id, round_day, round_slot, temperature_tenths, symptoms, taken_at, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.stayId, dayNumber(input.day), input.slot, input.tenths, symptoms, at, userId)
        .lastInsertRowid,
    );
  }
  afterReading(
    ctx,
    { stayId: input.stayId, readingId: id, tenths: input.tenths, corrected: !!existing },
    userId,
  );
  return getReading(ctx, id);
}

/** Every reading of a stay, oldest first: the person's temperature trend. */
export function readingsOfStay(ctx: ServiceContext, input: { stayId: number }): ReadingRecord[] {
  const threshold = getSettings(ctx).feverThresholdTenths;
  return ctx.db
    .prepare<[number], ReadingRow>(`${SELECT} WHERE rd.stay_id = ? ORDER BY rd.taken_at, rd.id`)
    .all(input.stayId)
    .map((r) => toReading(r, threshold));
}
