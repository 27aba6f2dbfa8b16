import type { RosterPeriod } from '../../shared/roster';
import { isoNow, type ActingContext } from '../services/context';
import { DomainError } from '../services/errors';
import { getPeriod } from './periods';
import { rosterGrid } from './grid';

/** Draft → published (version 1). Refused while any hard rule is broken. */
export function publishPeriod(ctx: ActingContext, input: { periodId: number }): RosterPeriod {
  const grid = rosterGrid(ctx, input);
  if (grid.period.status === 'published') {
    throw new DomainError('ROSTER_PUBLISHED', 'This roster is already published');
  }
  if (grid.hardViolations > 0) {
    throw new DomainError('ROSTER_RULE', `${grid.hardViolations} assignments break a hard rule`, {
      count: grid.hardViolations,
      rules: '',
      name: '',
    });
  }
  ctx.db
    .prepare(
      "UPDATE roster_periods SET status = 'published', version = 1, published_at = ?, published_by = ? WHERE id = ?",
    )
    .run(isoNow(ctx), ctx.actor?.userId ?? null, input.periodId);
  return getPeriod(ctx, input.periodId);
}
