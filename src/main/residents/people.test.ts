import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../shared/idNumber';
import { residentId, withWrongCheckChar } from '../testing/peopleTesting';
import { checkDocument, vulnerableFlags } from './people';

const ID = residentId('1990-01-01', 'male', 7);

describe('people: document checks', () => {
  const check = (over: Partial<Parameters<typeof checkDocument>[0]>) =>
    checkDocument({
      documentType: 'resident_id',
      documentNumber: ID,
      birthDate: '1990-01-01',
      gender: 'male',
      ...over,
    });

  it('accepts a resident ID that agrees with the form, upper-casing a trailing x', () => {
    expect(check({})).toEqual({ number: ID, birthDate: '1990-01-01', fields: {} });
    const body = '11010519491231002';
    expect(residentIdCheckChar(body)).toBe('X');
    expect(
      check({ documentNumber: `${body}x`, birthDate: '1949-12-31', gender: 'female' }),
    ).toEqual({ number: `${body}X`, birthDate: '1949-12-31', fields: {} });
  });

  it('takes the birth date from a resident ID when none is given; a passport’s stays unknown', () => {
    expect(check({ birthDate: null })).toEqual({ number: ID, birthDate: '1990-01-01', fields: {} });
    expect(check({ documentType: 'passport', documentNumber: 'E1', birthDate: null })).toEqual({
      number: 'E1',
      birthDate: null,
      fields: {},
    });
  });

  it('names the problem of a bad resident ID on documentNumber', () => {
    expect(check({ documentNumber: withWrongCheckChar(ID) }).fields).toEqual({
      documentNumber: 'id_check_digit',
    });
    expect(check({ documentNumber: ID.slice(0, 17) }).fields).toEqual({
      documentNumber: 'id_format',
    });
    const feb30 = '32060219900230123';
    expect(check({ documentNumber: feb30 + residentIdCheckChar(feb30) }).fields).toEqual({
      documentNumber: 'id_birth_date',
    });
  });

  it('names birth date and gender that disagree with the number, each on its own field', () => {
    expect(check({ birthDate: '1990-01-02' }).fields).toEqual({ birthDate: 'id_birth_mismatch' });
    expect(check({ gender: 'female' }).fields).toEqual({ gender: 'id_gender_mismatch' });
    expect(check({ birthDate: '1991-01-01', gender: 'female' }).fields).toEqual({
      birthDate: 'id_birth_mismatch',
      gender: 'id_gender_mismatch',
    });
  });

  it('does not checksum passports and permits, but stores them trimmed and upper-cased', () => {
    for (const documentType of ['passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const) {
      expect(
        check({
          documentType,
          // Would fail every resident-ID check: wrong check digit, other birth date and gender.
          documentNumber: ` ${withWrongCheckChar(ID)} `,
          birthDate: '2001-05-05',
          gender: 'female',
        }),
        documentType,
      ).toEqual({ number: withWrongCheckChar(ID), birthDate: '2001-05-05', fields: {} });
    }
    expect(check({ documentType: 'passport', documentNumber: 'e1234567x' })).toEqual({
      number: 'E1234567X',
      birthDate: '1990-01-01',
      fields: {},
    });
  });
});

describe('people: vulnerable flags', () => {
  const NOW = new Date('2026-11-29T08:00:00Z');
  const flags = (
    birthDate: string | null,
    extra: Partial<Parameters<typeof vulnerableFlags>[0]> = {},
  ) =>
    vulnerableFlags(
      { birthDate, pregnant: false, chronicIllness: false, disability: false, ...extra },
      NOW,
    );

  it('flags the elderly from their 65th birthday and children before their 14th', () => {
    expect(flags('1961-11-29')).toEqual(['elderly']);
    expect(flags('1961-11-30')).toEqual([]);
    expect(flags('1930-01-01')).toEqual(['elderly']);
    expect(flags('2012-11-30')).toEqual(['child']);
    expect(flags('2012-11-29')).toEqual([]);
    expect(flags('2026-11-01')).toEqual(['child']);
    expect(flags('1990-06-15')).toEqual([]);
  });

  it('makes someone whose birth date is unknown neither elderly nor a child', () => {
    expect(flags(null)).toEqual([]);
    expect(flags(null, { disability: true })).toEqual(['disability']);
  });

  it('adds pregnancy, chronic illness and disability as declared, in a fixed order', () => {
    expect(flags('1990-06-15', { pregnant: true })).toEqual(['pregnant']);
    expect(flags('1950-06-15', { chronicIllness: true, disability: true })).toEqual([
      'elderly',
      'chronic_illness',
      'disability',
    ]);
    expect(flags('2020-01-01', { pregnant: true, chronicIllness: true, disability: true })).toEqual(
      ['child', 'pregnant', 'chronic_illness', 'disability'],
    );
  });
});
