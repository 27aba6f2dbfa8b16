import { describe, expect, it } from 'vitest';
import { project, useOnDay } from './forecastProjection';
import type { DayShifts } from './forecastShifts';

const TODAY = '2026-11-29';
const shifts = (total: number, byPost: [number, number][] = [], byRole: [string, number][] = []) =>
  ({ total, byPost: new Map(byPost), byRole: new Map(byRole), source: 'roster' }) as DayShifts;

describe('one item’s projection', () => {
  it('adds each line’s count: residents, rooms, every shift, a post’s, a role’s', () => {
    const load = { residents: 40, rooms: 31, shifts: shifts(9, [[3, 2]], [['nurse', 4]]) };
    expect(
      useOnDay(
        [
          { basis: 'resident_day', quantity: 2 },
          { basis: 'room_day', quantity: 0.25 },
          { basis: 'staff_shift', quantity: 1 },
          { basis: 'staff_shift', quantity: 3, postId: 3 },
          { basis: 'staff_shift', quantity: 0.5, role: 'nurse' },
          { basis: 'staff_shift', quantity: 7, role: 'driver' },
        ],
        load,
      ),
    ).toBe(2 * 40 + 0.25 * 31 + 9 + 3 * 2 + 0.5 * 4 + 0);
  });

  it('covers whole days, then the part of the day it runs out on; the request covers the horizon and margin', () => {
    // 10 a day for three days, then 20: 45 last 3 days and a quarter of the fourth.
    const daily = [10, 10, 10, 20, 20, 20, 20, 20];
    expect(
      project({
        today: TODAY,
        onHand: 45,
        daily,
        ratePerDay: 99,
        horizonDays: 7,
        marginPercent: 10,
      }),
    ).toEqual({
      basis: 'forecast',
      horizonUse: 110,
      daysOfSupply: 3.7,
      runsOutOn: '2026-12-02',
      requestQuantity: 121 - 45,
    });
  });

  it('goes on at the last day’s use past the window, and never runs out without use', () => {
    expect(
      project({
        today: TODAY,
        onHand: 100,
        daily: [5, 5],
        ratePerDay: null,
        horizonDays: 2,
        marginPercent: 0,
      }),
    ).toMatchObject({ daysOfSupply: 20, runsOutOn: '2026-12-19', requestQuantity: 0 });
    expect(
      project({
        today: TODAY,
        onHand: 100,
        daily: [0, 0],
        ratePerDay: 3,
        horizonDays: 2,
        marginPercent: 0,
      }),
    ).toMatchObject({ basis: 'forecast', daysOfSupply: null, runsOutOn: null, requestQuantity: 0 });
  });

  it('falls back to the rate, else says there is nothing to go on', () => {
    expect(
      project({
        today: TODAY,
        onHand: 25,
        daily: null,
        ratePerDay: 10,
        horizonDays: 7,
        marginPercent: 20,
      }),
    ).toEqual({
      basis: 'rate',
      horizonUse: 70,
      daysOfSupply: 2.5,
      runsOutOn: '2026-12-01',
      requestQuantity: 84 - 25,
    });
    expect(
      project({
        today: TODAY,
        onHand: 25,
        daily: null,
        ratePerDay: null,
        horizonDays: 7,
        marginPercent: 20,
      }),
    ).toEqual({
      basis: 'none',
      horizonUse: 0,
      daysOfSupply: null,
      runsOutOn: null,
      requestQuantity: 0,
    });
  });

  it('does not round up a float a hair above a whole number', () => {
    // 110 × (1 + 10 %) is 121.00000000000001 in floating point: 121 are wanted, not 122.
    expect(
      project({
        today: TODAY,
        onHand: 0,
        daily: [55, 55],
        ratePerDay: null,
        horizonDays: 2,
        marginPercent: 10,
      }).requestQuantity,
    ).toBe(121);
  });
});
