import type {
  SlotCandidate,
  Post,
  RosterGrid,
  RosterPeriod,
  RuleViolation,
  ShiftTemplate,
} from '../../shared/roster';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { listPosts, listTemplates } from './posts';
import { hardViolations, Schedule, softViolations, type Shift } from './rules';
import { getPeriod } from './periods';
import { ruleContext, shiftOn, type AssignmentRow } from './ruleContext';
import { rosterGrid } from './grid';
import { assertSlotVersion, slotOfAssignment, type SlotKey } from './slotVersion';

/** After publishing, every change is logged with its reason and raises the version, by the actor. */
function recordChange(
  ctx: ActingContext,
  period: RosterPeriod,
  change: {
    kind: 'assign' | 'unassign' | 'swap';
    postId: number;
    templateId: number;
    day: string;
    from: number | null;
    to: number | null;
    reason: string | undefined;
  },
): void {
  if (period.status !== 'published') return;
  if (!change.reason?.trim()) {
    throw new DomainError(
      'REASON_REQUIRED',
      'A published roster changes only with a reason',
      {},
      {
        reason: 'required',
      },
    );
  }
  const version = period.version + 1;
  ctx.db.prepare('UPDATE roster_periods SET version = ? WHERE id = ?').run(version, period.id);
  ctx.db
    .prepare(
      `INSERT INTO roster_changes (period_id, version, kind, post_id, template_id, day, from_staff_id, to_staff_id, reason, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      period.id,
      version,
      change.kind,
      change.postId,
      change.templateId,
      change.day,
      change.from,
      change.to,
      change.reason.trim(),
      ctx.actor?.userId ?? null,
      isoNow(ctx),
    );
}

interface SlotRef {
  post: Post;
  template: ShiftTemplate;
  day: string;
  shift: Shift;
}

function slotOf(
  ctx: ServiceContext,
  period: RosterPeriod,
  input: { postId: number; templateId: number; day: string },
): SlotRef {
  const post = listPosts(ctx, { siteId: period.siteId }).find((p) => p.id === input.postId);
  const template = listTemplates(ctx, { siteId: period.siteId }).find(
    (t) => t.id === input.templateId,
  );
  if (!post || !template || !post.templateIds.includes(template.id)) {
    throw new DomainError(
      'INVALID_INPUT',
      'This post does not run that shift',
      {},
      { templateId: 'not_run' },
    );
  }
  if (input.day < period.startsOn || input.day > period.endsOn) {
    throw new DomainError(
      'INVALID_INPUT',
      'The day is outside the roster',
      {},
      { day: 'outside_period' },
    );
  }
  return { post, template, day: input.day, shift: shiftOn(input.day, template) };
}

function refuseHard(violations: RuleViolation[], staffName: string): void {
  const hard = violations.filter((v) => v.hard);
  if (hard.length === 0) return;
  throw new DomainError(
    'ROSTER_RULE',
    `${staffName} cannot take this shift: ${hard.map((v) => v.code).join(', ')}`,
    { name: staffName, rules: hard.map((v) => v.code).join(','), ...hard[0]!.params },
    { staffId: hard[0]!.code },
  );
}

export function insertAssignment(
  ctx: ServiceContext,
  period: RosterPeriod,
  slot: SlotRef,
  staffId: number,
): number {
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        period.id,
        slot.post.id,
        slot.template.id,
        slot.day,
        staffId,
        new Date(slot.shift.start).toISOString(),
        new Date(slot.shift.end).toISOString(),
      ).lastInsertRowid,
  );
}

/** Puts the staff member on the slot, refused (naming them) when a hard rule would break. */
function placeUnlessHard(
  ctx: ServiceContext,
  period: Parameters<typeof insertAssignment>[1],
  slot: Parameters<typeof insertAssignment>[2],
  staffId: number,
): { id: number } {
  const rc = ruleContext(ctx, period);
  const person = rc.staff.get(staffId);
  if (!person) throw notFound('staff', staffId);
  const name = ctx.db
    .prepare('SELECT full_name FROM staff WHERE id = ?')
    .pluck()
    .get(staffId) as string;
  refuseHard(
    hardViolations(
      person,
      slot.post.roles,
      slot.shift,
      rc.schedules.get(person.id) ?? new Schedule(),
      rc.settings,
    ),
    name,
  );
  insertAssignment(ctx, period, slot, person.id);
  return person;
}

/** Puts one person on a slot; every hard rule must hold. */
export function assign(
  ctx: ActingContext,
  input: {
    periodId: number;
    postId: number;
    templateId: number;
    day: string;
    staffId: number;
    expectedSlotVersion: number;
    reason?: string | undefined;
  },
): RosterGrid {
  const period = getPeriod(ctx, input.periodId);
  const slot = slotOf(ctx, period, input);
  assertSlotSeen(ctx, period, input, input.expectedSlotVersion);
  const person = placeUnlessHard(ctx, period, slot, input.staffId);
  recordChange(ctx, period, {
    kind: 'assign',
    postId: slot.post.id,
    templateId: slot.template.id,
    day: slot.day,
    from: null,
    to: person.id,
    reason: input.reason,
  });
  return rosterGrid(ctx, { periodId: period.id });
}

/** Refuses a write on a slot another desk changed since this desk read it (CONFLICT). */
function assertSlotSeen(
  ctx: ServiceContext,
  period: RosterPeriod,
  key: SlotKey,
  expected: number,
): void {
  assertSlotVersion(ctx, period, key, expected, () => {
    const at = (s: SlotKey) =>
      s.postId === key.postId && s.templateId === key.templateId && s.day === key.day;
    return rosterGrid(ctx, { periodId: period.id }).slots.find(at)!;
  });
}

/**
 * The assignment a write names, on the slot version the desk saw: an assignment another desk
 * removed since is a CONFLICT on its slot (not a bare NOT_FOUND), showing who is there now.
 */
function seenAssignment(
  ctx: ServiceContext,
  input: { assignmentId: number; expectedSlotVersion: number },
): { row: AssignmentRow; period: RosterPeriod } {
  const { periodId, key, exists } = slotOfAssignment(ctx, input.assignmentId);
  const period = getPeriod(ctx, periodId);
  assertSlotSeen(ctx, period, key, input.expectedSlotVersion);
  if (!exists) throw notFound('roster_assignment', input.assignmentId);
  return { row: assignmentRow(ctx, input.assignmentId), period };
}

function assignmentRow(ctx: ServiceContext, id: number): AssignmentRow {
  const row = ctx.db
    .prepare<[number], AssignmentRow>(
      'SELECT a.*, s.full_name, s.role FROM roster_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.id = ?',
    )
    .get(id);
  if (!row) throw notFound('roster_assignment', id);
  return row;
}

export function unassign(
  ctx: ActingContext,
  input: { assignmentId: number; expectedSlotVersion: number; reason?: string | undefined },
): RosterGrid {
  const { row, period } = seenAssignment(ctx, input);
  ctx.db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(row.id);
  recordChange(ctx, period, {
    kind: 'unassign',
    postId: row.post_id,
    templateId: row.template_id,
    day: row.day,
    from: row.staff_id,
    to: null,
    reason: input.reason,
  });
  return rosterGrid(ctx, { periodId: period.id });
}

/** Someone else takes an assignment (a swap or a cover); the newcomer must satisfy every hard rule. */
export function swap(
  ctx: ActingContext,
  input: {
    assignmentId: number;
    staffId: number;
    expectedSlotVersion: number;
    reason?: string | undefined;
  },
): RosterGrid {
  const { row, period } = seenAssignment(ctx, input);
  const slot = slotOf(ctx, period, {
    postId: row.post_id,
    templateId: row.template_id,
    day: row.day,
  });
  ctx.db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(row.id);
  const person = placeUnlessHard(ctx, period, slot, input.staffId);
  recordChange(ctx, period, {
    kind: 'swap',
    postId: row.post_id,
    templateId: row.template_id,
    day: row.day,
    from: row.staff_id,
    to: person.id,
    reason: input.reason,
  });
  return rosterGrid(ctx, { periodId: period.id });
}

/**
 * Who could take a slot: every active staff member whose role the post needs, with what the rules
 * say of them there; those with no hard violation first, fewest soft ones first.
 */
export function slotCandidates(
  ctx: ServiceContext,
  input: { periodId: number; postId: number; templateId: number; day: string },
): SlotCandidate[] {
  const period = getPeriod(ctx, input.periodId);
  const slot = slotOf(ctx, period, input);
  const rc = ruleContext(ctx, period);
  const names = new Map(
    ctx.db
      .prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM staff')
      .all()
      .map((r) => [r.id, r.full_name]),
  );
  return [...rc.staff.values()]
    .filter((s) => s.active && slot.post.roles.includes(s.role))
    .map((s) => {
      const schedule = rc.schedules.get(s.id) ?? new Schedule();
      return {
        staffId: s.id,
        fullName: names.get(s.id) ?? '',
        role: s.role,
        violations: [
          ...hardViolations(s, slot.post.roles, slot.shift, schedule, rc.settings),
          ...softViolations(s, slot.shift, schedule),
        ],
        hoursThisWeek: Math.round((schedule.minutesInWeekOf(slot.shift.start) / 60) * 10) / 10,
      };
    })
    .sort(
      (a, b) =>
        Number(a.violations.some((v) => v.hard)) - Number(b.violations.some((v) => v.hard)) ||
        a.violations.length - b.violations.length ||
        a.hoursThisWeek - b.hoursThisWeek ||
        a.staffId - b.staffId,
    );
}
