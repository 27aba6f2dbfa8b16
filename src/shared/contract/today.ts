import { z } from 'zod';
import type { TodayOverview } from '../today';
import { method } from './define';
import { id } from './fields';

export const todayMethods = {
  /** Every signed-in role: the service leaves out the parts the caller's roles may not see. */
  'today.overview': method<TodayOverview>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'session',
  }),
};
