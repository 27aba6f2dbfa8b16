import type { RosterAssignment, RosterGrid, RosterSlot } from '../../shared/roster';
import { type ServiceContext } from '../services/context';
import { listPosts, listTemplates } from './posts';
import { hardViolations, softViolations } from './rules';
import { getPeriod } from './periods';
import { dayList, ruleContext, shiftOn } from './ruleContext';
import { slotVersionOf } from './slotVersion';

/** The grid of a period: every slot with its assignments and each assignment's rule findings. */
export function rosterGrid(ctx: ServiceContext, input: { periodId: number }): RosterGrid {
  const period = getPeriod(ctx, input.periodId);
  const posts = listPosts(ctx, { siteId: period.siteId });
  const templates = listTemplates(ctx, { siteId: period.siteId });
  const days = dayList(period.startsOn, period.endsOn);
  const rc = ruleContext(ctx, period, 'rostered');
  const mine = rc.rows.filter((r) => r.period_id === period.id);

  // Nights per person in this period, for the fair-share warning.
  const nights = new Map<number, number>();
  for (const r of mine)
    if (rc.shiftOf.get(r.id)!.night) nights.set(r.staff_id, (nights.get(r.staff_id) ?? 0) + 1);
  const meanNights =
    nights.size === 0 ? 0 : [...nights.values()].reduce((a, b) => a + b, 0) / nights.size;

  const postById = new Map(posts.map((p) => [p.id, p]));
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  // Post → shift → day of the period → its assignments (numbers, not a string key per cell).
  const bySlot = new Map<number, Map<number, RosterAssignment[][]>>();
  const cell = (postId: number, templateId: number, d: number): RosterAssignment[] | undefined =>
    bySlot.get(postId)?.get(templateId)?.[d];
  let hard = 0;
  let soft = 0;
  for (const r of mine) {
    const person = rc.staff.get(r.staff_id)!;
    const shift = rc.shiftOf.get(r.id)!;
    const schedule = rc.schedules.get(r.staff_id)!;
    const roles = postById.get(r.post_id)?.roles ?? [];
    const violations = hardViolations(person, roles, shift, schedule, rc.settings);
    for (const v of softViolations(person, shift, schedule)) violations.push(v);
    const count = nights.get(r.staff_id) ?? 0;
    if (shift.night && count > meanNights + 1)
      violations.push({
        code: 'unfair_nights',
        hard: false,
        params: { nights: count, average: Math.round(meanNights * 10) / 10 },
      });
    for (const v of violations) {
      if (v.hard) hard++;
      else soft++;
    }
    const judged: RosterAssignment = {
      id: r.id,
      postId: r.post_id,
      templateId: r.template_id,
      day: r.day,
      staffId: r.staff_id,
      staffName: r.full_name,
      staffRole: r.role,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      violations,
    };
    const d = dayIndex.get(r.day);
    if (d === undefined) continue;
    let ofPost = bySlot.get(r.post_id);
    if (!ofPost) bySlot.set(r.post_id, (ofPost = new Map()));
    let ofShift = ofPost.get(r.template_id);
    if (!ofShift) ofPost.set(r.template_id, (ofShift = []));
    (ofShift[d] ??= []).push(judged);
  }
  // Posts share their shifts: each day's shift times are worked out (and written) once.
  const timesOf = new Map<number, { startsAt: string; endsAt: string }[]>(
    templates.map((t) => [
      t.id,
      days.map((day) => {
        const shift = shiftOn(day, t);
        return {
          startsAt: new Date(shift.start).toISOString(),
          endsAt: new Date(shift.end).toISOString(),
        };
      }),
    ]),
  );
  const slots: RosterSlot[] = [];
  let gaps = 0;
  for (const post of posts) {
    const runs = templates.filter((x) => post.templateIds.includes(x.id));
    for (const [d, day] of days.entries()) {
      for (const t of runs) {
        const { startsAt, endsAt } = timesOf.get(t.id)![d]!;
        const assignments = cell(post.id, t.id, d) ?? [];
        gaps += Math.max(post.headCount - assignments.length, 0);
        slots.push({
          postId: post.id,
          templateId: t.id,
          day,
          startsAt,
          endsAt,
          required: post.headCount,
          assignments,
          version: slotVersionOf({ postId: post.id, templateId: t.id, day }, assignments),
        });
      }
    }
  }
  return {
    period,
    posts,
    templates,
    days,
    slots,
    gaps,
    hardViolations: hard,
    softViolations: soft,
  };
}
