import { afterAll, bench, describe } from 'vitest';
import { STAFF_ROLES } from '../src/shared/roster';
import { autoFillPeriod } from '../src/main/roster/autoFillPeriod';
import { rosterGrid } from '../src/main/roster/grid';
import { createPeriod } from '../src/main/roster/periods';
import { createPost, createTemplate } from '../src/main/roster/posts';
import { createStaff } from '../src/main/roster/staff';
import { createSite } from '../src/main/registry/sites';
import { makeTestContext } from '../src/main/testing/tempDb';

/**
 * A month's roster on a real database file: 200 staff over 8 roles, 12 posts each needing one
 * of two roles, three 8-hour shifts a day, 28 days. Goals: auto-fill ≤ 5 s with no hard violation;
 * the month grid's data ≤ 50 ms.
 */
const t = makeTestContext();
const { ctx } = t;
const ROLES = STAFF_ROLES.slice(0, 8);

const { periodIds } = ctx.db
  .transaction(() => {
    const site = createSite(ctx, { name: '排班基准', address: '' });
    const shifts = [
      createTemplate(ctx, {
        siteId: site.id,
        name: '夜',
        start: '00:00',
        end: '08:00',
        nextDay: false,
      }),
      createTemplate(ctx, {
        siteId: site.id,
        name: '白',
        start: '08:00',
        end: '16:00',
        nextDay: false,
      }),
      createTemplate(ctx, {
        siteId: site.id,
        name: '中',
        start: '16:00',
        end: '24:00',
        nextDay: false,
      }),
    ];
    for (let i = 0; i < 12; i++) {
      createPost(ctx, {
        siteId: site.id,
        name: `岗位${i + 1}`,
        roles: [ROLES[i % 8]!, ROLES[(i + 3) % 8]!],
        headCount: 1,
        sortOrder: i,
        templateIds: shifts.map((s) => s.id),
      });
    }
    for (let i = 0; i < 200; i++) {
      createStaff(ctx, {
        fullName: `员工${i}`,
        role: ROLES[i % 8]!,
        unit: '',
        phone: '',
        skills: [],
        maxHoursWeek: 48,
      });
    }
    // One 28-day period per benchmark iteration, so each fill starts from empty.
    const periodIds = Array.from({ length: 6 }, (_, k) => {
      const start = new Date(Date.UTC(2027, 0, 4 + k * 35)).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2027, 0, 4 + k * 35 + 27)).toISOString().slice(0, 10);
      return createPeriod(ctx, { siteId: site.id, startsOn: start, endsOn: end }).id;
    });
    return { periodIds };
  })
  .immediate();

let next = 0;
let filledPeriod = periodIds[0]!;

afterAll(() => t.close());

describe('a month: 200 staff × 12 posts × 3 shifts × 28 days', () => {
  bench(
    'roster.autoFill, one transaction (goal ≤ 5 s, 0 hard violations)',
    () => {
      const periodId = periodIds[next++ % periodIds.length]!;
      const result = ctx.db.transaction(() => autoFillPeriod(ctx, { periodId })).immediate();
      if (result.grid.hardViolations !== 0) throw new Error('hard violations after auto-fill');
      filledPeriod = periodId;
    },
    { iterations: 3, warmupIterations: 0 },
  );
  bench('roster.grid of the filled month (goal ≤ 50 ms)', () => {
    rosterGrid(ctx, { periodId: filledPeriod });
  });
});
