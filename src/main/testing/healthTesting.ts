import { afterEach, beforeEach, expect } from 'vitest';
import type { ArrivalBatch, BatchMember } from '../../shared/people';
import type { SessionHandle } from '../accounts/sessionStore';
import { sessionFor } from './authTesting';
import {
  buildSite,
  checkInto,
  makeDesk,
  occupancyViolations,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from './peopleTesting';
import { roundReadingOf } from '../health/readings';
import { TEST_NOW } from './tempDb';

/**
 * TEST_NOW is 29 November 2026 08:00 UTC = 16:00 at the site. Default rounds: 08:00 (closed at
 * 10:00) and 15:00 (open until 17:00). People check in at 16:00, so the 15:00 round is theirs.
 * Floor 1: P-101 (1 bed), P-102 (1), P-103 (family of 4); floor 2: P-201 (1).
 */
export const DAY = '2026-11-29';
export const LATE_ROUND = 1;

/**
 * A desk over the site above with an arrival batch, replaced before every test of the calling file;
 * after each test nothing may have been logged and no room may be over capacity.
 */
export function healthDeskPerTest() {
  const f = {
    desk: undefined as unknown as Desk,
    site: undefined as unknown as BuiltSite,
    batch: undefined as unknown as ArrivalBatch,
    checkIn: (placements: [PersonPayload, string][]): Promise<BatchMember[]> =>
      checkInto(f.desk, f.batch.id, f.site, placements),
    record: (stayId: number, temperature: number, extra: { slot?: number; day?: string } = {}) =>
      f.desk.invoke('readings.record', {
        stayId,
        day: extra.day ?? DAY,
        slot: extra.slot ?? LATE_ROUND,
        temperature,
        symptoms: [],
        expectedVersion:
          roundReadingOf(f.desk.t.ctx, stayId, extra.day ?? DAY, extra.slot ?? LATE_ROUND)
            ?.version ?? 0,
      }),
    sheet: (extra: { floorId?: number; slot?: number } = {}) =>
      f.desk.call('rounds.sheet', { siteId: f.site.siteId, day: DAY, slot: LATE_ROUND, ...extra }),
    openCases: () => f.desk.call('fever.list', { siteId: f.site.siteId }),
    minutesLater: (minutes: number): SessionHandle => {
      const desk = f.desk;
      desk.tr.clock.now = new Date(desk.tr.clock.now.getTime() + minutes * 60_000);
      desk.t.ctx.now = () => new Date(desk.tr.clock.now);
      desk.handle = sessionFor(desk.tr, desk.userId);
      return desk.handle;
    },
  };

  beforeEach(async () => {
    f.desk = makeDesk();
    f.site = buildSite(f.desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 1, type: 'single' },
          { number: 'P-103', capacity: 4, type: 'family' },
        ],
      },
      { level: 2, rooms: [{ number: 'P-201', capacity: 1, type: 'single' }] },
    ]);
    f.batch = await f.desk.call('arrivals.create', {
      siteId: f.site.siteId,
      label: 'Bus',
      arrivedAt: TEST_NOW.toISOString(),
    });
  });
  afterEach(() => {
    try {
      expect(f.desk.tr.logger.entries).toEqual([]);
      expect(occupancyViolations(f.desk.t.ctx.db)).toEqual([]);
    } finally {
      f.desk.t.close();
    }
  });
  return f;
}
