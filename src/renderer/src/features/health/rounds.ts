import { SITE_TIME_ZONE } from '@shared/siteDate';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The round under way at the site now: the last one whose time has come (the first before any). */
export function currentSlot(roundTimes: readonly string[], now: Date): number {
  const hhmm = clock.format(now);
  let slot = 0;
  roundTimes.forEach((time, i) => {
    if (time <= hhmm) slot = i;
  });
  return slot;
}
