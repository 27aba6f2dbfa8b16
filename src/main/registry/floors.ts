import type { Floor } from '../../shared/domain';
import { getActiveBuilding } from './buildings';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertRoomsRetirable, retireRoomsWhere } from './retire';

interface FloorRow {
  id: number;
  building_id: number;
  level: number;
  name: string;
  retired_at: string | null;
  room_count: number;
}

const SELECT = `
  SELECT f.id, f.building_id, f.level, f.name, f.retired_at,
    (SELECT count(*) FROM rooms r WHERE r.floor_id = f.id AND r.retired_at IS NULL) AS room_count
  FROM floors f`;

const toFloor = (r: FloorRow): Floor => ({
  id: r.id,
  buildingId: r.building_id,
  level: r.level,
  name: r.name,
  retiredAt: r.retired_at,
  roomCount: r.room_count,
});

export function listFloors(
  ctx: ServiceContext,
  input: { buildingId: number; includeRetired: boolean },
): Floor[] {
  return ctx.db
    .prepare<[number, number], FloorRow>(
      `${SELECT} WHERE f.building_id = ? AND (? OR f.retired_at IS NULL) ORDER BY f.retired_at IS NOT NULL, f.level`,
    )
    .all(input.buildingId, input.includeRetired ? 1 : 0)
    .map(toFloor);
}

export function getFloor(ctx: ServiceContext, id: number): Floor {
  const row = ctx.db.prepare<[number], FloorRow>(`${SELECT} WHERE f.id = ?`).get(id);
  if (!row) throw notFound('floor', id);
  return toFloor(row);
}

export function getActiveFloor(ctx: ServiceContext, id: number): Floor {
  const floor = getFloor(ctx, id);
  if (floor.retiredAt)
    throw new DomainError('RETIRED', `Floor ${id} is retired`, { entity: 'floor' });
  return floor;
}

/** Active floor id for (building, level), if any. */
export function findFloorId(
  ctx: ServiceContext,
  buildingId: number,
  level: number,
): number | undefined {
  return ctx.db
    .prepare<[number, number], { id: number }>(
      'SELECT id FROM floors WHERE building_id = ? AND level = ? AND retired_at IS NULL',
    )
    .get(buildingId, level)?.id;
}

export function insertFloor(
  ctx: ServiceContext,
  buildingId: number,
  level: number,
  name: string,
): number {
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO floors (building_id, level, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(buildingId, level, name, at, at);
  return Number(lastInsertRowid);
}

export function createFloor(
  ctx: ServiceContext,
  input: { buildingId: number; level: number; name: string },
): Floor {
  getActiveBuilding(ctx, input.buildingId);
  if (findFloorId(ctx, input.buildingId, input.level) !== undefined) {
    throw new DomainError(
      'DUPLICATE',
      `Floor ${input.level} exists`,
      { value: input.level },
      { level: 'duplicate' },
    );
  }
  return getFloor(ctx, insertFloor(ctx, input.buildingId, input.level, input.name));
}

export function updateFloor(ctx: ServiceContext, input: { id: number; name: string }): Floor {
  getActiveFloor(ctx, input.id);
  ctx.db
    .prepare('UPDATE floors SET name = ?, updated_at = ? WHERE id = ?')
    .run(input.name, isoNow(ctx), input.id);
  return getFloor(ctx, input.id);
}

export function retireFloor(ctx: ServiceContext, input: { id: number }): Floor {
  getActiveFloor(ctx, input.id);
  const scope = { where: 'r.floor_id = ?', params: [input.id] };
  assertRoomsRetirable(ctx, scope);
  const at = isoNow(ctx);
  retireRoomsWhere(ctx, scope, at);
  ctx.db
    .prepare('UPDATE floors SET retired_at = ?, updated_at = ? WHERE id = ?')
    .run(at, at, input.id);
  return getFloor(ctx, input.id);
}
