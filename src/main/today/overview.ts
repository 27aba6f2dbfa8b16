import { mayCall, type Permission } from '../../shared/permissions';
import { addDays, siteDay } from '../../shared/siteDate';
import type { TodayOverview, TodayShift, TodayStaff } from '../../shared/today';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { contactsUnderWatch } from '../health/contacts';
import { listFeverCases } from '../health/fever';
import { roundProgress } from '../health/rounds';
import { getActiveSite } from '../registry/sites';
import { roomsAt } from '../reports/dailyReport';
import { awaitingCheckIn } from '../residents/arrivals';
import { residentViewTotal } from '../residents/residents';
import { staffOnDuty } from '../roster/onDuty';
import { stockAlerts } from '../stock/alerts';

/**
 * Who is on duty now and who comes next, from the published rosters of yesterday (a night shift
 * runs past midnight), today and tomorrow (the next shift may start after midnight).
 */
function staffNowAndNext(ctx: ServiceContext, siteId: number, today: string): TodayStaff {
  const now = isoNow(ctx);
  const days = [addDays(today, -1), today, addDays(today, 1)].map((day) =>
    staffOnDuty(ctx, { siteId, day }),
  );
  const shifts: TodayShift[] = days.flatMap((d) =>
    d.posts.flatMap((p) =>
      p.shifts.map((s) => ({
        post: p.post,
        shift: s.shift,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        required: s.required,
        staff: s.staff.map((m) => m.name),
      })),
    ),
  );
  const nextStart = shifts
    .map((s) => s.startsAt)
    .filter((start) => start > now)
    .sort()[0];
  const next = shifts.filter((s) => s.startsAt === nextStart);
  return {
    roster: days[1]!.roster,
    now: shifts.filter((s) => s.startsAt <= now && now < s.endsAt),
    next,
    nextGaps: next.reduce((sum, s) => sum + Math.max(s.required - s.staff.length, 0), 0),
  };
}

/**
 * The site today as the signed-in user may see it: each part computed only where one of the
 * user's roles holds its permission (main decides; the screen only lays out what it is given).
 */
export function todayOverview(ctx: ActingContext, input: { siteId: number }): TodayOverview {
  getActiveSite(ctx, input.siteId);
  const roles = ctx.actor?.roles ?? [];
  const may = (permission: Permission) => mayCall(permission, roles);
  const { siteId } = input;
  const at = ctx.now();
  const day = siteDay(at);
  const seesPeople = may('people.read');
  const rooms = may('registry.read') ? roomsAt(ctx, siteId, isoNow(ctx)) : null;
  return {
    day,
    generatedAt: isoNow(ctx),
    rooms: rooms && {
      byStatus: rooms,
      total: Object.values(rooms).reduce((a, b) => a + b, 0),
    },
    people: seesPeople
      ? {
          inResidence: residentViewTotal(ctx, { siteId, view: 'in_residence' }),
          arrivalsExpected: awaitingCheckIn(ctx, { siteId }),
          dueToday: residentViewTotal(ctx, { siteId, view: 'due_today' }),
          dueTomorrow: residentViewTotal(ctx, { siteId, view: 'due_tomorrow' }),
        }
      : null,
    rounds: seesPeople ? roundProgress(ctx, { siteId, day }) : null,
    fevers: seesPeople
      ? listFeverCases(ctx, { siteId, status: 'open' }).map((f) => ({
          caseId: f.id,
          personId: f.personId,
          fullName: f.fullName,
          roomNumber: f.roomNumber,
          latestTenths: f.latestTenths,
          recheckDue: f.recheckDue,
        }))
      : null,
    contacts: seesPeople ? contactsUnderWatch(ctx, { siteId }) : null,
    staff: may('roster.read') ? staffNowAndNext(ctx, siteId, day) : null,
    stock: may('stock.read') ? stockAlerts(ctx, { siteId, day, at: isoNow(ctx) }) : null,
  };
}
