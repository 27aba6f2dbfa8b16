import { ageIfKnown } from '../../shared/idNumber';
import type { DocumentType, Gender, StayStatus } from '../../shared/people';
import { mayRevealPersonalNumbers } from '../../shared/permissions';
import type { RoomStatus } from '../../shared/domain';
import type { OccupancyList, OccupancyRoom, ReleaseNotice } from '../../shared/residents';
import { observationOver } from '../../shared/observation';
import { siteDay } from '../../shared/siteDate';
import { appendAudit } from '../accounts/audit';
import { getBuilding } from '../registry/buildings';
import { isoNow, type ActingContext, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { getFloor } from '../registry/floors';
import { maskIdNumber } from '../services/masking';
import { originLabel } from './personHistory';
import { getSite } from '../registry/sites';
import { occupantsWhere } from './stays';

interface NoticeRow {
  site_name: string;
  site_address: string;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  document_type: DocumentType;
  document_number: string;
  street: string | null;
  community: string | null;
  room_number: string | null;
  status: StayStatus;
  check_in_at: string | null;
  observation_end: string | null;
  checked_out_at: string | null;
}

/**
 * 解除隔离告知书 for one stay: a released stay, or an active one whose observation has ended (the
 * notice is prepared on the morning of release). Every print is a row in the audit trail, naming
 * whether the full document number was shown.
 */
export function releaseNotice(ctx: ActingContext, input: { stayId: number }): ReleaseNotice {
  const user = ctx.actor;
  const row = ctx.db
    .prepare<[number], NoticeRow>(
      `SELECT si.name AS site_name, si.address AS site_address, p.full_name, p.gender, p.birth_date,
              p.document_type, p.document_number, o.street, o.community, r.number AS room_number, s.status,
              s.check_in_at, s.observation_end, s.checked_out_at
       FROM stays s JOIN people p ON p.id = s.person_id LEFT JOIN origins o ON o.id = p.origin_id
       JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id JOIN sites si ON si.id = b.site_id
       WHERE s.id = ?`,
    )
    .get(input.stayId);
  if (!row) throw notFound('stay', input.stayId);
  const issuedAt = isoNow(ctx);
  const today = siteDay(ctx.now());
  const releasable =
    row.status === 'released' ||
    (row.status === 'active' &&
      row.observation_end !== null &&
      observationOver(row.observation_end, today));
  if (!releasable || row.check_in_at === null || row.observation_end === null) {
    throw new DomainError(
      'NOT_RELEASABLE',
      `Stay ${input.stayId} is ${row.status}, observation ends ${row.observation_end ?? '—'}`,
      { status: row.status, observationEnd: row.observation_end ?? '' },
    );
  }
  const revealed = user !== null && mayRevealPersonalNumbers(user.roles);
  appendAudit(ctx.db, {
    at: issuedAt,
    actor: user,
    method: 'prints.releaseNotice',
    outcome: 'ok',
    entity: 'stay',
    entityId: input.stayId,
    detail: revealed
      ? 'release notice printed with the full document number'
      : 'release notice printed',
  });
  return {
    siteName: row.site_name,
    siteAddress: row.site_address,
    fullName: row.full_name,
    gender: row.gender,
    age: ageIfKnown(row.birth_date, ctx.now()),
    documentType: row.document_type,
    documentNumber: revealed ? row.document_number : maskIdNumber(row.document_number),
    documentRevealed: revealed,
    origin: originLabel(row.street, row.community),
    roomNumber: row.room_number,
    checkInAt: row.check_in_at,
    observationEnd: row.observation_end,
    releasedAt: row.status === 'released' ? row.checked_out_at : null,
    issuedAt,
  };
}

interface RoomRow {
  id: number;
  number: string;
  capacity: number;
  status: RoomStatus;
  level: number;
}

/** Everyone in one building (or one of its floors), room by room, for the A4 occupancy list. */
export function occupancyList(
  ctx: ServiceContext,
  input: { buildingId: number; floorId?: number | undefined },
): OccupancyList {
  const building = getBuilding(ctx, input.buildingId);
  if (input.floorId !== undefined && getFloor(ctx, input.floorId).buildingId !== building.id) {
    throw new DomainError(
      'INVALID_INPUT',
      'The floor is not in this building',
      {},
      {
        floorId: 'invalid',
      },
    );
  }
  const site = getSite(ctx, building.siteId);
  const scope = input.floorId === undefined ? 'r.building_id = ?' : 'r.floor_id = ?';
  const scopeId = input.floorId ?? building.id;
  const rooms = ctx.db
    .prepare<[number], RoomRow>(
      `SELECT r.id, r.number, r.capacity, r.status, f.level FROM rooms r JOIN floors f ON f.id = r.floor_id
       WHERE ${scope} AND r.retired_at IS NULL ORDER BY f.level, length(r.number), r.number, r.id`,
    )
    .all(scopeId);
  const occupants = occupantsWhere(ctx, `${scope} AND r.retired_at IS NULL`, [scopeId]);
  const floors: OccupancyList['floors'] = [];
  for (const room of rooms) {
    const entry: OccupancyRoom = {
      roomId: room.id,
      number: room.number,
      capacity: room.capacity,
      status: room.status,
      occupants: occupants.filter((o) => o.roomId === room.id).map(({ roomId: _room, ...o }) => o),
    };
    const floor = floors[floors.length - 1];
    if (floor?.level === room.level) floor.rooms.push(entry);
    else floors.push({ level: room.level, rooms: [entry] });
  }
  return {
    siteName: site.name,
    buildingCode: building.code,
    buildingName: building.name,
    floors,
    occupants: occupants.length,
    capacity: rooms.reduce((sum, r) => sum + r.capacity, 0),
    generatedAt: isoNow(ctx),
  };
}
