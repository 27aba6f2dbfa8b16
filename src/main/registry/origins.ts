import type { Origin } from '../../shared/people';
import type { ServiceContext } from '../services/context';

/** The streets and communities people come from (seeded from the district bulletin). */
export function listOrigins(ctx: ServiceContext): Origin[] {
  return ctx.db
    .prepare<[], Origin>(
      'SELECT id, street, community FROM origins WHERE retired_at IS NULL ORDER BY street, community',
    )
    .all();
}
