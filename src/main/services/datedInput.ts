import { BUSINESS_YEARS_AHEAD, businessDateErrors } from '../../shared/businessDates';
import { siteDay } from '../../shared/siteDate';
import type { ServiceContext } from './context';
import { DomainError } from './errors';

/**
 * Refuses, naming each field, business dates (days or instants) before 2000-01-01 or more than
 * `yearsAhead` years after the site's today (see shared/businessDates.ts).
 */
export function assertBusinessDates(
  ctx: ServiceContext,
  dated: Record<string, string | undefined>,
  yearsAhead: number = BUSINESS_YEARS_AHEAD,
): void {
  const fields = businessDateErrors(dated, siteDay(ctx.now()), yearsAhead);
  if (Object.keys(fields).length > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `Dates outside 2000-01-01 … ${yearsAhead} year(s) ahead: ${Object.keys(fields).join(', ')}`,
      {},
      fields,
    );
  }
}
