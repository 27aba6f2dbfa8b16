import { useApiQuery } from '@renderer/api/useApiQuery';

/** How often open fever cases are fetched again (a re-check falls due with no other event). */
const POLL_MS = 60_000;

/** The site's open fever cases, fresh after every health write (invalidation) and every minute. */
export function useFeverCases(siteId: number, skip = false) {
  return useApiQuery('fever.list', { siteId, status: 'open' }, { skip, refetchInterval: POLL_MS });
}
