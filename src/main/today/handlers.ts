import type { DomainHandlers } from '../services/handlerMap';
import { todayOverview } from './overview';

/** The home screen (今日概况). */
export const todayHandlers = {
  'today.overview': todayOverview,
} satisfies DomainHandlers;
