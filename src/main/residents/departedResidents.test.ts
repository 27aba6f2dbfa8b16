import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentSort } from '../../shared/residents';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  setDeskClock,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { plansOf } from '../testing/queryPlans';
import { createBuilding } from '../registry/buildings';
import { createFloor } from '../registry/floors';
import { residentPage } from './residents';
import { createRoom, retireRoom } from '../registry/rooms';

interface Departed {
  id: number;
  code: string | null;
  level: number | null;
  number: string | null;
  checkIn: string | null;
  observationEnd: string | null;
}

type Key = (string | number)[];

/** The keys of each sort, as the residents list defines them: never placed first, ties by stay. */
const KEY_OF: Record<ResidentSort, (d: Departed) => Key> = {
  room: (d) => [d.code ?? '', d.level ?? -1000, d.number?.length ?? 0, d.number ?? '', d.id],
  check_in: (d) => [d.checkIn ?? '', d.id],
  observation_end: (d) => [d.observationEnd ?? '', d.id],
};

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * One site's departed in every shape the sorts must handle: two buildings, two floors, room
 * numbers of different lengths, two rooms with the same number (one retired, their stays'
 * ids interleaved), registrations closed before check-in, check-ins at the same instant, a purged
 * person, people still in residence and another site's departed (none of whom may show).
 */
describe('departed residents: order, paging, count and search', () => {
  let desk: Desk;
  let site: BuiltSite;
  const expected: Departed[] = [];

  beforeAll(async () => {
    desk = makeDesk();
    const ctx = desk.t.ctx;
    const at = (iso: string) => setDeskClock(desk, iso);
    at('2026-09-01T01:00:00Z');
    site = buildSite(ctx, [
      {
        level: 1,
        rooms: ['P-9', 'P-10', 'P-11'].map((number) => ({
          number,
          capacity: 2,
          type: 'double' as const,
        })),
      },
      { level: 2, rooms: [{ number: 'P-20', capacity: 4, type: 'family' }] },
    ]);
    const annex = createBuilding(ctx, { siteId: site.siteId, code: 'A', name: 'Annex' });
    const annexFloor = createFloor(ctx, { buildingId: annex.id, level: 3, name: '' });
    const roomSpec = { capacity: 2, type: 'double' as const, features: [], notes: '' };
    site.rooms['A-1'] = createRoom(ctx, { floorId: annexFloor.id, number: 'A-1', ...roomSpec }).id;
    const other = buildSite(
      ctx,
      [{ level: 1, rooms: [{ number: 'Q-1', capacity: 2, type: 'double' }] }],
      'Other',
      'Q',
    );

    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    // Those who share a room are a household.
    const HOUSEHOLDS: Record<string, string> = {
      一: '甲',
      三: '甲',
      二: '乙',
      四: '乙',
      七: '丙',
      九: '丙',
    };
    const names = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const registered = await desk.call('arrivals.register', {
      batchId: batch.id,
      people: names.map((fullName) => person({ fullName, household: HOUSEHOLDS[fullName] })),
    });
    const stay = (name: string) => registered.find((m) => m.fullName === name)!.stayId;
    const confirm = (lines: [string, string][]) =>
      desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: lines.map(([name, room]) => ({ stayId: stay(name), roomId: site.rooms[room]! })),
      });
    // 一 and 三 in the first P-10; 二 and 四 in the second, after the first is retired.
    await confirm([
      ['一', 'P-10'],
      ['三', 'P-10'],
      ['五', 'P-9'],
      ['六', 'P-11'],
      ['七', 'P-20'],
    ]);
    at('2026-09-01T05:00:00Z');
    await confirm([
      ['八', 'A-1'],
      ['九', 'P-20'],
    ]);
    for (const name of ['一', '三']) {
      await desk.call('stays.checkOut', { id: stay(name), kind: 'release' });
    }
    await desk.call('rooms.disinfect', {
      roomId: site.rooms['P-10']!,
      operator: '消毒员',
      performedAt: desk.tr.clock.now.toISOString(),
      agent: '含氯消毒剂',
      concentration: '500mg/L',
    });
    retireRoom(ctx, { id: site.rooms['P-10']! });
    site.rooms['P-10'] = createRoom(ctx, {
      floorId: site.floorIds[0]!,
      number: 'P-10',
      ...roomSpec,
    }).id;
    at('2026-09-02T05:00:00Z');
    await confirm([
      ['二', 'P-10'],
      ['四', 'P-10'],
    ]);
    for (const name of ['二', '四', '五', '六', '七', '八']) {
      await desk.call('stays.checkOut', {
        id: stay(name),
        kind: name === '七' ? 'transfer' : 'release',
        ...(name === '七' ? { hospital: '定点医院' } : {}),
      });
    }
    await desk.call('stays.cancel', { id: stay('十'), reason: '未到达' });
    const late = await desk.call('arrivals.register', {
      batchId: batch.id,
      people: [person({ fullName: '迟' })],
    });
    await desk.call('stays.cancel', {
      id: late.find((m) => m.fullName === '迟')!.stayId,
      reason: '未到达',
    });
    // 六 was purged; 九 is still in residence.
    ctx.db
      .prepare("UPDATE people SET document_number = 'purged:' || id WHERE full_name = '六'")
      .run();
    const otherBatch = await desk.call('arrivals.create', {
      siteId: other.siteId,
      label: 'Bus Q',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [elsewhere] = await checkInto(desk, otherBatch.id, other, [[person(), 'Q-1']]);
    await desk.call('stays.checkOut', { id: elsewhere!.stayId, kind: 'release' });

    expected.push(
      ...(ctx.db
        .prepare(
          `SELECT s.id, b.code, f.level, r.number, s.check_in_at AS checkIn,
             s.observation_end AS observationEnd
           FROM stays s JOIN people p ON p.id = s.person_id LEFT JOIN rooms r ON r.id = s.room_id
             LEFT JOIN floors f ON f.id = r.floor_id LEFT JOIN buildings b ON b.id = r.building_id
           WHERE s.status <> 'active' AND p.full_name NOT IN ('六') AND p.full_name <> ?
           ORDER BY s.id`,
        )
        .all(elsewhere!.fullName) as Departed[]),
    );
  });
  afterEach(() => expect(desk.tr.logger.entries).toEqual([]));

  const page = (
    sort: ResidentSort,
    direction: 'asc' | 'desc',
    cursor?: string,
    search?: string,
    limit = 2,
  ) =>
    residentPage(desk.t.ctx, {
      siteId: site.siteId,
      view: 'departed',
      sort,
      direction,
      limit,
      ...(cursor ? { cursor } : {}),
      ...(search ? { search } : {}),
    });

  it('holds the departed the sorts must order (and no one else)', () => {
    expect(expected.map((d) => d.number)).toEqual([
      'P-10',
      'P-10',
      'P-10',
      'P-10',
      'P-9',
      'P-20',
      'A-1',
      null,
      null,
    ]);
    expect(page('room', 'asc', undefined, undefined, 100).total).toBe(9);
  });

  for (const sort of ['room', 'check_in', 'observation_end'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      for (const search of [undefined, 'P-1']) {
        it(`pages by ${sort} ${direction}${search ? ` searching ${search}` : ''}: each once, in order`, () => {
          const wanted = expected
            .filter((d) => !search || d.number?.includes(search))
            .map((d) => ({ id: d.id, key: KEY_OF[sort](d) }))
            .sort((a, b) => compareKeys(a.key, b.key) * (direction === 'asc' ? 1 : -1))
            .map((d) => d.id);
          const seen: number[] = [];
          let cursor: string | undefined;
          do {
            const p = page(sort, direction, cursor, search);
            expect(p.total).toBe(wanted.length);
            seen.push(...p.rows.map((r) => r.stayId));
            cursor = p.nextCursor ?? undefined;
          } while (cursor);
          expect(seen).toEqual(wanted);
        });
      }
    }
  }

  it('reads page 1 and the count by index: one range, no sort of every departed', () => {
    const planOf = (sort: ResidentSort) =>
      plansOf(desk.t.ctx.db, () => page(sort, 'desc')).map((p) => p.plan.join('\n'));
    const [count, byCheckIn] = planOf('check_in');
    expect(count).toMatch(
      /^SEARCH departed_stays USING COVERING INDEX departed_stays_\w+ \(site_id=\?\)$/,
    );
    expect(byCheckIn).toMatch(
      /^SEARCH d USING COVERING INDEX departed_stays_check_in \(site_id=\?\)\n/,
    );
    expect(byCheckIn).not.toMatch(/TEMP B-TREE/);
    const [, byEnd] = planOf('observation_end');
    expect(byEnd).toMatch(/USING COVERING INDEX departed_stays_observation_end \(site_id=\?\)/);
    expect(byEnd).not.toMatch(/TEMP B-TREE/);
    const [, byRoom] = planOf('room');
    expect(byRoom).toMatch(/SEARCH s USING INDEX stays_closed_room \(room_id=\?\)/);
    expect(byRoom).toMatch(/USE TEMP B-TREE FOR LAST TERM OF ORDER BY/);
    expect(byRoom).not.toMatch(/SCAN (s|stays)$/m);
  });
});
