/**
 * Mainland resident identity numbers (GB 11643): 6-digit area, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women), and a check character by ISO 7064 MOD 11-2.
 */
import { siteMidnight } from './siteDate';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type ResidentIdProblem = 'format' | 'check_digit' | 'birth_date';

export interface ResidentIdFacts {
  birthDate: string;
  gender: 'male' | 'female';
}

/** Upper-cases a trailing x; returns the facts encoded in the number, or the first problem. */
export function parseResidentId(
  raw: string,
): { ok: true; value: string; facts: ResidentIdFacts } | { ok: false; problem: ResidentIdProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return { ok: false, problem: 'birth_date' };
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17])
    return { ok: false, problem: 'check_digit' };
  return {
    ok: true,
    value,
    facts: {
      birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
      gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Whole years between a YYYY-MM-DD birth date and a day. */
/** Age at the site's midnight of `on`; null when the birth date is unknown. */
export function ageIfKnown(birthDate: string | null, on: Date): number | null {
  return birthDate ? ageOn(birthDate, siteMidnight(on)) : null;
}

export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age--;
  return age;
}
