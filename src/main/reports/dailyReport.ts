import { ROOM_STATUSES, type RoomStatus } from '../../shared/domain';
import type { FeverStatus } from '../../shared/health';
import type { DailyReport } from '../../shared/reports';
import { addDays, siteDay, siteInstant } from '../../shared/siteDate';
import { dayNumber, instantMs } from '../db/compactValues';
import type { HandlerContext } from '../services/context';
import { anchorChain } from '../accounts/auditAnchors/anchor';
import { chainHead } from '../accounts/auditAnchors/head';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { roundSummary } from '../health/rounds';
import { getSite } from '../registry/sites';
import { staffOnDuty } from '../roster/onDuty';
import { stockAlerts } from '../stock/alerts';

/** The instants a site day covers: [00:00, next 00:00), or up to and including now for today. */
function dayWindow(day: string, now: Date): { start: string; end: string } {
  const start = siteInstant(day, '00:00').toISOString();
  const endOfDay = siteInstant(addDays(day, 1), '00:00');
  const end = endOfDay <= now ? endOfDay : new Date(now.getTime() + 1);
  return { start, end: end.toISOString() };
}

interface Interval {
  check_in_at: string | null;
  checked_out_at: string | null;
  status: string;
}

/**
 * The site's stays still in and those that left at or after `since`: everything the day's
 * admissions, departures and the fortnight's midnight counts need, read once. Each part on its
 * own index (CROSS JOIN keeps the planner, which has no statistics, off the check-in index,
 * which would read every past stay).
 */
function staysSince(ctx: ServiceContext, siteId: number, since: string): Interval[] {
  return ctx.db
    .prepare<[number, number, string], Interval>(
      `SELECT s.check_in_at, s.checked_out_at, s.status
       FROM buildings b CROSS JOIN rooms r ON r.building_id = b.id
       CROSS JOIN stays s ON s.room_id = r.id AND s.status = 'active'
       WHERE b.site_id = ?
       UNION ALL
       SELECT s.check_in_at, s.checked_out_at, s.status
       FROM stays s JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
       WHERE b.site_id = ? AND s.checked_out_at >= ?`,
    )
    .all(siteId, siteId, since);
}

/** Stays that had checked in before `at` and not left by then (`at` no earlier than `since`). */
const residentsAt = (stays: Interval[], at: string): number =>
  stays.filter(
    (s) =>
      s.check_in_at !== null &&
      s.check_in_at < at &&
      (s.checked_out_at === null || s.checked_out_at >= at),
  ).length;

/**
 * Each room's status at `at`, from its status log (a room with no change before then was
 * available): the site's rooms by floor, each room's last change by (room, instant).
 */
export function roomsAt(ctx: ServiceContext, siteId: number, at: string): Record<RoomStatus, number> {
  const counts = Object.fromEntries(ROOM_STATUSES.map((s) => [s, 0])) as Record<RoomStatus, number>;
  const rows = ctx.db
    .prepare<[string, number, string, string], { status: RoomStatus; n: number }>(
      `SELECT coalesce(
                (SELECT l.to_status FROM room_status_log l WHERE l.room_id = r.id AND l.changed_at <= ?
                 ORDER BY l.changed_at DESC, l.id DESC LIMIT 1),
                'available') AS status, count(*) AS n
       FROM buildings b CROSS JOIN floors f ON f.building_id = b.id CROSS JOIN rooms r ON r.floor_id = f.id
       WHERE b.site_id = ? AND r.created_at <= ? AND (r.retired_at IS NULL OR r.retired_at > ?)
       GROUP BY 1`,
    )
    .all(at, siteId, at, at);
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** "张*" / "欧阳**": the report leaves the office, so names go out masked. */
export const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
};

/** Counts for one day at one site, as the district asks for them each evening. */
export function dailyReport(
  ctx: ServiceContext,
  input: { siteId: number; day: string },
): DailyReport {
  const site = getSite(ctx, input.siteId);
  const now = ctx.now();
  if (input.day > siteDay(now)) {
    throw new DomainError(
      'INVALID_INPUT',
      'No report for a day to come',
      {},
      { day: 'date_in_future' },
    );
  }
  const { start, end } = dayWindow(input.day, now);
  const fortnight = Array.from({ length: 14 }, (_, i) => addDays(input.day, i - 13));
  const stays = staysSince(ctx, input.siteId, dayWindow(fortnight[0]!, now).end);
  const departed = (status: string) =>
    stays.filter(
      (s) =>
        s.status === status &&
        s.check_in_at !== null &&
        s.checked_out_at !== null &&
        s.checked_out_at >= start &&
        s.checked_out_at < end,
    ).length;
  const admissions = stays.filter(
    (s) => s.check_in_at !== null && s.check_in_at >= start && s.check_in_at < end,
  ).length;
  const fevers = ctx.db
    .prepare<
      [string, string, number],
      { full_name: string; room: string | null; max_tenths: number; status: FeverStatus }
    >(
      `SELECT p.full_name, r.number AS room, fc.status,
              (SELECT max(rd.temperature_tenths) FROM readings rd WHERE rd.stay_id = fc.stay_id
                AND rd.taken_at >= (SELECT taken_at FROM readings WHERE id = fc.reading_id)) AS max_tenths
       FROM fever_cases fc JOIN stays s ON s.id = fc.stay_id JOIN people p ON p.id = s.person_id
       JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
       WHERE fc.opened_at >= ? AND fc.opened_at < ? AND b.site_id = ? ORDER BY fc.opened_at, fc.id`,
    )
    .all(start, end, input.siteId);
  const rechecks = ctx.db
    .prepare<[number, number, number, number], { n: number }>(
      // A re-check has no slot and its round_day is the site day it was taken on: an index seek.
      `SELECT count(*) AS n FROM readings rd JOIN stays s ON s.id = rd.stay_id JOIN rooms r ON r.id = s.room_id
       JOIN buildings b ON b.id = r.building_id
       WHERE rd.round_day = ? AND rd.round_slot IS NULL AND rd.taken_at >= ? AND rd.taken_at < ? AND b.site_id = ?`,
    )
    .get(dayNumber(input.day), instantMs(start), instantMs(end), input.siteId)!.n;
  const rounds = roundSummary(ctx, { siteId: input.siteId, day: input.day });
  const rooms = roomsAt(ctx, input.siteId, end);
  const occupancy = fortnight.map((day) => ({
    day,
    residents: residentsAt(stays, dayWindow(day, now).end),
  }));
  return {
    siteName: site.name,
    day: input.day,
    generatedAt: isoNow(ctx),
    rooms,
    roomTotal: Object.values(rooms).reduce((a, b) => a + b, 0),
    residentsAtMidnight: residentsAt(stays, end),
    admissions,
    releases: departed('released'),
    transfers: departed('transferred'),
    otherDepartures: departed('checked_out'),
    rounds,
    missedReadings: rounds.filter((r) => r.closed).reduce((sum, r) => sum + r.missing, 0),
    feverCases: fevers.map((f) => ({
      name: maskName(f.full_name),
      room: f.room,
      maxTenths: f.max_tenths,
      status: f.status,
    })),
    rechecks,
    staffOnDuty: staffOnDuty(ctx, input),
    stockAlerts: stockAlerts(ctx, { ...input, at: end }),
    occupancy,
    auditHead: chainHead(ctx.db),
  };
}

/**
 * The report as the desk produces it: its chain head is anchored in the data folder too. A failure
 * to write the anchor does not withhold the report (its printed head is a record of its own).
 */
export function producedDailyReport(
  ctx: HandlerContext,
  input: { siteId: number; day: string },
): DailyReport {
  const report = dailyReport(ctx, input);
  try {
    anchorChain(ctx.dataDir, ctx.db, { reason: 'daily_report', source: input.day, at: ctx.now() });
  } catch {
    // See above.
  }
  return report;
}
