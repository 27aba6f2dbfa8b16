import type { Site } from '../../shared/domain';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertRoomsRetirable, retireRoomsWhere } from './retire';

interface SiteRow {
  id: number;
  name: string;
  address: string;
  retired_at: string | null;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  name: r.name,
  address: r.address,
  retiredAt: r.retired_at,
});

export function listSites(ctx: ServiceContext, input: { includeRetired: boolean }): Site[] {
  const rows = ctx.db
    .prepare<[number], SiteRow>(
      'SELECT id, name, address, retired_at FROM sites WHERE (? OR retired_at IS NULL) ORDER BY retired_at IS NOT NULL, id',
    )
    .all(input.includeRetired ? 1 : 0);
  return rows.map(toSite);
}

export function getSite(ctx: ServiceContext, id: number): Site {
  const row = ctx.db
    .prepare<[number], SiteRow>('SELECT id, name, address, retired_at FROM sites WHERE id = ?')
    .get(id);
  if (!row) throw notFound('site', id);
  return toSite(row);
}

export function getActiveSite(ctx: ServiceContext, id: number): Site {
  const site = getSite(ctx, id);
  if (site.retiredAt) throw new DomainError('RETIRED', `Site ${id} is retired`, { entity: 'site' });
  return site;
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId: number): void {
  const clash = ctx.db
    .prepare<[string, number], { id: number }>(
      'SELECT id FROM sites WHERE name = ? AND retired_at IS NULL AND id <> ?',
    )
    .get(name, exceptId);
  if (clash) {
    throw new DomainError(
      'DUPLICATE',
      `A site named ${name} exists`,
      { value: name },
      { name: 'duplicate' },
    );
  }
}

export function createSite(ctx: ServiceContext, input: { name: string; address: string }): Site {
  assertNameFree(ctx, input.name, 0);
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare('INSERT INTO sites (name, address, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(input.name, input.address, at, at);
  return getSite(ctx, Number(lastInsertRowid));
}

export function updateSite(
  ctx: ServiceContext,
  input: { id: number; name: string; address: string },
): Site {
  getActiveSite(ctx, input.id);
  assertNameFree(ctx, input.name, input.id);
  ctx.db
    .prepare('UPDATE sites SET name = ?, address = ?, updated_at = ? WHERE id = ?')
    .run(input.name, input.address, isoNow(ctx), input.id);
  return getSite(ctx, input.id);
}

/** Retires the site with all its buildings, floors and rooms, unless a room is in use. */
export function retireSite(ctx: ServiceContext, input: { id: number }): Site {
  getActiveSite(ctx, input.id);
  const scope = { where: 'b.site_id = ?', params: [input.id] };
  assertRoomsRetirable(ctx, scope);
  const at = isoNow(ctx);
  retireRoomsWhere(ctx, scope, at);
  ctx.db
    .prepare(
      'UPDATE floors SET retired_at = ?, updated_at = ? WHERE retired_at IS NULL AND building_id IN (SELECT id FROM buildings WHERE site_id = ?)',
    )
    .run(at, at, input.id);
  ctx.db
    .prepare(
      'UPDATE buildings SET retired_at = ?, updated_at = ? WHERE retired_at IS NULL AND site_id = ?',
    )
    .run(at, at, input.id);
  ctx.db
    .prepare('UPDATE sites SET retired_at = ?, updated_at = ? WHERE id = ?')
    .run(at, at, input.id);
  return getSite(ctx, input.id);
}
