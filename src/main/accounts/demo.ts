import { z } from 'zod';
import { ROOM_FEATURES, ROOM_STATUSES, ROOM_TYPES } from '../../shared/domain';
import demoJson from '../../../resources/demo/site.json';
import { createBuilding } from '../registry/buildings';
import type { ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';
import { bulkCreateRooms } from '../registry/roomBulk';
import { setRoomStatus } from '../registry/rooms';
import { createSite } from '../registry/sites';

const demoSchema = z.object({
  site: z.object({ name: z.string(), address: z.string() }),
  buildings: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      blocks: z.array(
        z.object({
          floorFrom: z.int(),
          floorTo: z.int(),
          roomFrom: z.int(),
          roomTo: z.int(),
          capacity: z.int(),
          type: z.enum(ROOM_TYPES),
          features: z.array(z.enum(ROOM_FEATURES)),
        }),
      ),
    }),
  ),
  statuses: z.array(
    z.object({ number: z.string(), status: z.enum(ROOM_STATUSES), reason: z.string() }),
  ),
});

export type DemoData = z.infer<typeof demoSchema>;

/** The demo site shipped in resources/demo/site.json, checked against its schema. */
export const DEMO_DATA: DemoData = demoSchema.parse(demoJson);

/** Fills an empty database with the demo site, through the same services a coordinator uses. */
export function loadDemo(ctx: ServiceContext): { siteId: number } {
  const data = DEMO_DATA;
  const existing = ctx.db.prepare('SELECT count(*) AS n FROM sites').get() as { n: number };
  if (existing.n > 0)
    throw new DomainError('NOT_EMPTY', 'The demo loads only into an empty database');
  const site = createSite(ctx, data.site);
  for (const b of data.buildings) {
    const building = createBuilding(ctx, { siteId: site.id, code: b.code, name: b.name });
    for (const block of b.blocks) bulkCreateRooms(ctx, { buildingId: building.id, ...block });
  }
  const byNumber = ctx.db.prepare<[number, string], { id: number }>(
    `SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id
     WHERE b.site_id = ? AND r.number = ? AND r.retired_at IS NULL`,
  );
  for (const s of data.statuses) {
    const room = byNumber.get(site.id, s.number);
    if (room) setRoomStatus(ctx, { id: room.id, status: s.status, reason: s.reason });
  }
  return { siteId: site.id };
}
