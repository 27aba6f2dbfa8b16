import { useEffect, useState } from 'react';
import { useQuery } from '@renderer/api/useQuery';
import { HEALTH_CHANGED_EVENT } from './healthEvents';

/** How often open fever cases are fetched again (a re-check falls due with no other event). */
const POLL_MS = 60_000;

/** The site's open fever cases, fresh after every health change and every minute. */
export function useFeverCases(siteId: number, skip = false) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(HEALTH_CHANGED_EVENT, bump);
    const timer = window.setInterval(bump, POLL_MS);
    return () => {
      window.removeEventListener(HEALTH_CHANGED_EVENT, bump);
      window.clearInterval(timer);
    };
  }, []);
  return useQuery('fever.list', { siteId, status: 'open' }, { refreshKey: tick, skip });
}
