import { receivedInstant } from '../../shared/receivedInstant';
import { addDays, siteDay } from '../../shared/siteDate';
import { getSettings } from '../accounts/settings';
import type { ActingContext, ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';

/** The instant a receipt is dated for goods that arrived on a site day (see receivedInstant). */
export const receivedAt = (ctx: ServiceContext, day: string): string =>
  receivedInstant(day, ctx.now());

/** Whether goods received on this site day are dated back further than the caller may. */
export function tooLongAgo(ctx: ActingContext, day: string): boolean {
  const limit = getSettings(ctx).receiptBackdateDays;
  return day < addDays(siteDay(ctx.now()), -limit) && !ctx.actor?.roles.includes('administrator');
}

/**
 * Goods cannot arrive after today; entered after the fact, they may be dated back as far as the
 * setting allows, and earlier only by an administrator (the audit keeps both the day they arrived,
 * occurred_at, and the moment they were entered, created_at).
 */
export function assertReceivedOn(ctx: ActingContext, occurredAt: string, field: string): void {
  const day = siteDay(new Date(occurredAt));
  const today = siteDay(ctx.now());
  if (day > today) {
    throw new DomainError(
      'INVALID_INPUT',
      `Goods cannot arrive after today (${day})`,
      { day },
      { [field]: 'received_in_future' },
    );
  }
  const limit = getSettings(ctx).receiptBackdateDays;
  if (tooLongAgo(ctx, day)) {
    throw new DomainError(
      'RECEIVED_TOO_LONG_AGO',
      `Goods received on ${day}, more than ${limit} days ago, are entered by an administrator`,
      { day, limit },
      { [field]: 'received_before_limit' },
    );
  }
}
