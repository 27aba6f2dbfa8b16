import { describe, expect, it } from 'vitest';
import { currentSlot } from './rounds';

describe('currentSlot', () => {
  const times = ['08:00', '15:00'];
  it('picks the last round whose time has come at the site (UTC+8), the first before any', () => {
    expect(currentSlot(times, new Date('2026-11-29T23:30:00Z'))).toBe(0); // 07:30 next day
    expect(currentSlot(times, new Date('2026-11-29T00:00:00Z'))).toBe(0); // 08:00
    expect(currentSlot(times, new Date('2026-11-29T06:59:00Z'))).toBe(0); // 14:59
    expect(currentSlot(times, new Date('2026-11-29T07:00:00Z'))).toBe(1); // 15:00
    expect(currentSlot(times, new Date('2026-11-29T15:59:00Z'))).toBe(1); // 23:59
  });
});
