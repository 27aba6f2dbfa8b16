import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, parseResidentId, residentIdCheckChar } from './idNumber';

/**
 * ISO 7064 MOD 11-2 written out from its definition, independently of the weight table in
 * idNumber.ts: position i (1-based from the left of 18) weighs 2^(18 - i) mod 11, and the check
 * character makes the weighted sum ≡ 1 (mod 11); a check value of 10 is written X.
 */
function mod112(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** 17 digits with a real birth date (1900–2099) in positions 7–14. */
const first17 = fc
  .record({
    area: fc.stringMatching(/^\d{6}$/),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.stringMatching(/^\d{3}$/),
  })
  .map(
    ({ area, birth, seq }) =>
      `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`,
  );

describe('resident ID numbers (GB 11643)', () => {
  describe('check character', () => {
    it('matches the examples of the standard', () => {
      expect(residentIdCheckChar('11010519491231002')).toBe('X');
      expect(residentIdCheckChar('44052418800101001')).toBe('4');
      expect(mod112('11010519491231002')).toBe('X');
      expect(mod112('44052418800101001')).toBe('4');
    });

    it('agrees with MOD 11-2 computed from its definition (fast-check)', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
          expect(residentIdCheckChar(body)).toBe(mod112(body));
        }),
        { numRuns: 500 },
      );
    });

    it('accepts a number with its own check character and refuses every other one', () => {
      fc.assert(
        fc.property(first17, fc.constantFrom(...'0123456789X'), (body, last) => {
          const parsed = parseResidentId(body + last);
          if (last === residentIdCheckChar(body)) expect(parsed.ok).toBe(true);
          else expect(parsed).toEqual({ ok: false, problem: 'check_digit' });
        }),
        { numRuns: 500 },
      );
    });

    it('catches any single changed digit of the first 17', () => {
      fc.assert(
        fc.property(first17, fc.nat(16), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
          const id = body + residentIdCheckChar(body);
          const digit = (Number(id[at]) + delta) % 10;
          const changed = id.slice(0, at) + String(digit) + id.slice(at + 1);
          // A change in the birth date may be caught as a bad date first; it is never accepted.
          expect(parseResidentId(changed).ok).toBe(false);
        }),
        { numRuns: 500 },
      );
    });

    it('names a wrong last digit as a check-digit problem', () => {
      expect(parseResidentId('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
      expect(parseResidentId('440524190001010014')).toEqual({ ok: false, problem: 'check_digit' });
    });
  });

  describe('parsing', () => {
    it('returns the number, the birth date and the gender', () => {
      expect(parseResidentId('11010519491231002X')).toEqual({
        ok: true,
        value: '11010519491231002X',
        facts: { birthDate: '1949-12-31', gender: 'female' },
      });
    });

    it('accepts a lower-case x and upper-cases it; trims surrounding blanks', () => {
      expect(parseResidentId('11010519491231002x')).toMatchObject({
        ok: true,
        value: '11010519491231002X',
      });
      expect(parseResidentId('  11010519491231002X \t')).toMatchObject({
        ok: true,
        value: '11010519491231002X',
      });
    });

    it('refuses a birth date that does not exist, even with a right check character', () => {
      const withCheck = (body: string) => body + residentIdCheckChar(body);
      for (const date of [
        '19900230', // 30 February
        '19900231',
        '19900431', // 31 April
        '19901301', // month 13
        '19900001', // month 0
        '19900100', // day 0
        '19000229', // 1900 was not a leap year
        '18991231', // before 1900
      ]) {
        expect(parseResidentId(withCheck(`320602${date}123`)), date).toEqual({
          ok: false,
          problem: 'birth_date',
        });
      }
      for (const date of ['20000229', '20240229', '19900228', '19000101']) {
        expect(parseResidentId(withCheck(`320602${date}123`)).ok, date).toBe(true);
      }
    });

    it('refuses anything that is not 17 digits and a digit or X', () => {
      for (const raw of [
        '',
        '11010519491231002', // 17 characters
        '11010519491231002X1', // 19
        '110105491231002', // the old 15-digit number
        '1101051949123100XX',
        'X10105194912310021',
        '11010519491231002Y',
        '1101051949123I002X', // a letter I for a 1
        '110105 19491231002X',
        '１１０１０５１９４９１２３１００２Ｘ', // full-width digits
        '11010519491231002X\n2',
      ]) {
        expect(parseResidentId(raw), JSON.stringify(raw)).toEqual({ ok: false, problem: 'format' });
      }
    });

    it('reads the gender from the 17th digit: odd is male, even is female', () => {
      fc.assert(
        fc.property(first17, (body) => {
          const parsed = parseResidentId(body + residentIdCheckChar(body));
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.facts.gender).toBe(Number(body[16]) % 2 === 1 ? 'male' : 'female');
          expect(parsed.facts.birthDate.replaceAll('-', '')).toBe(body.slice(6, 14));
        }),
        { numRuns: 300 },
      );
      const body = '3206021990010112';
      for (const d of '0123456789') {
        const parsed = parseResidentId(body + d + residentIdCheckChar(body + d));
        expect(parsed.ok && parsed.facts.gender).toBe(Number(d) % 2 ? 'male' : 'female');
      }
    });
  });

  describe('ageOn', () => {
    const on = (day: string) => new Date(`${day}T12:00:00Z`);

    it('counts whole years, turning over on the birthday itself', () => {
      expect(ageOn('1961-11-29', on('2026-11-28'))).toBe(64);
      expect(ageOn('1961-11-29', on('2026-11-29'))).toBe(65);
      expect(ageOn('1961-11-29', on('2026-11-30'))).toBe(65);
      expect(ageOn('1961-12-01', on('2026-11-29'))).toBe(64);
      expect(ageOn('1961-10-30', on('2026-11-29'))).toBe(65);
      expect(ageOn('2012-11-30', on('2026-11-29'))).toBe(13);
      expect(ageOn('2012-11-29', on('2026-11-29'))).toBe(14);
      expect(ageOn('2026-11-29', on('2026-11-29'))).toBe(0);
    });

    it('treats 29 February birthdays as turning over on 1 March in common years', () => {
      expect(ageOn('2000-02-29', on('2001-02-28'))).toBe(0);
      expect(ageOn('2000-02-29', on('2001-03-01'))).toBe(1);
      expect(ageOn('2000-02-29', on('2004-02-29'))).toBe(4);
    });

    it('agrees with counting birthdays one by one (fast-check)', () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1900-01-01'),
            max: new Date('2030-12-31'),
            noInvalidDate: true,
          }),
          fc.date({
            min: new Date('1900-01-01'),
            max: new Date('2099-12-31'),
            noInvalidDate: true,
          }),
          (birth, day) => {
            fc.pre(birth <= day);
            const b = birth.toISOString().slice(0, 10);
            const today = day.toISOString().slice(0, 10);
            let age = Number(today.slice(0, 4)) - Number(b.slice(0, 4));
            if (today.slice(5) < b.slice(5)) age--;
            expect(ageOn(b, day)).toBe(age);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
