import {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from '../../shared/privacy';
import { addDays, siteDay, siteInstant } from '../../shared/siteDate';
import type { ServiceContext } from '../services/context';

const KEY = 'purgeRetentionDays';

/**
 * Kept in the settings table under its own key (not in the shared Settings object): only the
 * privacy panel reads it.
 */
export function retentionDays(ctx: ServiceContext): number {
  const stored = ctx.db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(KEY);
  const n = Number(stored?.value);
  return Number.isInteger(n) && n >= MIN_RETENTION_DAYS && n <= MAX_RETENTION_DAYS
    ? n
    : DEFAULT_RETENTION_DAYS;
}

export function setRetentionDays(ctx: ServiceContext, days: number): void {
  ctx.db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(KEY, String(days));
}

/** The latest cutoff the retention allows today: stays that ended before this day may go. */
export function latestCutoffDay(ctx: ServiceContext): string {
  return addDays(siteDay(ctx.now()), -retentionDays(ctx));
}

/** 00:00 of the cutoff day on the site's clock, as the UTC instant stored timestamps compare with. */
export const cutoffInstant = (cutoffDay: string): string =>
  siteInstant(cutoffDay, '00:00').toISOString();
