import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf } from './isoInstant';

const same = (iso: string): void => {
  expect(Object.is(instantOf(iso), Date.parse(iso)), iso).toBe(true);
};

describe('instantOf', () => {
  it('reads every instant the app writes exactly as Date.parse does', () => {
    fc.assert(
      fc.property(
        // From year 100 to 9999, every day of every month, every millisecond.
        fc.integer({ min: -59_011_459_200_000, max: 253_402_300_799_999 }),
        (ms) => {
          const iso = new Date(ms).toISOString();
          expect(instantOf(iso)).toBe(ms);
        },
      ),
      { numRuns: 5000 },
    );
    for (const iso of [
      '2026-11-29T08:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2026-12-31T16:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
    ])
      same(iso);
  });

  it('agrees with Date.parse on anything else too, invalid or not in that shape', () => {
    for (const iso of [
      '2026-02-30T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-10T24:00:00.000Z',
      '2026-01-10T23:60:00.000Z',
      '2026-01-10T23:59:60.000Z',
      '0050-01-10T10:00:00.000Z',
      '2026-01-10T10:00:00.000+08:00',
      '2026-01-10T10:00:00Z',
      '2026-01-10 10:00:00.000Z',
      '2026-01-1aT10:00:00.000Z',
      '2026-01-10T10:00:00.00aZ',
      '2026-01-10',
      '',
    ])
      same(iso);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), (iso) =>
        same(iso),
      ),
      { numRuns: 3000 },
    );
  });
});
