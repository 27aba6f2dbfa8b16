import { describe, expect, it, vi } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDay,
  formatInstantDay,
  formatWeekdayHead,
  printDateTime,
  printDay,
  printInstantDay,
  siteWallClock,
} from './dates';

// An office PC set to English (United States) on New York time: nothing the desk shows may follow it.
vi.stubEnv('TZ', 'America/New_York');

// 00:30 on 6 December at the site is still the evening of the 5th in New York and in UTC.
const JUST_AFTER_SITE_MIDNIGHT = '2026-12-05T16:30:00.000Z';

describe('the machine this test runs on is not the site', () => {
  it('reads the instant on another day and hour than the site does', () => {
    const local = new Date(JUST_AFTER_SITE_MIDNIGHT);
    expect(local.getDate()).toBe(5);
    expect(local.getHours()).toBe(11);
    expect(local.toLocaleDateString('en-US')).toBe('12/5/2026');
  });
});

describe('dates on screen: one format in both languages', () => {
  it('shows a day as YYYY-MM-DD', () => {
    expect(formatDay('2026-12-06')).toBe('2026-12-06');
  });

  it("shows an instant on the site's clock, whatever the computer's time zone", () => {
    expect(formatDateTime(JUST_AFTER_SITE_MIDNIGHT)).toBe('2026-12-06 00:30');
    expect(formatInstantDay(JUST_AFTER_SITE_MIDNIGHT)).toBe('2026-12-06');
    expect(formatClock(JUST_AFTER_SITE_MIDNIGHT)).toBe('00:30');
    expect(siteWallClock('2026-12-06T00:30:00Z')).toBe('2026-12-06T08:30');
  });

  it('keeps the site clock on the days New York changes its clocks', () => {
    // 8 March 2026, 07:30 UTC: New York has just sprung forward; the site has no daylight saving.
    expect(formatDateTime('2026-03-08T07:30:00Z')).toBe('2026-03-08 15:30');
    expect(formatDateTime('2026-11-01T06:30:00Z')).toBe('2026-11-01 14:30');
  });

  it('shows nothing for something that is no instant, rather than a wrong date', () => {
    expect(formatDateTime('not a time')).toBe('');
    expect(formatInstantDay('')).toBe('');
  });

  it('heads a roster column with the day and its weekday in the desk language', () => {
    // 6 December 2026 is a Sunday.
    expect(formatWeekdayHead('2026-12-06', 'zh-CN')).toBe('12-06 周日');
    expect(formatWeekdayHead('2026-12-07', 'en')).toBe('12-07 Mon');
  });
});

describe('dates on paper: the written form of each language', () => {
  it('prints a day as 2026年12月6日 in Chinese and 6 Dec 2026 in English', () => {
    expect(printDay('2026-12-06', 'zh-CN')).toBe('2026年12月6日');
    expect(printDay('2026-12-06', 'en')).toBe('6 Dec 2026');
  });

  it('names every month in English', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      printDay(`2027-${String(i + 1).padStart(2, '0')}-15`, 'en'),
    );
    expect(months.map((d) => d.split(' ')[1]).join(' ')).toBe(
      'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
    );
  });

  it("prints an instant's day and time on the site's clock", () => {
    expect(printInstantDay(JUST_AFTER_SITE_MIDNIGHT, 'zh-CN')).toBe('2026年12月6日');
    expect(printDateTime(JUST_AFTER_SITE_MIDNIGHT, 'zh-CN')).toBe('2026年12月6日 00:30');
    expect(printDateTime(JUST_AFTER_SITE_MIDNIGHT, 'en')).toBe('6 Dec 2026 00:30');
  });

  it('prints a text that is no day as it is', () => {
    expect(printDay('unknown', 'zh-CN')).toBe('unknown');
  });
});
