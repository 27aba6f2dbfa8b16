import { describe, expect, it } from 'vitest';
import { expectedVersion } from '../../shared/contract/fields';
import { slotVersionOf } from './slotVersion';

const KEY = { postId: 3, templateId: 2, day: '2026-12-06' };

describe('slotVersionOf', () => {
  it('is the same for the same rows in any order, and fits the contract’s version', () => {
    const rows = [
      { id: 501, staffId: 12 },
      { id: 502, staffId: 40 },
    ];
    const token = slotVersionOf(KEY, rows);
    expect(slotVersionOf(KEY, [...rows].reverse())).toBe(token);
    expect(expectedVersion.safeParse(token).success).toBe(true);
    expect(token).toBeLessThan(2 ** 48);
  });

  it('tells apart every state of a month of slots: who is on it, which row, which slot', () => {
    const seen = new Set<number>();
    let states = 0;
    for (let day = 1; day <= 31; day++)
      for (let post = 1; post <= 7; post++)
        for (let staff = 1; staff <= 40; staff++) {
          const key = {
            postId: post,
            templateId: 1,
            day: `2026-12-${String(day).padStart(2, '0')}`,
          };
          seen.add(slotVersionOf(key, []));
          seen.add(slotVersionOf(key, [{ id: 1000 + staff, staffId: staff }]));
          // A swap: the same staff member on a new row is a new state.
          seen.add(slotVersionOf(key, [{ id: 2000 + staff, staffId: staff }]));
          seen.add(
            slotVersionOf(key, [
              { id: 1000 + staff, staffId: staff },
              { id: 3000 + staff, staffId: 41 + (staff % 9) },
            ]),
          );
          states += staff === 1 ? 4 : 3; // the empty slot is one state per key
        }
    expect(seen.size).toBe(states);
  });
});
