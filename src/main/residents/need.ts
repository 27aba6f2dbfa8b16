import type { VulnerableFlag } from '../../shared/people';

/** What the need of a person rests on: the derived flags and the age (null when unknown). */
export interface NeedFacts {
  age: number | null;
  vulnerable: readonly VulnerableFlag[];
}

/**
 * How much a person needs an accessible, low room, compared position by position, higher first:
 * a disability, then the age of the elderly (the oldest first), then children, then pregnancy or a
 * chronic illness. An unknown age counts as neither elderly nor a child: the flags derived from
 * it are absent, and the age is not guessed.
 */
export function needOf(p: NeedFacts): number[] {
  const has = (f: VulnerableFlag) => p.vulnerable.includes(f);
  return [
    has('disability') ? 1 : 0,
    has('elderly') && p.age !== null ? p.age : 0,
    has('child') ? 1 : 0,
    has('pregnant') || has('chronic_illness') ? 1 : 0,
  ];
}

/** Negative when `a` is needier than `b`, positive when less needy, 0 when equal. */
export function byNeed(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The need of a household: that of its neediest member. */
export function neediest<T extends NeedFacts>(members: readonly T[]): { who: T; need: number[] } {
  let who = members[0]!;
  let need = needOf(who);
  for (const m of members.slice(1)) {
    const n = needOf(m);
    if (byNeed(n, need) < 0) {
      who = m;
      need = n;
    }
  }
  return { who, need };
}

export const hasNeed = (need: readonly number[]): boolean => need.some((n) => n > 0);
