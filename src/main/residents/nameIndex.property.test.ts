import { beforeAll, describe, expect, it } from 'vitest';
import type { ResidentSort } from '../../shared/residents';
import { siteDay } from '../../shared/siteDate';
import { between, prng } from '../testing/prng';
import { buildSite, makeDesk, person, type BuiltSite, type Desk } from '../testing/peopleTesting';
import { departedRows, departedTotal } from './departedResidents';
import type { Filter } from './residentRows';
import { residentPage, viewFilter } from './residents';
import { residentSearch } from './residentSearch';

/** Names as a district's lists carry them (people named in the Chongchuan bulletin among them). */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙朱钱谭', '欧阳', '司马', '诸葛'];
const GIVEN = [...'浩锁梅真煜元伟芳娜敏静丽强磊军洋明华玉兰红'];
const WHOLE = [
  '刘浩',
  '钱锁梅',
  '谭真',
  '朱煜元',
  '阿依古丽·买买提',
  'ZHANG WEI',
  'Smith John',
  "O'Neil Mary",
  'José García',
  'ÉMILE ZOLA',
  'Anna "Ann" Lee',
  '王',
];

function nameOf(random: () => number, i: number): string {
  if (i < WHOLE.length) return WHOLE[i]!;
  const pick = (list: string[]) => list[between(random, 0, list.length - 1)]!;
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
}

/** Part of a name as someone types it, a room, or what no name holds. */
function queryOf(random: () => number, names: string[]): string {
  const kind = random();
  if (kind < 0.7) {
    const chars = [...names[between(random, 0, names.length - 1)]!];
    const from = between(random, 0, chars.length - 1);
    const part = chars.slice(from, from + between(random, 1, 5)).join('');
    return random() < 0.3 ? part.toLowerCase() : part;
  }
  const others = [
    '1',
    '10',
    '201',
    'P-',
    '%',
    '_',
    '"',
    "'",
    '·',
    'é',
    'É',
    'e',
    'j',
    'ZZZ',
    '刘%',
    '李_',
  ];
  return others[between(random, 0, others.length - 1)]!;
}

const SORTS: ResidentSort[] = ['room', 'check_in', 'observation_end'];

/**
 * The index narrows what a departed search reads; what it shows must stay what reading every
 * departed stay shows: for random parts of the names of 150 residents (most departed, some still
 * in residence, some never placed, one purged), the same count and the same rows in every order,
 * and the same pages through the cursors.
 */
describe('departed search by the name index: the same as reading every stay', () => {
  let desk: Desk;
  let site: BuiltSite;
  const names: string[] = [];

  beforeAll(async () => {
    desk = makeDesk();
    const ctx = desk.t.ctx;
    const random = prng(20);
    site = buildSite(
      ctx,
      [1, 2, 3].map((level) => ({
        level,
        rooms: Array.from({ length: 48 }, (_, n) => ({
          number: `${level}${String(n + 1).padStart(2, '0')}`,
          capacity: 1,
          type: 'single' as const,
        })),
      })),
    );
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '第 1 车',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    for (let i = 0; i < 150; i++) names.push(nameOf(random, i));
    const registered = await desk.call('arrivals.register', {
      batchId: batch.id,
      people: names.map((fullName) => person({ fullName })),
    });
    const roomIds = Object.values(site.rooms);
    const placed = registered.slice(0, 140);
    await desk.call('allocation.confirm', {
      batchId: batch.id,
      lines: placed.map((m, i) => ({ stayId: m.stayId, roomId: roomIds[i % roomIds.length]! })),
    });
    for (const [i, m] of placed.entries()) {
      if (i % 7 === 6) continue; // still in residence
      await desk.call('stays.checkOut', { id: m.stayId, kind: 'release' });
    }
    for (const m of registered.slice(140))
      await desk.call('stays.cancel', { id: m.stayId, reason: '未到达' });
    ctx.db
      .prepare("UPDATE people SET document_number = 'purged:' || id WHERE full_name = ?")
      .run(names[20]!);
  });

  const departedFilter = (q: string): { filter: Filter; candidates: Filter | null } => {
    const view = viewFilter('departed', siteDay(desk.t.ctx.now()));
    const search = residentSearch(q, null);
    return {
      filter: {
        sql: `${view.sql} AND ${search.filter.sql}`,
        params: [...view.params, ...search.filter.params],
      },
      candidates: search.endedStays,
    };
  };

  it('finds the same departed for 300 random searches, through the index wherever it can', () => {
    const db = desk.t.ctx.db;
    const random = prng(2026);
    let indexed = 0;
    let found = 0;
    for (let n = 0; n < 300; n++) {
      const q = queryOf(random, names);
      const { filter, candidates } = departedFilter(q.trim().toUpperCase() === '' ? 'x' : q);
      if (/^[\u4e00-\u9fff·]+$/.test(q)) expect(candidates, q).not.toBeNull();
      if (!candidates) continue;
      indexed++;
      const total = departedTotal(db, site.siteId, filter, true);
      found += total;
      expect(departedTotal(db, site.siteId, filter, true, candidates), q).toBe(total);
      for (const sort of SORTS)
        for (const direction of ['asc', 'desc'] as const) {
          const span = { direction, after: null, limit: 1000 };
          const ids = (c: Filter | null) =>
            departedRows(db, site.siteId, sort, filter, span, c).map((r) => r.stay_id);
          expect(ids(candidates), `${q} ${sort} ${direction}`).toEqual(ids(null));
        }
    }
    // The searches did find people, and the index answered most of them.
    expect(indexed).toBeGreaterThan(250);
    expect(found).toBeGreaterThan(300);
  });

  it('pages a search through its cursors in the order of the whole list, in every sort', () => {
    const db = desk.t.ctx.db;
    for (const q of ['王', '明', '欧阳', 'zhang', '1']) {
      const { filter } = departedFilter(q);
      for (const sort of SORTS)
        for (const direction of ['asc', 'desc'] as const) {
          const whole = departedRows(db, site.siteId, sort, filter, {
            direction,
            after: null,
            limit: 1000,
          }).map((r) => r.stay_id);
          const paged: number[] = [];
          let cursor: string | undefined;
          do {
            const page = residentPage(desk.t.ctx, {
              siteId: site.siteId,
              view: 'departed',
              search: q,
              sort,
              direction,
              limit: 3,
              ...(cursor ? { cursor } : {}),
            });
            expect(page.total).toBe(whole.length);
            paged.push(...page.rows.map((r) => r.stayId));
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          expect(paged, `${q} ${sort} ${direction}`).toEqual(whole);
          expect(whole.length, q).toBeGreaterThan(0);
        }
    }
  });
});
