import { addDays, siteDay } from '../../../shared/siteDate';

export const KEEP_LATEST = 10;
export const KEEP_DAILY_DAYS = 30;

export interface Dated {
  name: string;
  takenAt: Date;
}

/**
 * Rotation: keep the newest KEEP_LATEST, and the newest of each site day for the last
 * KEEP_DAILY_DAYS days (today included); everything else goes. Pure, so it is tested alone.
 */
export function backupsToDelete(backups: readonly Dated[], now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set(newestFirst.slice(0, KEEP_LATEST).map((b) => b.name));
  const oldestDay = addDays(siteDay(now), -(KEEP_DAILY_DAYS - 1));
  const daysSeen = new Set<string>();
  for (const backup of newestFirst) {
    const day = siteDay(backup.takenAt);
    if (day < oldestDay || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
