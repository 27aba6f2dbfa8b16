import { describe, expect, it } from 'vitest';
import type { VulnerableFlag } from '../../shared/people';
import { byNeed, hasNeed, neediest, needOf } from './need';

const p = (age: number | null, ...vulnerable: VulnerableFlag[]) => ({ age, vulnerable });

describe('need order (who gets accessible and low rooms first)', () => {
  it('puts a disability first, then the elderly oldest first, then children, then the rest', () => {
    const people = [
      { name: 'pregnant 30', ...p(30, 'pregnant') },
      { name: 'none 40', ...p(40) },
      { name: 'elderly 66', ...p(66, 'elderly') },
      { name: 'child 8', ...p(8, 'child') },
      { name: 'disabled 45', ...p(45, 'disability') },
      { name: 'elderly 84', ...p(84, 'elderly') },
      { name: 'elderly 70, chronic', ...p(70, 'elderly', 'chronic_illness') },
    ];
    const order = [...people].sort((a, b) => byNeed(needOf(a), needOf(b))).map((x) => x.name);
    expect(order).toEqual([
      'disabled 45',
      'elderly 84',
      'elderly 70, chronic',
      'elderly 66',
      'child 8',
      'pregnant 30',
      'none 40',
    ]);
  });

  it('does not guess an unknown age: neither elderly nor a child, a disability still counts', () => {
    expect(hasNeed(needOf(p(null)))).toBe(false);
    // Even were a flag derived wrongly, an unknown age adds no years to the need.
    expect(needOf(p(null, 'elderly'))).toEqual([0, 0, 0, 0]);
    expect(needOf(p(null, 'disability'))).toEqual([1, 0, 0, 0]);
  });

  it('ranks a household by its neediest member', () => {
    const household = [p(50), p(94, 'elderly'), p(12, 'child')];
    const { who, need } = neediest(household);
    expect(who).toBe(household[1]);
    expect(byNeed(need, needOf(p(88, 'elderly')))).toBeLessThan(0);
    expect(byNeed(need, need)).toBe(0);
  });
});
