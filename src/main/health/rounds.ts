import { ageIfKnown } from '../../shared/idNumber';
import type {
  FloorProgress,
  RoundInfo,
  RoundProgress,
  RoundRow,
  RoundSheet,
  RoundSummary,
  Symptom,
} from '../../shared/health';
import type { Gender, StayStatus } from '../../shared/people';
import type { Settings } from '../../shared/domain';
import { siteInstant, siteMidnight } from '../../shared/siteDate';
import { dayNumber } from '../db/compactValues';
import { READING_PRESENTATION } from '../db/readingColumns';
import { cachedStatement } from '../db/statements';
import type { ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getSettings } from '../accounts/settings';
import { getActiveSite } from '../registry/sites';

/** When a round starts and closes, from the settings; refuses a slot the settings do not have. */
export function roundInfo(settings: Settings, day: string, slot: number, now: Date): RoundInfo {
  const time = settings.roundTimes[slot];
  if (time === undefined) {
    throw new DomainError(
      'INVALID_INPUT',
      `There are ${settings.roundTimes.length} rounds a day`,
      { rounds: settings.roundTimes.length },
      { slot: 'no_such_round' },
    );
  }
  const starts = siteInstant(day, time);
  const closes = new Date(starts.getTime() + settings.roundWindowMinutes * 60_000);
  return {
    day,
    slot,
    time,
    startsAt: starts.toISOString(),
    closesAt: closes.toISOString(),
    closed: now.getTime() >= closes.getTime(),
  };
}

/** A round may be taken this long before its time (the nurse starts the floor a little early). */
export const EARLY_MINUTES = 60;

/** The first instant a reading of the round may be taken. */
export const opensForReadings = (round: RoundInfo): string =>
  new Date(Date.parse(round.startsAt) - EARLY_MINUTES * 60_000).toISOString();

export interface RoundScope {
  siteId: number;
  day: string;
  slot: number;
  buildingId?: number | undefined;
  floorId?: number | undefined;
}

interface SheetRow {
  stay_id: number;
  person_id: number;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  room_id: number;
  room_number: string;
  building_code: string;
  level: number;
  status: StayStatus;
  reading_id: number | null;
  temperature_tenths: number | null;
  symptoms: string | null;
  taken_at: string | null;
  recorded_at: string | null;
  recorded_by: string | null;
  reading_version: number | null;
  fever_open: number;
}

/** The columns of a round sheet row, over stays `s` in rooms `r` of buildings `b`. */
const SHEET_COLUMNS = `s.id AS stay_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, r.id AS room_id,
  r.number AS room_number, b.code AS building_code, f.level, s.status, rd.id AS reading_id, rd.temperature_tenths,
  ${READING_PRESENTATION.symptoms('rd')} AS symptoms, ${READING_PRESENTATION.taken_at('rd')} AS taken_at,
  ${READING_PRESENTATION.recorded_at('rd')} AS recorded_at, u.display_name AS recorded_by,
  rd.version AS reading_version,
  EXISTS (SELECT 1 FROM fever_cases fc WHERE fc.stay_id = s.id AND fc.status = 'open') AS fever_open`;

const SHEET_JOINS = `JOIN people p ON p.id = s.person_id
  JOIN floors f ON f.id = r.floor_id
  LEFT JOIN readings rd ON rd.stay_id = s.id AND rd.round_day = ? AND rd.round_slot = ?
  LEFT JOIN users u ON u.id = rd.recorded_by`;

/** What the day's summary counts: each person's reading of the round, if any. */
const COUNT_PART = {
  columns: 'r.floor_id, rd.id AS reading_id, rd.temperature_tenths',
  joins: `LEFT JOIN readings rd ON rd.stay_id = s.id AND rd.round_day = ? AND rd.round_slot = ?`,
};

/**
 * Everyone a round concerns: in residence at some time between its start and its close, and
 * everyone with a reading of it — a reading may be taken up to EARLY_MINUTES before the round's
 * time, by someone who then leaves (a transfer, a release) before it starts, and that reading and
 * its fever count. Two parts, each on its own index: those still in (from the rooms in scope, by
 * the partial index of active stays) and those who left since the round opened for readings (by
 * check-out instant) — never the whole history of stays. CROSS JOIN and the unary + keep the
 * planner (which has no statistics) off the check-in index, which here would read every stay ever
 * checked in.
 */
function roundRowsSql(
  input: RoundScope,
  round: RoundInfo,
  part: { columns: string; joins: string } = { columns: SHEET_COLUMNS, joins: SHEET_JOINS },
): { sql: string; params: (string | number)[] } {
  const where = ['b.site_id = ?'];
  const scope: (string | number)[] = [input.siteId];
  if (input.buildingId !== undefined) {
    where.push('r.building_id = ?');
    scope.push(input.buildingId);
  }
  if (input.floorId !== undefined) {
    where.push('r.floor_id = ?');
    scope.push(input.floorId);
  }
  const inScope = where.join(' AND ');
  const reading = [dayNumber(input.day), input.slot];
  return {
    sql: `SELECT ${part.columns}
       FROM buildings b CROSS JOIN rooms r ON r.building_id = b.id
       CROSS JOIN stays s ON s.room_id = r.id AND s.status = 'active'
       ${part.joins}
       WHERE ${inScope} AND (+s.check_in_at < ? OR rd.id IS NOT NULL)
     UNION ALL
     SELECT ${part.columns}
       FROM stays s JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
       ${part.joins}
       WHERE ${inScope} AND s.checked_out_at > ?
         AND ((s.checked_out_at > ? AND +s.check_in_at < ?) OR rd.id IS NOT NULL)`,
    params: [
      ...reading,
      ...scope,
      round.closesAt,
      ...reading,
      ...scope,
      opensForReadings(round),
      round.startsAt,
      round.closesAt,
    ],
  };
}

/** Everyone a round concerns, in room order, with their reading of that round if there is one. */
export function roundSheet(ctx: ServiceContext, input: RoundScope): RoundSheet {
  getActiveSite(ctx, input.siteId);
  const settings = getSettings(ctx);
  const now = ctx.now();
  const round = roundInfo(settings, input.day, input.slot, now);
  const { sql, params } = roundRowsSql(input, round);
  const rows = cachedStatement<(string | number)[], SheetRow>(
    ctx.db,
    `SELECT * FROM (${sql}) ORDER BY building_code, level, length(room_number), room_number, stay_id`,
  ).all(...params);
  const midnight = siteMidnight(now);
  const threshold = settings.feverThresholdTenths;
  const sheetRows: RoundRow[] = rows.map((r) => ({
    stayId: r.stay_id,
    personId: r.person_id,
    fullName: r.full_name,
    gender: r.gender,
    age: ageIfKnown(r.birth_date, midnight),
    roomId: r.room_id,
    roomNumber: r.room_number,
    floorLevel: r.level,
    active: r.status === 'active',
    feverOpen: r.fever_open === 1,
    reading:
      r.reading_id === null
        ? null
        : {
            id: r.reading_id,
            stayId: r.stay_id,
            kind: 'round',
            day: input.day,
            slot: input.slot,
            temperatureTenths: r.temperature_tenths!,
            symptoms: JSON.parse(r.symptoms!) as Symptom[],
            takenAt: r.taken_at!,
            recordedBy: r.recorded_by,
            recordedAt: r.recorded_at!,
            fever: r.temperature_tenths! >= threshold,
            version: r.reading_version!,
          },
  }));
  const recorded = sheetRows.filter((r) => r.reading !== null).length;
  return {
    round,
    rows: sheetRows,
    expected: sheetRows.length,
    recorded,
    missing: sheetRows.length - recorded,
    fevers: sheetRows.filter((r) => r.reading?.fever).length,
  };
}

/** Every round of a day at the site, with its counts (missed = missing once closed). */
export function roundSummary(
  ctx: ServiceContext,
  input: { siteId: number; day: string },
): RoundSummary[] {
  // The report prints the site's figures only.
  return roundProgress(ctx, input).map(({ floors: _floors, ...round }) => round);
}

interface FloorCounts {
  floor_id: number;
  expected: number;
  recorded: number;
  fevers: number | null;
}

const countsOf = (c: { expected: number; recorded: number; fevers: number | null }) => ({
  expected: c.expected,
  recorded: c.recorded,
  missing: c.expected - c.recorded,
  fevers: c.fevers ?? 0,
});

/**
 * Every round of a day with its counts floor by floor (the home screen's progress) and for the
 * site: the site's figures are the sum of its floors', each person counted on the floor of their
 * room, so the 日报 and the home screen cannot disagree.
 */
export function roundProgress(
  ctx: ServiceContext,
  input: { siteId: number; day: string },
): RoundProgress[] {
  getActiveSite(ctx, input.siteId);
  const settings = getSettings(ctx);
  const now = ctx.now();
  const floors = new Map(
    cachedStatement<[number], { id: number; building_code: string; level: number }>(
      ctx.db,
      `SELECT f.id, b.code AS building_code, f.level FROM buildings b
       JOIN floors f ON f.building_id = b.id WHERE b.site_id = ?`,
    )
      .all(input.siteId)
      .map((f) => [f.id, f]),
  );
  return settings.roundTimes.map((_t, slot) => {
    const round = roundInfo(settings, input.day, slot, now);
    const { sql, params } = roundRowsSql(
      { siteId: input.siteId, day: input.day, slot },
      round,
      COUNT_PART,
    );
    const byFloor = cachedStatement<(string | number)[], FloorCounts>(
      ctx.db,
      `SELECT floor_id, count(*) AS expected, count(reading_id) AS recorded,
              sum(temperature_tenths >= ?) AS fevers FROM (${sql}) GROUP BY floor_id`,
    ).all(settings.feverThresholdTenths, ...params);
    const total = { expected: 0, recorded: 0, fevers: 0 };
    for (const f of byFloor) {
      total.expected += f.expected;
      total.recorded += f.recorded;
      total.fevers += f.fevers ?? 0;
    }
    const floorRows: FloorProgress[] = byFloor.map((f) => ({
      floorId: f.floor_id,
      buildingCode: floors.get(f.floor_id)?.building_code ?? '',
      level: floors.get(f.floor_id)?.level ?? 0,
      ...countsOf(f),
    }));
    floorRows.sort((a, b) => a.buildingCode.localeCompare(b.buildingCode) || a.level - b.level);
    return { ...round, ...countsOf(total), floors: floorRows };
  });
}
