import { describe, expect, it } from 'vitest';
import { DomainError } from '../services/errors';
import { temperatureTenths } from './temperature';

describe('temperatureTenths', () => {
  it('takes one decimal in 34.0–42.5 and suggests what 373 or 3.73 meant', () => {
    expect(temperatureTenths(36.5)).toBe(365);
    expect(temperatureTenths(34)).toBe(340);
    expect(temperatureTenths(42.5)).toBe(425);
    const refusal = (t: number) => {
      try {
        temperatureTenths(t);
      } catch (e) {
        if (e instanceof DomainError)
          return { code: e.code, hint: e.params?.hint, fields: e.fields };
      }
      return null;
    };
    expect(refusal(373)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '37.3' });
    expect(refusal(3.73)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '37.3' });
    expect(refusal(33.9)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '' });
    expect(refusal(42.6)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE' });
    expect(refusal(37.35)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { temperature: 'one_decimal' },
    });
  });
});
