import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkInDayOf,
  checkInWarning,
  observationDaysLeft,
  observationEndOf,
  observationOver,
  observationStanding,
  standingOfDaysLeft,
} from './observation';

/**
 * Days are drawn as whole days since 1970-01-01 and turned into YYYY-MM-DD by Date, so the
 * expected answers are plain integer arithmetic, independent of siteDate's helpers.
 */
const DAY_MS = 86_400_000;
const iso = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 2000-01-01 … 2040-12-31, across leap years and month ends. */
const dayNumber = fc.integer({ min: 10_957, max: 25_932 });
const observationDays = fc.integer({ min: 1, max: 60 });

describe('observation standing (one rule for every screen)', () => {
  it('is running with the days left, ends today, or overdue by the days past: never negative', () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, (end, today) => {
        const standing = observationStanding(iso(end), iso(today));
        expect(observationDaysLeft(iso(end), iso(today))).toBe(end - today);
        if (end > today) expect(standing).toEqual({ state: 'running', days: end - today });
        else if (end === today) expect(standing).toEqual({ state: 'ends_today', days: 0 });
        else expect(standing).toEqual({ state: 'overdue', days: today - end });
        expect(standing.days).toBeGreaterThanOrEqual(0);
        // Main sends days left; the renderer words them: both ways give the same standing.
        expect(standingOfDaysLeft(end - today)).toEqual(standing);
      }),
    );
  });

  it('counts down by exactly one a day, through today, into overdue', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -400, max: 400 }), (end, offset) => {
        const today = end - offset;
        const a = observationDaysLeft(iso(end), iso(today));
        const b = observationDaysLeft(iso(end), iso(today + 1));
        expect(a - b).toBe(1);
      }),
    );
  });

  it('a release notice may be printed exactly when the end is today or past', () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, (end, today) => {
        expect(observationOver(iso(end), iso(today))).toBe(end <= today);
      }),
    );
  });

  it('a person years overdue is overdue, not "ends today" (the board once said 今日到期)', () => {
    expect(observationStanding('2020-03-01', '2026-12-06')).toEqual({
      state: 'overdue',
      days: 2471,
    });
  });
});

describe('observation end and the warning at check-in', () => {
  it('ends the observation days after the last exposure, or after check-in without one', () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, observationDays, (exposure, checkIn, days) => {
        expect(
          observationEndOf({
            lastExposureDate: iso(exposure),
            checkInDay: iso(checkIn),
            observationDays: days,
          }),
        ).toBe(iso(exposure + days));
        for (const none of [null, undefined, '']) {
          expect(
            observationEndOf({
              lastExposureDate: none,
              checkInDay: iso(checkIn),
              observationDays: days,
            }),
          ).toBe(iso(checkIn + days));
        }
      }),
    );
  });

  it('warns, with every date, exactly when last exposure + days is on or before check-in', () => {
    fc.assert(
      fc.property(
        dayNumber,
        fc.integer({ min: 0, max: 120 }),
        observationDays,
        (exposure, gap, days) => {
          const checkIn = exposure + gap;
          const warning = checkInWarning({
            lastExposureDate: iso(exposure),
            checkInDay: iso(checkIn),
            observationDays: days,
          });
          const end = exposure + days;
          if (end > checkIn) {
            expect(warning).toBeNull();
            return;
          }
          expect(warning).toEqual({
            lastExposureDate: iso(exposure),
            observationDays: days,
            end: iso(end),
            checkInDay: iso(checkIn),
            state: end === checkIn ? 'ends_today' : 'overdue',
            days: checkIn - end,
          });
        },
      ),
    );
  });

  it('never warns without a last exposure: the observation then starts at check-in', () => {
    fc.assert(
      fc.property(dayNumber, observationDays, (checkIn, days) => {
        expect(
          checkInWarning({
            lastExposureDate: null,
            checkInDay: iso(checkIn),
            observationDays: days,
          }),
        ).toBeNull();
      }),
    );
  });

  it('checks in on the arrival day, or today once that has passed', () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, (arrival, today) => {
        expect(checkInDayOf(iso(arrival), iso(today))).toBe(iso(Math.max(arrival, today)));
      }),
    );
  });
});
