import type { AutoFillResult } from '../../shared/roster';
import { type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { autoFill, type FillSlot } from './autofill';
import { getPeriod } from './periods';
import { ruleContext, shiftOn } from './ruleContext';
import { rosterGrid } from './grid';
import { insertAssignment } from './assignments';

/**
 * Fills every gap of the period (see autoFill), in time order. Refused on a published roster:
 * there each change is made by hand with its reason.
 */
export function autoFillPeriod(ctx: ServiceContext, input: { periodId: number }): AutoFillResult {
  const period = getPeriod(ctx, input.periodId);
  if (period.status === 'published') {
    throw new DomainError(
      'ROSTER_PUBLISHED',
      'A published roster is changed by hand, with reasons',
    );
  }
  const before = rosterGrid(ctx, { periodId: period.id });
  const rc = ruleContext(ctx, period);
  const postById = new Map(before.posts.map((p) => [p.id, p]));
  const templateById = new Map(before.templates.map((t) => [t.id, t]));
  const keyOf = (s: { postId: number; templateId: number; day: string }) =>
    `${s.postId}/${s.templateId}/${s.day}`;
  const fill: FillSlot[] = before.slots
    .filter((s) => s.assignments.length < s.required)
    .map((s) => ({
      ...shiftOn(s.day, templateById.get(s.templateId)!),
      key: keyOf(s),
      roles: postById.get(s.postId)!.roles,
      missing: s.required - s.assignments.length,
    }));
  const order = new Map(before.posts.map((p, i) => [p.id, i]));
  fill.sort((a, b) => {
    const [pa] = a.key.split('/');
    const [pb] = b.key.split('/');
    return (
      a.start - b.start ||
      order.get(Number(pa))! - order.get(Number(pb))! ||
      a.key.localeCompare(b.key)
    );
  });
  const result = autoFill(fill, [...rc.staff.values()], rc.schedules, rc.settings);
  const slotByKey = new Map(before.slots.map((s) => [keyOf(s), s]));
  for (const pick of result.picks) {
    const s = slotByKey.get(pick.slotKey)!;
    const template = templateById.get(s.templateId)!;
    insertAssignment(
      ctx,
      period,
      { post: postById.get(s.postId)!, template, day: s.day, shift: shiftOn(s.day, template) },
      pick.staffId,
    );
  }
  return {
    added: result.picks.length,
    unfilled: result.unfilled.map((u) => {
      const s = slotByKey.get(u.slotKey)!;
      return {
        postId: s.postId,
        templateId: s.templateId,
        day: s.day,
        missing: u.missing,
        reasons: u.reasons,
      };
    }),
    grid: rosterGrid(ctx, { periodId: period.id }),
  };
}
