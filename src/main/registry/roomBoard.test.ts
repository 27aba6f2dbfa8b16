import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Building, RoomStatus, Site } from '../../shared/domain';
import { parsedPerson } from '../testing/peopleTesting';
import { domainErrorOf, makeTestContext, TEST_NOW, type TestContext } from '../testing/tempDb';
import { confirmAllocation } from '../residents/allocation';
import { createBatch, registerArrivals } from '../residents/arrivals';
import { createBuilding } from './buildings';
import { roomBoard } from './roomBoard';
import { bulkCreateRooms } from './roomBulk';
import { retireRoom, setRoomStatus } from './rooms';
import { createSite, retireSite } from './sites';

/**
 * Building A: floors 2–4, rooms 1–3, one bed each (9 rooms, A-403 retired → 8 active).
 * Building B: floor 1, rooms 1–2, four beds each.
 * A-401 holds one person, checked in today (TEST_NOW) for 14 days.
 */
describe('rooms.board', () => {
  let t: TestContext;
  let site: Site;
  let a: Building;
  let b: Building;

  const idOf = (number: string): number =>
    t.ctx.db.prepare('SELECT id FROM rooms WHERE number = ?').pluck().get(number) as number;
  const force = (number: string, status: RoomStatus) =>
    t.ctx.db.prepare('UPDATE rooms SET status = ? WHERE number = ?').run(status, number);

  beforeEach(() => {
    t = makeTestContext();
    site = createSite(t.ctx, { name: 'Site', address: '' });
    // Created B first so that ids do not happen to follow the board order.
    b = createBuilding(t.ctx, { siteId: site.id, code: 'B', name: 'Annex' });
    a = createBuilding(t.ctx, { siteId: site.id, code: 'A', name: 'Main' });
    const block = { roomFrom: 1, features: [] };
    bulkCreateRooms(t.ctx, {
      ...block,
      buildingId: b.id,
      floorFrom: 1,
      floorTo: 1,
      roomTo: 2,
      capacity: 4,
      type: 'family',
    });
    bulkCreateRooms(t.ctx, {
      ...block,
      buildingId: a.id,
      floorFrom: 2,
      floorTo: 4,
      roomTo: 3,
      capacity: 1,
      type: 'single',
    });
    retireRoom(t.ctx, { id: idOf('A-403') });
    setRoomStatus(t.ctx, { id: idOf('A-201'), status: 'reserved' });
    setRoomStatus(t.ctx, { id: idOf('A-302'), status: 'out_of_service', reason: 'leak' });
    setRoomStatus(t.ctx, { id: idOf('B-102'), status: 'out_of_service', reason: 'paint' });
    const batch = createBatch(t.ctx, {
      siteId: site.id,
      label: 'Bus 1',
      arrivedAt: TEST_NOW.toISOString(),
      notes: '',
    });
    const [member] = registerArrivals(t.ctx, {
      batchId: batch.id,
      people: [parsedPerson()],
    });
    confirmAllocation(t.ctx, {
      batchId: batch.id,
      lines: [{ stayId: member!.stayId, roomId: idOf('A-401') }],
    });
    force('A-402', 'awaiting_disinfection');
  });
  afterEach(() => t.close());

  it('counts rooms per status and beds over the whole site', () => {
    const board = roomBoard(t.ctx, { siteId: site.id });
    expect(board.counts).toEqual({
      available: 5, // A-202 A-203 A-301 A-303 and B-101
      reserved: 1,
      occupied: 1,
      awaiting_disinfection: 1,
      out_of_service: 2,
    } satisfies Record<RoomStatus, number>);
    expect(board.totalRooms).toBe(10);
    expect(board.totalBeds).toBe(8 * 1 + 2 * 4);
    // A-401's one bed is taken; reserved, out-of-service and awaiting rooms offer none.
    expect(board.freeBeds).toBe(4 * 1 + 4);
  });

  it('lays out floors top first, building by building, tiles by number', () => {
    const board = roomBoard(t.ctx, { siteId: site.id });
    expect(board.floors.map((f) => `${f.buildingCode}${f.level}`)).toEqual([
      'A4',
      'A3',
      'A2',
      'B1',
    ]);
    expect(board.floors.map((f) => f.rooms.map((r) => r.number))).toEqual([
      ['A-401', 'A-402'],
      ['A-301', 'A-302', 'A-303'],
      ['A-201', 'A-202', 'A-203'],
      ['B-101', 'B-102'],
    ]);
    const b1 = board.floors[3]!;
    expect(b1).toMatchObject({ buildingId: b.id, buildingName: 'Annex', level: 1 });
    expect(b1.rooms[0]).toEqual({
      id: idOf('B-101'),
      number: 'B-101',
      status: 'available',
      capacity: 4,
      freeBeds: 4,
      occupants: 0,
      daysLeft: null,
      type: 'family',
      statusReason: null,
    });
    expect(b1.rooms[1]).toMatchObject({
      status: 'out_of_service',
      freeBeds: 0,
      occupants: 0,
      daysLeft: null,
      statusReason: 'paint',
    });
    // Checked in on 2026-11-29 (site day) for 14 days: observation ends 2026-12-13.
    expect(board.floors[0]!.rooms[0]).toEqual({
      id: idOf('A-401'),
      number: 'A-401',
      status: 'occupied',
      capacity: 1,
      freeBeds: 0,
      occupants: 1,
      daysLeft: 14,
      type: 'single',
      statusReason: null,
    });
    expect(board.floors[0]!.rooms[1]).toMatchObject({
      number: 'A-402',
      status: 'awaiting_disinfection',
      freeBeds: 0,
      occupants: 0,
      daysLeft: null,
    });
  });

  it('narrows counts and floors to one building', () => {
    const board = roomBoard(t.ctx, { siteId: site.id, buildingId: b.id });
    expect(board.counts).toEqual({
      available: 1,
      reserved: 0,
      occupied: 0,
      awaiting_disinfection: 0,
      out_of_service: 1,
    });
    expect(board).toMatchObject({ totalRooms: 2, totalBeds: 8, freeBeds: 4 });
    expect(board.floors.map((f) => f.floorId)).toHaveLength(1);
    expect(board.floors[0]!.buildingCode).toBe('B');
  });

  it('shows only the chosen statuses but still counts them all', () => {
    const all = roomBoard(t.ctx, { siteId: site.id });
    const board = roomBoard(t.ctx, { siteId: site.id, statuses: ['out_of_service', 'reserved'] });
    expect(board.counts).toEqual(all.counts);
    expect(board.totalRooms).toBe(all.totalRooms);
    expect(board.totalBeds).toBe(all.totalBeds);
    expect(board.freeBeds).toBe(all.freeBeds);
    const shown = board.floors.flatMap((f) => f.rooms.map((r) => `${r.number}:${r.status}`));
    expect(shown).toEqual(['A-302:out_of_service', 'A-201:reserved', 'B-102:out_of_service']);
    expect(board.floors.map((f) => f.level)).toEqual([3, 2, 1]);
  });

  it('treats an empty status list as no filter', () => {
    const board = roomBoard(t.ctx, { siteId: site.id, statuses: [] });
    expect(board.floors.flatMap((f) => f.rooms)).toHaveLength(10);
  });

  it('an empty site has zero counts and no floors', () => {
    const empty = createSite(t.ctx, { name: 'Empty', address: '' });
    expect(roomBoard(t.ctx, { siteId: empty.id })).toEqual({
      counts: {
        available: 0,
        reserved: 0,
        occupied: 0,
        awaiting_disinfection: 0,
        out_of_service: 0,
      },
      totalRooms: 0,
      totalBeds: 0,
      freeBeds: 0,
      floors: [],
    });
  });

  it('refuses an unknown or retired site', () => {
    expect(domainErrorOf(() => roomBoard(t.ctx, { siteId: 999 })).code).toBe('NOT_FOUND');
    const other = createSite(t.ctx, { name: 'Other', address: '' });
    retireSite(t.ctx, { id: other.id });
    expect(domainErrorOf(() => roomBoard(t.ctx, { siteId: other.id })).code).toBe('RETIRED');
  });
});
