import type { Building } from '../../shared/domain';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertRoomsRetirable, retireRoomsWhere } from './retire';
import { getActiveSite } from './sites';

interface BuildingRow {
  id: number;
  site_id: number;
  code: string;
  name: string;
  retired_at: string | null;
  floor_count: number;
  room_count: number;
}

const SELECT = `
  SELECT b.id, b.site_id, b.code, b.name, b.retired_at,
    (SELECT count(*) FROM floors f WHERE f.building_id = b.id AND f.retired_at IS NULL) AS floor_count,
    (SELECT count(*) FROM rooms r WHERE r.building_id = b.id AND r.retired_at IS NULL) AS room_count
  FROM buildings b`;

const toBuilding = (r: BuildingRow): Building => ({
  id: r.id,
  siteId: r.site_id,
  code: r.code,
  name: r.name,
  retiredAt: r.retired_at,
  floorCount: r.floor_count,
  roomCount: r.room_count,
});

export function listBuildings(
  ctx: ServiceContext,
  input: { siteId: number; includeRetired: boolean },
): Building[] {
  return ctx.db
    .prepare<[number, number], BuildingRow>(
      `${SELECT} WHERE b.site_id = ? AND (? OR b.retired_at IS NULL) ORDER BY b.retired_at IS NOT NULL, b.code`,
    )
    .all(input.siteId, input.includeRetired ? 1 : 0)
    .map(toBuilding);
}

export function getBuilding(ctx: ServiceContext, id: number): Building {
  const row = ctx.db.prepare<[number], BuildingRow>(`${SELECT} WHERE b.id = ?`).get(id);
  if (!row) throw notFound('building', id);
  return toBuilding(row);
}

export function getActiveBuilding(ctx: ServiceContext, id: number): Building {
  const building = getBuilding(ctx, id);
  if (building.retiredAt) {
    throw new DomainError('RETIRED', `Building ${building.code} is retired`, {
      entity: 'building',
    });
  }
  return building;
}

function assertCodeFree(ctx: ServiceContext, siteId: number, code: string, exceptId: number): void {
  const clash = ctx.db
    .prepare<[number, string, number], { id: number }>(
      'SELECT id FROM buildings WHERE site_id = ? AND code = ? AND retired_at IS NULL AND id <> ?',
    )
    .get(siteId, code, exceptId);
  if (clash) {
    throw new DomainError(
      'DUPLICATE',
      `Building ${code} exists`,
      { value: code },
      { code: 'duplicate' },
    );
  }
}

export function createBuilding(
  ctx: ServiceContext,
  input: { siteId: number; code: string; name: string },
): Building {
  getActiveSite(ctx, input.siteId);
  assertCodeFree(ctx, input.siteId, input.code, 0);
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO buildings (site_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(input.siteId, input.code, input.name, at, at);
  return getBuilding(ctx, Number(lastInsertRowid));
}

/** Renames a building. Room numbers are door labels and stay as they are. */
export function updateBuilding(
  ctx: ServiceContext,
  input: { id: number; code: string; name: string },
): Building {
  const building = getActiveBuilding(ctx, input.id);
  assertCodeFree(ctx, building.siteId, input.code, input.id);
  ctx.db
    .prepare('UPDATE buildings SET code = ?, name = ?, updated_at = ? WHERE id = ?')
    .run(input.code, input.name, isoNow(ctx), input.id);
  return getBuilding(ctx, input.id);
}

/** Retires the building with its floors and rooms, unless a room is in use. */
export function retireBuilding(ctx: ServiceContext, input: { id: number }): Building {
  getActiveBuilding(ctx, input.id);
  const scope = { where: 'b.id = ?', params: [input.id] };
  assertRoomsRetirable(ctx, scope);
  const at = isoNow(ctx);
  retireRoomsWhere(ctx, scope, at);
  ctx.db
    .prepare(
      'UPDATE floors SET retired_at = ?, updated_at = ? WHERE retired_at IS NULL AND building_id = ?',
    )
    .run(at, at, input.id);
  ctx.db
    .prepare('UPDATE buildings SET retired_at = ?, updated_at = ? WHERE id = ?')
    .run(at, at, input.id);
  return getBuilding(ctx, input.id);
}
