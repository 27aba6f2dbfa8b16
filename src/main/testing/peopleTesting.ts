import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { personInput, type PersonInputParsed } from '../../shared/contract/people';
import type { RoomStatus, RoomType } from '../../shared/domain';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { residentIdCheckChar } from '../../shared/idNumber';
import type { ArrivalBatch, BatchMember, Gender } from '../../shared/people';
import type { Role } from '../../shared/permissions';
import { addDays, siteDay } from '../../shared/siteDate';
import type { SessionHandle } from '../accounts/sessionStore';
import { openDatabase, type Db } from '../db/open';
import { SignInAttempts } from '../accounts/signInAttempts';
import { createBuilding } from '../registry/buildings';
import { createFloor } from '../registry/floors';
import { createRoom, setRoomStatus } from '../registry/rooms';
import { createSite } from '../registry/sites';
import { sessionFor, valueOf } from './authTesting';
import {
  addUser,
  inertSession,
  makeTempDir,
  makeTestContext,
  makeTestRouter,
  storedTables,
  TEST_NOW,
  type TestContext,
  type TestRouter,
} from './tempDb';

/** One person as arrivals.register takes them. */
export type PersonPayload = MethodInput<'arrivals.register'>['people'][number];

/** The first 17 characters of a resident ID: Chongchuan area code, birth date, sequence. */
function first17(birthDate: string, gender: Gender, serial: number, area = '320602'): string {
  const seq = String(serial % 100).padStart(2, '0') + (gender === 'male' ? '1' : '2');
  return `${area}${birthDate.replaceAll('-', '')}${seq}`;
}

/** A valid resident ID for that birth date and gender (serial 0–99 tells people apart). */
export function residentId(birthDate: string, gender: Gender, serial = 0, area = '320602'): string {
  const body = first17(birthDate, gender, serial, area);
  return body + residentIdCheckChar(body);
}

/** The same number with a check character that is wrong. */
export function withWrongCheckChar(id: string): string {
  const right = id[17]!;
  const wrong = right === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

let serialCounter = 0;

export interface PersonSpec extends Partial<PersonPayload> {
  /** Used to make the ID number when none is given. */
  gender?: Gender;
  birthDate?: string;
}

/**
 * A valid registration row: a resident ID that agrees with birth date and gender (unique within a
 * test file), a mobile number, and whatever the spec overrides.
 */
export function person(spec: PersonSpec = {}): PersonPayload {
  const gender = spec.gender ?? 'male';
  const birthDate = spec.birthDate ?? '1990-01-01';
  const serial = serialCounter++;
  const area = String(320602 + Math.floor(serial / 100));
  return {
    fullName: `Person ${serial}`,
    gender,
    birthDate,
    documentType: 'resident_id',
    documentNumber: residentId(birthDate, gender, serial, area),
    phone: `139${String(10_000_000 + serial).slice(-8)}`,
    category: 'close_contact',
    ...spec,
  };
}

/** The same row as the service receives it after the contract's schema (defaults filled in). */
export function parsedPerson(spec: PersonSpec = {}): PersonInputParsed {
  return personInput.parse(person(spec));
}

/** A room of a small test site. */
export interface RoomSpec {
  number: string;
  capacity: number;
  type: RoomType;
  status?: RoomStatus;
}

export interface FloorSpec {
  level: number;
  rooms: RoomSpec[];
}

export interface BuiltSite {
  siteId: number;
  buildingId: number;
  floorIds: number[];
  /** Room id by number. */
  rooms: Record<string, number>;
}

/** A site with one building 'P' and the given floors and rooms, made through the services. */
export function buildSite(
  ctx: TestContext['ctx'],
  floors: FloorSpec[],
  name = 'Test site',
  code = 'P',
): BuiltSite {
  const site = createSite(ctx, { name, address: '' });
  const building = createBuilding(ctx, { siteId: site.id, code, name: 'Main' });
  const rooms: Record<string, number> = {};
  const floorIds: number[] = [];
  for (const f of floors) {
    const floor = createFloor(ctx, { buildingId: building.id, level: f.level, name: '' });
    floorIds.push(floor.id);
    for (const r of f.rooms) {
      const room = createRoom(ctx, {
        floorId: floor.id,
        number: r.number,
        capacity: r.capacity,
        type: r.type,
        features: [],
        notes: '',
      });
      rooms[r.number] = room.id;
      if (r.status && r.status !== 'available') {
        setRoomStatus(ctx, {
          id: room.id,
          status: r.status,
          reason: r.status === 'out_of_service' ? 'broken' : undefined,
        });
      }
    }
  }
  return { siteId: site.id, buildingId: building.id, floorIds, rooms };
}

/** The result code of an envelope: 'ok' or the error's code. */
export const codeOf = (result: ApiResult<unknown>): ErrorCode | 'ok' =>
  result.ok ? 'ok' : result.error.code;

/** A typed caller over a test router, signed in as one user. */
export interface Desk {
  t: TestContext;
  tr: TestRouter;
  userId: number;
  handle: SessionHandle;
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    handle?: SessionHandle,
  ): Promise<ApiResult<MethodResult<M>>>;
  /** The value, or the test fails with the error. */
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    handle?: SessionHandle,
  ): Promise<MethodResult<M>>;
}

/** A router over `t`, with a live session for a user holding `roles`. */
export function deskOver(
  t: TestContext,
  roles: readonly Role[] = ['administrator', 'coordinator'],
  username = 'chief',
): Desk {
  const tr = makeTestRouter(t);
  const existing = t.ctx.db
    .prepare<[string], { id: number }>('SELECT id FROM users WHERE username = ?')
    .get(username);
  const userId = existing?.id ?? addUser(t, username, roles);
  const desk: Desk = {
    t,
    tr,
    userId,
    handle: sessionFor(tr, userId),
    // The session in use is read at each call, so a test may replace `desk.handle` (clock moved).
    invoke: <M extends MethodName>(method: M, input: MethodInput<M>, h?: SessionHandle) =>
      tr.router.invoke(method, input, h ?? desk.handle) as Promise<ApiResult<MethodResult<M>>>,
    call: async (method, input, h) => valueOf(await desk.invoke(method, input, h)),
  };
  return desk;
}

/** A fresh database file with a desk over it. */
export function makeDesk(roles?: readonly Role[]): Desk {
  return deskOver(makeTestContext(), roles);
}

/** A fresh desk with a one-room site and an arrival batch, ready for an arrivals list. */
export async function deskWithBatch(label: string): Promise<{ desk: Desk; batch: ArrivalBatch }> {
  const desk = makeDesk();
  const site = buildSite(desk.t.ctx, [
    { level: 1, rooms: [{ number: 'P-101', capacity: 2, type: 'double' }] },
  ]);
  const batch = await desk.call('arrivals.create', {
    siteId: site.siteId,
    label,
    arrivedAt: TEST_NOW.toISOString(),
  });
  return { desk, batch };
}

/**
 * A copy of a prepared database file, opened as a test context of its own: cheaper than migrating
 * and seeding a new file when a property test needs a fresh database for every run. The template
 * must have been checkpointed (see `checkpoint`).
 */
export function openCopy(templateFile: string, now: Date = TEST_NOW): TestContext {
  const { dir, remove } = makeTempDir();
  const file = join(dir, 'desk.sqlite');
  copyFileSync(templateFile, file);
  const db = openDatabase(file);
  return {
    ctx: {
      db,
      now: () => new Date(now),
      shell: 'browser',
      version: '0.0.0-test',
      dataDir: dir,
      actor: null,
      session: inertSession,
      platform: {},
      signIns: new SignInAttempts(),
    },
    file,
    dir,
    close: () => {
      if (db.open) db.close();
      remove();
    },
  };
}

/**
 * Closes the database of `t` and opens the same file again (as the app does on its next start);
 * the returned context owns the temp directory from then on.
 */
export function reopen(t: TestContext): TestContext {
  t.ctx.db.close();
  const db = openDatabase(t.file);
  return {
    ...t,
    ctx: { ...t.ctx, db },
    close: () => {
      if (db.open) db.close();
      t.close();
    },
  };
}

/** Folds the WAL into the main file, so that the file alone is the whole database. */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Everything a write could change, as one comparable string (small databases only). */
export function snapshot(db: Db, except: readonly string[] = []): string {
  const tables = storedTables(db).filter((table) => !except.includes(table));
  return JSON.stringify(
    tables
      .sort()
      // Rows in a stable order without relying on rowid (WITHOUT ROWID tables have none).
      .map((table) => [
        table,
        db
          .prepare(`SELECT * FROM "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
  );
}

interface StayFacts {
  id: number;
  person_id: number;
  batch_id: number | null;
  household: string | null;
  room_id: number | null;
  status: string;
  check_in_at: string | null;
  last_exposure_date: string | null;
  observation_days: number;
  observation_end: string | null;
  checked_out_at: string | null;
  gender: Gender;
}

/**
 * The occupancy rules, read back from the database: each broken rule as a sentence (empty when all
 * hold).
 */
export function occupancyViolations(db: Db): string[] {
  const problems: string[] = [];
  const rooms = db
    .prepare<
      [],
      { id: number; number: string; capacity: number; status: string; ever_used: number }
    >('SELECT id, number, capacity, status, ever_used FROM rooms')
    .all();
  const stays = db
    .prepare<[], StayFacts>(
      `SELECT s.id, s.person_id, s.batch_id, s.household, s.room_id, s.status, s.check_in_at, s.last_exposure_date,
              s.observation_days, s.observation_end, s.checked_out_at, p.gender
       FROM stays s JOIN people p ON p.id = s.person_id`,
    )
    .all();
  const active = stays.filter((s) => s.status === 'active');
  const group = (s: StayFacts) =>
    s.household && s.batch_id !== null ? `household:${s.batch_id}:${s.household}` : `stay:${s.id}`;

  for (const room of rooms) {
    const inside = active.filter((s) => s.room_id === room.id);
    if (inside.length > room.capacity)
      problems.push(`${room.number}: ${inside.length} people in ${room.capacity} beds`);
    if (inside.length > 0 && room.status !== 'occupied')
      problems.push(`${room.number}: ${inside.length} people but status ${room.status}`);
    if (inside.length === 0 && room.status === 'occupied')
      problems.push(`${room.number}: occupied but empty`);
    for (const a of inside) {
      for (const b of inside) {
        if (group(a) !== group(b) && a.gender !== b.gender)
          problems.push(`${room.number}: unrelated ${a.gender} ${a.id} with ${b.gender} ${b.id}`);
      }
    }
    if (stays.some((s) => s.room_id === room.id) && room.ever_used !== 1)
      problems.push(`${room.number}: used but ever_used = ${room.ever_used}`);
  }

  const openByPerson = new Map<number, StayFacts[]>();
  for (const s of stays.filter((x) => x.status === 'registered' || x.status === 'active'))
    openByPerson.set(s.person_id, [...(openByPerson.get(s.person_id) ?? []), s]);
  for (const [personId, open] of openByPerson) {
    if (open.length > 1) problems.push(`person ${personId}: ${open.length} open stays`);
  }

  for (const s of stays) {
    if (s.status === 'registered' && (s.room_id !== null || s.check_in_at !== null))
      problems.push(`stay ${s.id}: registered but in room ${s.room_id}`);
    if (s.status === 'active') {
      if (s.room_id === null || s.check_in_at === null || s.checked_out_at !== null)
        problems.push(`stay ${s.id}: active without a room or check-in`);
      const start = s.last_exposure_date ?? siteDay(new Date(s.check_in_at ?? 0));
      if (s.observation_end !== addDays(start, s.observation_days))
        problems.push(
          `stay ${s.id}: observation ends ${s.observation_end}, not ${start} + ${s.observation_days}`,
        );
    }
    if (['released', 'transferred', 'checked_out'].includes(s.status) && s.checked_out_at === null)
      problems.push(`stay ${s.id}: ${s.status} without a check-out time`);
  }
  return problems;
}

/** Rows of a query (tests only; the SQL is ours). */
export function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}

/**
 * Registers people into a batch and checks each into the room named beside them (through the
 * router, as the renderer would); returns the new members in the order given.
 */
export async function checkInto(
  desk: Desk,
  batchId: number,
  site: BuiltSite,
  placements: [PersonPayload, string][],
): Promise<BatchMember[]> {
  const before = new Set((await desk.call('arrivals.members', { batchId })).map((m) => m.stayId));
  const fresh = (
    await desk.call('arrivals.register', { batchId, people: placements.map(([p]) => p) })
  )
    .filter((m) => !before.has(m.stayId))
    .sort((a, b) => a.stayId - b.stayId);
  const lines = fresh.map((m, i) => ({ stayId: m.stayId, roomId: site.rooms[placements[i]![1]]! }));
  await desk.call('allocation.confirm', { batchId, lines });
  return fresh;
}

/** Moves the desk's clock (router and services) to `iso`, with a fresh session at that time. */
export function setDeskClock(desk: Desk, iso: string): void {
  desk.tr.clock.now = new Date(iso);
  desk.t.ctx.now = () => new Date(desk.tr.clock.now);
  desk.handle = sessionFor(desk.tr, desk.userId);
}
