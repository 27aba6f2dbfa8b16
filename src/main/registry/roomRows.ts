import type { Room, RoomFeature, RoomStatus, RoomType } from '../../shared/domain';

export interface RoomRow {
  id: number;
  site_id: number;
  building_id: number;
  building_code: string;
  floor_id: number;
  floor_level: number;
  number: string;
  capacity: number;
  type: RoomType;
  features: string;
  notes: string;
  status: RoomStatus;
  status_reason: string | null;
  ever_used: number;
  retired_at: string | null;
  version: number;
}

export const ROOM_SELECT = `
  SELECT r.id, b.site_id, r.building_id, b.code AS building_code, r.floor_id, f.level AS floor_level,
    r.number, r.capacity, r.type, r.features, r.notes, r.status, r.status_reason, r.ever_used, r.retired_at,
    r.version
  FROM rooms r
  JOIN floors f ON f.id = r.floor_id
  JOIN buildings b ON b.id = r.building_id`;

export const toRoom = (r: RoomRow): Room => ({
  id: r.id,
  siteId: r.site_id,
  buildingId: r.building_id,
  buildingCode: r.building_code,
  floorId: r.floor_id,
  floorLevel: r.floor_level,
  number: r.number,
  capacity: r.capacity,
  type: r.type,
  features: JSON.parse(r.features) as RoomFeature[],
  notes: r.notes,
  status: r.status,
  statusReason: r.status_reason,
  everUsed: r.ever_used === 1,
  retiredAt: r.retired_at,
  version: r.version,
});
