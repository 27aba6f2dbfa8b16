import type { Db } from '../db/open';

/** What every service function receives: the database and a clock (tests may fix it). */
export interface ServiceContext {
  db: Db;
  now: () => Date;
}

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
