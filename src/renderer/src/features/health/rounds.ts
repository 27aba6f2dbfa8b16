import { formatClock } from '@renderer/i18n/dates';

/** The round under way at the site now: the last one whose time has come (the first before any). */
export function currentSlot(roundTimes: readonly string[], now: Date): number {
  const hhmm = formatClock(now.toISOString());
  let slot = 0;
  roundTimes.forEach((time, i) => {
    if (time <= hhmm) slot = i;
  });
  return slot;
}
