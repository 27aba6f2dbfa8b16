import type { RosterPeriod } from '../../shared/roster';
import { daysBetween } from '../../shared/siteDate';
import { cachedStatement } from '../db/statements';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { getActiveSite } from '../registry/sites';

/** A roster covers one week up to a month (and a little: 35 days). */
export const MAX_PERIOD_DAYS = 35;

interface PeriodRow {
  id: number;
  site_id: number;
  starts_on: string;
  ends_on: string;
  status: 'draft' | 'published';
  version: number;
  published_at: string | null;
}

const toPeriod = (r: PeriodRow): RosterPeriod => ({
  id: r.id,
  siteId: r.site_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  version: r.version,
  publishedAt: r.published_at,
});

export function getPeriod(ctx: ServiceContext, id: number): RosterPeriod {
  const row = cachedStatement<[number], PeriodRow>(
    ctx.db,
    'SELECT * FROM roster_periods WHERE id = ?',
  ).get(id);
  if (!row) throw notFound('roster_period', id);
  return toPeriod(row);
}

export function listPeriods(ctx: ServiceContext, input: { siteId: number }): RosterPeriod[] {
  return ctx.db
    .prepare<[number], PeriodRow>(
      'SELECT * FROM roster_periods WHERE site_id = ? ORDER BY starts_on DESC',
    )
    .all(input.siteId)
    .map(toPeriod);
}

/** A new draft roster for the days [startsOn, endsOn]; periods of a site never overlap. */
export function createPeriod(
  ctx: ServiceContext,
  input: { siteId: number; startsOn: string; endsOn: string },
): RosterPeriod {
  getActiveSite(ctx, input.siteId);
  assertBusinessDates(ctx, { startsOn: input.startsOn, endsOn: input.endsOn });
  const days = daysBetween(input.startsOn, input.endsOn) + 1;
  if (days < 1 || days > MAX_PERIOD_DAYS) {
    throw new DomainError(
      'INVALID_INPUT',
      `A roster covers 1–${MAX_PERIOD_DAYS} days`,
      { max: MAX_PERIOD_DAYS },
      { endsOn: days < 1 ? 'before_start' : 'too_long' },
    );
  }
  const clash = ctx.db
    .prepare<[number, string, string], PeriodRow>(
      'SELECT * FROM roster_periods WHERE site_id = ? AND starts_on <= ? AND ends_on >= ?',
    )
    .get(input.siteId, input.endsOn, input.startsOn);
  if (clash) {
    throw new DomainError(
      'PERIOD_OVERLAP',
      `The roster ${clash.starts_on}–${clash.ends_on} covers some of these days`,
      { from: clash.starts_on, to: clash.ends_on },
      { startsOn: 'overlap' },
    );
  }
  const { lastInsertRowid } = ctx.db
    .prepare(
      "INSERT INTO roster_periods (site_id, starts_on, ends_on, status, created_at) VALUES (?, ?, ?, 'draft', ?)",
    )
    .run(input.siteId, input.startsOn, input.endsOn, isoNow(ctx));
  return getPeriod(ctx, Number(lastInsertRowid));
}
