import type { StaffRole } from '../../shared/roster';
import type { ItemHead, ItemNorms, NormBasis, NormLine } from '../../shared/supply';
import { getSettings } from '../accounts/settings';
import { getActiveSite } from '../registry/sites';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getItem } from './catalogue';
import { suggestedNorm, type SiteShape } from './normsDefaults';

interface NormRow {
  item_id: number;
  basis: NormBasis;
  quantity: number;
  post_id: number | null;
  role: StaffRole | null;
}

const toLine = (r: NormRow): NormLine => ({
  basis: r.basis,
  quantity: r.quantity,
  ...(r.post_id === null ? {} : { postId: r.post_id }),
  ...(r.role === null ? {} : { role: r.role }),
});

/**
 * Every item's norm lines as this site sees them: lines limited to another site's post belong to
 * that site (items are shared) and are left out here.
 */
export function normLinesOfSite(ctx: ServiceContext, siteId: number): Map<number, NormLine[]> {
  const rows = ctx.db
    .prepare<[number], NormRow>(
      `SELECT n.item_id, n.basis, n.quantity, n.post_id, n.role FROM stock_norms n
       LEFT JOIN posts p ON p.id = n.post_id
       WHERE n.post_id IS NULL OR p.site_id = ? ORDER BY n.item_id, n.id`,
    )
    .all(siteId);
  const byItem = new Map<number, NormLine[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), toLine(r)]);
  return byItem;
}

/** The site's active posts, with their roles. */
function sitePosts(ctx: ServiceContext, siteId: number): { id: number; roles: StaffRole[] }[] {
  return ctx.db
    .prepare<[number], { id: number; roles: string }>(
      'SELECT id, roles FROM posts WHERE site_id = ? AND retired_at IS NULL ORDER BY sort_order, id',
    )
    .all(siteId)
    .map((p) => ({ id: p.id, roles: JSON.parse(p.roles) as StaffRole[] }));
}

function siteShape(ctx: ServiceContext, siteId: number): SiteShape {
  return {
    medicalPostIds: sitePosts(ctx, siteId)
      .filter((p) => p.roles.includes('doctor') || p.roles.includes('nurse'))
      .map((p) => p.id),
    roundsPerDay: getSettings(ctx).roundTimes.length,
  };
}

/** Every active item's name, in the catalogue's order. */
export function activeItemHeads(ctx: ServiceContext): ItemHead[] {
  return ctx.db
    .prepare<[], ItemHead>(
      `SELECT id AS itemId, name, spec, category, base_unit AS baseUnit FROM stock_items
       WHERE archived_at IS NULL ORDER BY category, name, spec, id`,
    )
    .all();
}

/** Every active item with its norm lines and, for one without, the proposed default. */
export function listNorms(ctx: ServiceContext, input: { siteId: number }): ItemNorms[] {
  getActiveSite(ctx, input.siteId);
  const lines = normLinesOfSite(ctx, input.siteId);
  const shape = siteShape(ctx, input.siteId);
  return activeItemHeads(ctx).map((item) => {
    const mine = lines.get(item.itemId) ?? [];
    return {
      ...item,
      lines: mine,
      suggested: mine.length > 0 ? [] : suggestedNorm(`${item.name}${item.spec}`, shape),
    };
  });
}

const scopeOf = (l: NormLine) => `${l.basis}|${l.postId ?? ''}|${l.role ?? ''}`;

/** A line may not be limited to a post that is not an active post of this site. */
function refuseForeignPosts(ctx: ServiceContext, siteId: number, lines: NormLine[]): void {
  const posts = new Set(sitePosts(ctx, siteId).map((p) => p.id));
  lines.forEach((l, i) => {
    if (l.postId !== undefined && !posts.has(l.postId)) {
      throw new DomainError(
        'INVALID_INPUT',
        `Post ${l.postId} is not an active post of this site`,
        {},
        { [`lines.${i}.postId`]: 'invalid_value' },
      );
    }
  });
}

/** Two lines counting the same thing would count it twice: refused, naming the second. */
function refuseRepeats(lines: NormLine[]): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const scope = scopeOf(l);
    if (seen.has(scope)) {
      throw new DomainError(
        'INVALID_INPUT',
        `Line ${i + 1} repeats an earlier line`,
        {},
        { [`lines.${i}.basis`]: 'duplicate' },
      );
    }
    seen.add(scope);
  });
}

/**
 * Replaces an item's norm lines as this site sees them (lines for another site's posts stay);
 * every row written is in the audit trail through the table's triggers.
 */
export function setNorms(
  ctx: ServiceContext,
  input: { siteId: number; itemId: number; lines: NormLine[] },
): ItemNorms {
  getActiveSite(ctx, input.siteId);
  const item = getItem(ctx, input.itemId);
  if (item.archived) {
    throw new DomainError('RETIRED', `${item.name} is archived`, {}, { itemId: 'archived' });
  }
  refuseForeignPosts(ctx, input.siteId, input.lines);
  refuseRepeats(input.lines);
  ctx.db
    .prepare(
      `DELETE FROM stock_norms WHERE item_id = ?
       AND (post_id IS NULL OR post_id IN (SELECT id FROM posts WHERE site_id = ?))`,
    )
    .run(item.id, input.siteId);
  const insert = ctx.db.prepare(
    'INSERT INTO stock_norms (item_id, basis, quantity, post_id, role, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const at = isoNow(ctx);
  for (const l of input.lines) {
    insert.run(item.id, l.basis, l.quantity, l.postId ?? null, l.role ?? null, at);
  }
  return listNorms(ctx, { siteId: input.siteId }).find((n) => n.itemId === item.id)!;
}
