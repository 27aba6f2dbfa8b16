import type { DutySheet, StaffRole } from '../../shared/roster';
import { appendAudit } from '../accounts/audit';
import { isoNow, type ActingContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getSite } from '../registry/sites';
import { rosterGrid } from './grid';

/**
 * The duty sheet of one day, with the staff's phone numbers in full (the sheet is how the desk
 * reaches whoever is on duty). Each print is in the audit trail.
 */
export function dutySheet(ctx: ActingContext, input: { periodId: number; day: string }): DutySheet {
  const grid = rosterGrid(ctx, { periodId: input.periodId });
  if (!grid.days.includes(input.day)) {
    throw new DomainError(
      'INVALID_INPUT',
      'The day is outside the roster',
      {},
      { day: 'outside_period' },
    );
  }
  const contact = new Map(
    ctx.db
      .prepare<[], { id: number; unit: string; phone: string }>('SELECT id, unit, phone FROM staff')
      .all()
      .map((s) => [s.id, s]),
  );
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'roster.dutySheet',
    outcome: 'ok',
    entity: 'roster_period',
    entityId: input.periodId,
    detail: `duty sheet of ${input.day} printed with staff phone numbers`,
  });
  const postName = new Map(grid.posts.map((p) => [p.id, p.name]));
  const template = new Map(grid.templates.map((t) => [t.id, t]));
  return {
    siteName: getSite(ctx, grid.period.siteId).name,
    day: input.day,
    period: grid.period,
    rows: grid.slots
      .filter((s) => s.day === input.day)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.postId - b.postId)
      .map((s) => ({
        post: postName.get(s.postId) ?? '',
        shift: template.get(s.templateId)?.name ?? '',
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        required: s.required,
        staff: s.assignments.map((a) => ({
          name: a.staffName,
          role: a.staffRole as StaffRole,
          unit: contact.get(a.staffId)?.unit ?? '',
          phone: contact.get(a.staffId)?.phone ?? '',
        })),
      })),
  };
}
