import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyReport } from '../../reports/dailyReport';
import { residentPage } from '../../residents/residents';
import { roomBoard } from '../../registry/roomBoard';
import { roundSheet } from '../../health/rounds';
import { stockReport } from '../../stock/report';
import { buildSite } from '../../testing/peopleTesting';
import { plansOf } from '../../testing/queryPlans';
import { makeTestContext, type TestContext } from '../../testing/tempDb';

/** A full read of the big tables, not through an index. */
const FULL_SCAN = /^SCAN (s|rd|readings|stays|stock_daily|a|roster_assignments)$/;

describe('migration 0008 district-scale', () => {
  let t: TestContext;
  beforeEach(() => {
    t = makeTestContext();
  });
  afterEach(() => t.close());

  it('gives every screen query an index path: no full read of stays, readings, daily sums', () => {
    const site = buildSite(t.ctx, [
      { level: 1, rooms: [{ number: 'P-101', capacity: 2, type: 'double' }] },
    ]);
    const day = '2026-11-29';
    const plans = plansOf(t.ctx.db, () => {
      roomBoard(t.ctx, { siteId: site.siteId });
      roundSheet(t.ctx, { siteId: site.siteId, day, slot: 0 });
      roundSheet(t.ctx, { siteId: site.siteId, day, slot: 0, floorId: site.floorIds[0]! });
      dailyReport(t.ctx, { siteId: site.siteId, day });
      stockReport(t.ctx, { siteId: site.siteId, from: '2026-11-01', to: day });
      for (const view of ['in_residence', 'due_today', 'departed'] as const) {
        residentPage(t.ctx, {
          siteId: site.siteId,
          view,
          sort: 'room',
          direction: 'asc',
          limit: 50,
        });
      }
    });
    expect(plans.length).toBeGreaterThan(10);
    const scans = plans.filter((p) => p.plan.some((line) => FULL_SCAN.test(line)));
    expect(scans).toEqual([]);
  });
});
