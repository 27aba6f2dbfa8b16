import type { DutyShift, PostOnDuty, StaffOnDuty } from '../../shared/onDuty';
import type { Post, ShiftTemplate, StaffRole } from '../../shared/roster';
import type { ServiceContext } from '../services/context';
import { getPost, getTemplate, listPosts, listTemplates } from './posts';
import { shiftOn } from './ruleContext';

const NOBODY: Omit<StaffOnDuty, 'roster'> = { posts: [], leaders: [], headcount: 0, gaps: 0 };

interface DutyRow {
  post_id: number;
  template_id: number;
  starts_at: string;
  ends_at: string;
  staff_id: number;
  full_name: string;
  role: StaffRole;
}

/**
 * Who is on duty on a site day, from the roster published for it: each post with its shifts
 * (start–end, head count, names and roles), the coordinators on duty (带班) and the places left
 * short. A draft roster shows nobody: only a published one is a commitment. A post or shift retired
 * since still shows where someone was rostered on it.
 */
export function staffOnDuty(
  ctx: ServiceContext,
  input: { siteId: number; day: string },
): StaffOnDuty {
  const period = ctx.db
    .prepare<[number, string, string], { id: number; status: 'draft' | 'published' }>(
      `SELECT id, status FROM roster_periods WHERE site_id = ? AND starts_on <= ? AND ends_on >= ?
       ORDER BY status = 'published' DESC, id DESC LIMIT 1`,
    )
    .get(input.siteId, input.day, input.day);
  if (!period) return { roster: 'none', ...NOBODY };
  if (period.status !== 'published') return { roster: 'draft', ...NOBODY };

  const rows = ctx.db
    .prepare<[number, string], DutyRow>(
      `SELECT a.post_id, a.template_id, a.starts_at, a.ends_at, a.staff_id, s.full_name, s.role
       FROM roster_assignments a JOIN staff s ON s.id = a.staff_id
       WHERE a.period_id = ? AND a.day = ? ORDER BY a.starts_at, a.id`,
    )
    .all(period.id, input.day);
  const posts = listPosts(ctx, { siteId: input.siteId });
  const templates = new Map<number, ShiftTemplate>(
    listTemplates(ctx, { siteId: input.siteId }).map((t) => [t.id, t]),
  );
  const postById = new Map<number, Post>(posts.map((p) => [p.id, p]));
  for (const r of rows) {
    if (!postById.has(r.post_id)) {
      const retired = getPost(ctx, r.post_id);
      posts.push(retired);
      postById.set(retired.id, retired);
    }
    if (!templates.has(r.template_id))
      templates.set(r.template_id, getTemplate(ctx, r.template_id));
  }

  const onPost = (post: Post): PostOnDuty => {
    const worked = rows.filter((r) => r.post_id === post.id);
    // The shifts the post runs now (a retired one only where someone was rostered on it).
    const templateIds = new Set([
      ...post.templateIds.filter((id) => templates.has(id)),
      ...worked.map((r) => r.template_id),
    ]);
    const shifts: DutyShift[] = [...templateIds].map((id) => {
      const template = templates.get(id)!;
      const mine = worked.filter((r) => r.template_id === id);
      const planned = shiftOn(input.day, template);
      return {
        shift: template.name,
        startsAt: mine[0]?.starts_at ?? new Date(planned.start).toISOString(),
        endsAt: mine[0]?.ends_at ?? new Date(planned.end).toISOString(),
        required: post.headCount,
        staff: mine.map((r) => ({ name: r.full_name, role: r.role })),
      };
    });
    shifts.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { post: post.name, roles: post.roles, shifts };
  };
  const duty = posts.map(onPost).filter((p) => p.shifts.length > 0);

  const leaders = rows
    .filter((r) => r.role === 'coordinator')
    .map((r) => ({
      name: r.full_name,
      shift: templates.get(r.template_id)!.name,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
    }))
    .filter(
      (l, i, all) => all.findIndex((o) => o.name === l.name && o.startsAt === l.startsAt) === i,
    );
  return {
    roster: 'published',
    posts: duty,
    leaders,
    headcount: new Set(rows.map((r) => r.staff_id)).size,
    gaps: duty
      .flatMap((p) => p.shifts)
      .reduce((sum, s) => sum + Math.max(s.required - s.staff.length, 0), 0),
  };
}
