import { describe, expect, it, vi } from 'vitest';
import { fromPicker, INCOMPLETE_DATE, isDay, toPicker } from './pickerValue';

// A computer on Los Angeles time: the pickers still read and write the site's clock.
vi.stubEnv('TZ', 'America/Los_Angeles');

describe("the pickers' values are the contract's texts", () => {
  it('gives back the very day it was given, on any computer', () => {
    for (const day of ['2026-12-06', '2026-03-08', '2026-11-01', '2028-02-29'])
      expect(fromPicker(toPicker(day, false), false)).toBe(day);
  });

  it("shows an instant on the site's clock and gives back an instant to the minute", () => {
    const picked = toPicker('2026-12-05T16:30:25.500Z', true)!;
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2026-12-06 00:30');
    expect(fromPicker(picked, true)).toBe('2026-12-05T16:30:00.000Z');
  });

  it('says a cleared field is empty and a half-typed one is incomplete, never a wrong date', () => {
    expect(fromPicker(null, false)).toBe('');
    const halfTyped = toPicker('2026-12-06', false)!.set('month', NaN);
    expect(fromPicker(halfTyped, false)).toBe(INCOMPLETE_DATE);
    expect(toPicker(INCOMPLETE_DATE, false)).toBeNull();
    expect(toPicker('', true)).toBeNull();
    expect(isDay(INCOMPLETE_DATE)).toBe(false);
    expect(isDay('2026-12-06')).toBe(true);
  });
});
