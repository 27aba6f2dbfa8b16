import { describe, expect, it } from 'vitest';
import { clockSpan, shiftHours } from './roster';

describe('shiftHours', () => {
  it('prints start–end as the notice board reads it, midnight as 24:00, overnight and 24 h duty', () => {
    expect(shiftHours({ start: '08:00', durationMinutes: 480 })).toBe('08:00–16:00');
    expect(shiftHours({ start: '16:00', durationMinutes: 480 })).toBe('16:00–24:00');
    expect(shiftHours({ start: '00:00', durationMinutes: 480 })).toBe('00:00–08:00');
    expect(shiftHours({ start: '20:00', durationMinutes: 720 })).toBe('20:00–08:00');
    expect(shiftHours({ start: '08:00', durationMinutes: 1440 })).toBe('08:00–08:00');
    expect(shiftHours({ start: '07:30', durationMinutes: 525 })).toBe('07:30–16:15');
  });
});

describe('clockSpan', () => {
  it('prints an end at midnight as 24:00, every other end as it is', () => {
    expect(clockSpan('16:00', '00:00')).toBe('16:00–24:00');
    expect(clockSpan('20:00', '08:00')).toBe('20:00–08:00');
    expect(clockSpan('00:00', '08:00')).toBe('00:00–08:00');
  });
});
