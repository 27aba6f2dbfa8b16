import type { StaffRole } from '../../shared/roster';
import type { ShiftSource } from '../../shared/supply';
import type { ServiceContext } from '../services/context';

/** Staff shifts on one day: in all, by post and by the role of who works them. */
export interface DayShifts {
  total: number;
  byPost: Map<number, number>;
  byRole: Map<StaffRole, number>;
  source: ShiftSource;
}

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/**
 * What the site's posts run on an ordinary day: head count × shifts for each active post. A post
 * open to several roles splits its shifts evenly between them (who will work them is not known).
 */
function postsPlan(ctx: ServiceContext, siteId: number): DayShifts {
  const posts = ctx.db
    .prepare<[number], { id: number; roles: string; slots: number }>(
      `SELECT p.id, p.roles, p.head_count * count(t.id) AS slots FROM posts p
       JOIN post_shifts ps ON ps.post_id = p.id
       JOIN shift_templates t ON t.id = ps.template_id AND t.retired_at IS NULL
       WHERE p.site_id = ? AND p.retired_at IS NULL GROUP BY p.id`,
    )
    .all(siteId);
  const plan: DayShifts = { total: 0, byPost: new Map(), byRole: new Map(), source: 'posts' };
  for (const p of posts) {
    const roles = JSON.parse(p.roles) as StaffRole[];
    plan.total += p.slots;
    add(plan.byPost, p.id, p.slots);
    for (const role of roles) add(plan.byRole, role, p.slots / roles.length);
  }
  if (plan.total === 0) plan.source = 'none';
  return plan;
}

/**
 * Shifts on each of `days` (consecutive site days): a day a published roster period covers counts
 * its assignments (one per person per shift); any other day, the posts' plan.
 */
export function shiftsByDay(ctx: ServiceContext, siteId: number, days: string[]): DayShifts[] {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const periods = ctx.db
    .prepare<[number, string, string], { id: number; starts_on: string; ends_on: string }>(
      `SELECT id, starts_on, ends_on FROM roster_periods
       WHERE site_id = ? AND status = 'published' AND ends_on >= ? AND starts_on <= ?`,
    )
    .all(siteId, first, last);
  const rostered = new Map<string, DayShifts>();
  const assignments = ctx.db.prepare<
    [number, string, string],
    { day: string; post_id: number; role: StaffRole; n: number }
  >(
    `SELECT roster_assignments.day, roster_assignments.post_id, st.role, count(*) AS n
     FROM roster_assignments JOIN staff st ON st.id = roster_assignments.staff_id
     WHERE roster_assignments.period_id = ? AND roster_assignments.day >= ?
       AND roster_assignments.day <= ?
     GROUP BY roster_assignments.day, roster_assignments.post_id, st.role`,
  );
  for (const p of periods) {
    for (const day of days) {
      if (day >= p.starts_on && day <= p.ends_on) {
        rostered.set(day, { total: 0, byPost: new Map(), byRole: new Map(), source: 'roster' });
      }
    }
    for (const a of assignments.all(p.id, first, last)) {
      const shifts = rostered.get(a.day)!;
      shifts.total += a.n;
      add(shifts.byPost, a.post_id, a.n);
      add(shifts.byRole, a.role, a.n);
    }
  }
  const plan = rostered.size === days.length ? null : postsPlan(ctx, siteId);
  return days.map((day) => rostered.get(day) ?? plan!);
}
