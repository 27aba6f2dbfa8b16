import type { BackupKind } from '../../shared/backups';
import { addDays, siteDay } from '../../shared/siteDate';

export const KEEP_LATEST = 10;
export const KEEP_DAILY_DAYS = 30;
/** How long a backup someone asked for, or one taken before a risky step, is kept. */
export const KEEP_SAFETY_DAYS = 30;

/**
 * Taken by the clock (start, schedule): many, alike, and replaced by the next. The others are
 * safety copies (an administrator's, the data before a migration or a restore): few, and often
 * the only copy of what was there before; the automatic ones never push them out.
 */
const AUTOMATIC: readonly BackupKind[] = ['start', 'scheduled'];
export const isAutomatic = (kind: BackupKind): boolean => AUTOMATIC.includes(kind);

export interface Dated {
  name: string;
  kind: BackupKind;
  takenAt: Date;
}

/**
 * Rotation. Automatic backups: keep the newest KEEP_LATEST, and the newest of each site day for
 * the last KEEP_DAILY_DAYS days (today included). Safety copies: keep each for KEEP_SAFETY_DAYS,
 * and always the newest of each kind. Everything else goes. Pure, so it is tested alone.
 */
export function backupsToDelete(backups: readonly Dated[], now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const automatic = newestFirst.filter((b) => isAutomatic(b.kind));
  const keep = new Set(automatic.slice(0, KEEP_LATEST).map((b) => b.name));
  const oldestDay = addDays(siteDay(now), -(KEEP_DAILY_DAYS - 1));
  const daysSeen = new Set<string>();
  for (const backup of automatic) {
    const day = siteDay(backup.takenAt);
    if (day < oldestDay || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }
  const safetyFrom = now.getTime() - KEEP_SAFETY_DAYS * 86_400_000;
  const kindsSeen = new Set<BackupKind>();
  for (const backup of newestFirst.filter((b) => !isAutomatic(b.kind))) {
    if (backup.takenAt.getTime() >= safetyFrom || !kindsSeen.has(backup.kind))
      keep.add(backup.name);
    kindsSeen.add(backup.kind);
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
