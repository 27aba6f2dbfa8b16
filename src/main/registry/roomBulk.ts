import type { BulkCreateInput } from '../../shared/contract';
import type { BulkCreateResult } from '../../shared/domain';
import { MAX_BULK_ROOMS } from '../../shared/contract';
import { roomLabel } from '../../shared/roomLabel';
import { getActiveBuilding } from './buildings';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { findFloorId, insertFloor } from './floors';

const CLASHES_SHOWN = 30;

export function planBulkLabels(
  code: string,
  input: BulkCreateInput,
): { level: number; number: string }[] {
  const plan: { level: number; number: string }[] = [];
  for (let level = input.floorFrom; level <= input.floorTo; level++) {
    for (let n = input.roomFrom; n <= input.roomTo; n++)
      plan.push({ level, number: roomLabel(code, level, n) });
  }
  return plan;
}

/**
 * Creates a block of rooms (and any missing floors) in one go. Any clash with an existing room
 * refuses the whole block, naming the clashes; the router's transaction guarantees nothing is half-made.
 */
export function bulkCreateRooms(ctx: ServiceContext, input: BulkCreateInput): BulkCreateResult {
  const building = getActiveBuilding(ctx, input.buildingId);
  const count = (input.floorTo - input.floorFrom + 1) * (input.roomTo - input.roomFrom + 1);
  if (count > MAX_BULK_ROOMS) {
    throw new DomainError(
      'TOO_MANY',
      `${count} rooms requested; at most ${MAX_BULK_ROOMS} at once`,
      {
        count,
        max: MAX_BULK_ROOMS,
      },
    );
  }
  const plan = planBulkLabels(building.code, input);
  const existing = new Set(
    ctx.db
      .prepare<[number], { number: string }>(
        'SELECT number FROM rooms WHERE building_id = ? AND retired_at IS NULL',
      )
      .all(building.id)
      .map((r) => r.number),
  );
  const clashes = plan.filter((p) => existing.has(p.number)).map((p) => p.number);
  if (clashes.length > 0) {
    const shown =
      clashes.slice(0, CLASHES_SHOWN).join(', ') + (clashes.length > CLASHES_SHOWN ? ' …' : '');
    throw new DomainError('ROOM_NUMBER_CLASH', `Rooms already exist: ${shown}`, {
      clashes: shown,
      count: clashes.length,
    });
  }

  const floorIds = new Map<number, number>();
  let floorsCreated = 0;
  for (let level = input.floorFrom; level <= input.floorTo; level++) {
    let floorId = findFloorId(ctx, building.id, level);
    if (floorId === undefined) {
      floorId = insertFloor(ctx, building.id, level, '');
      floorsCreated++;
    }
    floorIds.set(level, floorId);
  }

  const at = isoNow(ctx);
  const features = JSON.stringify(input.features);
  const insert = ctx.db.prepare(
    `INSERT INTO rooms (floor_id, building_id, number, capacity, type, features, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  for (const p of plan) {
    insert.run(
      floorIds.get(p.level),
      building.id,
      p.number,
      input.capacity,
      input.type,
      features,
      at,
      at,
    );
  }
  return {
    created: plan.length,
    floorsCreated,
    firstNumber: plan[0]?.number ?? '',
    lastNumber: plan[plan.length - 1]?.number ?? '',
  };
}
