import type { Post, ShiftTemplate, StaffRole } from '../../shared/roster';
import { cachedStatement } from '../db/statements';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { getActiveSite } from '../registry/sites';
import { isNightShift } from './rules';

interface PostRow {
  id: number;
  site_id: number;
  name: string;
  roles: string;
  head_count: number;
  sort_order: number;
  template_ids: string | null;
}

const POST_SELECT = `SELECT p.id, p.site_id, p.name, p.roles, p.head_count, p.sort_order,
  (SELECT json_group_array(template_id) FROM (SELECT template_id FROM post_shifts WHERE post_id = p.id ORDER BY template_id)) AS template_ids
  FROM posts p`;

const toPost = (r: PostRow): Post => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  roles: JSON.parse(r.roles) as StaffRole[],
  headCount: r.head_count,
  sortOrder: r.sort_order,
  templateIds: JSON.parse(r.template_ids ?? '[]') as number[],
});

export function listPosts(ctx: ServiceContext, input: { siteId: number }): Post[] {
  return cachedStatement<[number], PostRow>(
    ctx.db,
    `${POST_SELECT} WHERE p.site_id = ? AND p.retired_at IS NULL ORDER BY p.sort_order, p.id`,
  )
    .all(input.siteId)
    .map(toPost);
}

export function getPost(ctx: ServiceContext, id: number): Post {
  const row = ctx.db.prepare<[number], PostRow>(`${POST_SELECT} WHERE p.id = ?`).get(id);
  if (!row) throw notFound('post', id);
  return toPost(row);
}

export interface PostInput {
  name: string;
  roles: StaffRole[];
  headCount: number;
  sortOrder: number;
  templateIds: number[];
}

function setShifts(
  ctx: ServiceContext,
  postId: number,
  siteId: number,
  templateIds: number[],
): void {
  for (const id of templateIds) {
    const t = getTemplate(ctx, id);
    if (t.siteId !== siteId) {
      throw new DomainError(
        'INVALID_INPUT',
        `Shift ${id} belongs to another site`,
        {},
        {
          templateIds: 'other_site',
        },
      );
    }
  }
  ctx.db.prepare('DELETE FROM post_shifts WHERE post_id = ?').run(postId);
  const insert = ctx.db.prepare('INSERT INTO post_shifts (post_id, template_id) VALUES (?, ?)');
  for (const id of new Set(templateIds)) insert.run(postId, id);
}

function refuseDuplicateName(
  ctx: ServiceContext,
  siteId: number,
  name: string,
  exceptId = 0,
): void {
  const clash = ctx.db
    .prepare<[number, string, number], { id: number }>(
      'SELECT id FROM posts WHERE site_id = ? AND name = ? AND retired_at IS NULL AND id <> ?',
    )
    .get(siteId, name, exceptId);
  if (clash)
    throw new DomainError(
      'DUPLICATE',
      `Post ${name} exists`,
      { value: name },
      { name: 'duplicate' },
    );
}

export function createPost(ctx: ServiceContext, input: PostInput & { siteId: number }): Post {
  getActiveSite(ctx, input.siteId);
  refuseDuplicateName(ctx, input.siteId, input.name);
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO posts (site_id, name, roles, head_count, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      input.siteId,
      input.name,
      JSON.stringify([...new Set(input.roles)]),
      input.headCount,
      input.sortOrder,
      isoNow(ctx),
    );
  const id = Number(lastInsertRowid);
  setShifts(ctx, id, input.siteId, input.templateIds);
  return getPost(ctx, id);
}

export function updatePost(ctx: ServiceContext, input: PostInput & { id: number }): Post {
  const post = getPost(ctx, input.id);
  refuseDuplicateName(ctx, post.siteId, input.name, post.id);
  ctx.db
    .prepare('UPDATE posts SET name = ?, roles = ?, head_count = ?, sort_order = ? WHERE id = ?')
    .run(
      input.name,
      JSON.stringify([...new Set(input.roles)]),
      input.headCount,
      input.sortOrder,
      post.id,
    );
  setShifts(ctx, post.id, post.siteId, input.templateIds);
  return getPost(ctx, post.id);
}

interface TemplateRow {
  id: number;
  site_id: number;
  name: string;
  start_minute: number;
  duration_minutes: number;
}

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const toTemplate = (r: TemplateRow): ShiftTemplate => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  start: hhmm(r.start_minute),
  durationMinutes: r.duration_minutes,
  night: isNightShift(r.start_minute, r.duration_minutes),
});

export function listTemplates(ctx: ServiceContext, input: { siteId: number }): ShiftTemplate[] {
  return cachedStatement<[number], TemplateRow>(
    ctx.db,
    'SELECT * FROM shift_templates WHERE site_id = ? AND retired_at IS NULL ORDER BY start_minute, duration_minutes, id',
  )
    .all(input.siteId)
    .map(toTemplate);
}

export function getTemplate(ctx: ServiceContext, id: number): ShiftTemplate {
  const row = ctx.db
    .prepare<[number], TemplateRow>('SELECT * FROM shift_templates WHERE id = ?')
    .get(id);
  if (!row) throw notFound('shift_template', id);
  return toTemplate(row);
}

const minuteOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * A shift from its start and end (site time): `nextDay` when it ends the day after
 * (20:00–08:00, or 08:00–08:00 for 24 h duty). End "24:00" is midnight. Zero length is refused.
 */
export function createTemplate(
  ctx: ServiceContext,
  input: { siteId: number; name: string; start: string; end: string; nextDay: boolean },
): ShiftTemplate {
  getActiveSite(ctx, input.siteId);
  const start = minuteOf(input.start);
  const duration = minuteOf(input.end) + (input.nextDay ? 24 * 60 : 0) - start;
  if (duration <= 0 || duration > 24 * 60) {
    throw new DomainError(
      'INVALID_INPUT',
      `A shift from ${input.start} to ${input.end}${input.nextDay ? ' (next day)' : ''} has no length`,
      {},
      { end: duration <= 0 ? 'shift_empty' : 'shift_too_long' },
    );
  }
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO shift_templates (site_id, name, start_minute, duration_minutes, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(input.siteId, input.name, start, duration, isoNow(ctx));
  return getTemplate(ctx, Number(lastInsertRowid));
}
