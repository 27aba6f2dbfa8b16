import type { Migration } from './types';

/**
 * MERGE NOTE — stand-ins for migrations 0013 (arrivals) and 0014 (donations), which are being
 * written on other branches at the same time as 0015 (migrate refuses gaps). When merging, replace
 * these two with the real 0013 and 0014 and delete this file. Databases made on this branch alone
 * (tests, bench) are throwaway and must not be carried over.
 */
const awaiting = (version: number): Migration => ({
  version,
  name: `awaiting-${String(version).padStart(4, '0')}`,
  up: () => {},
});

export const awaiting0013 = awaiting(13);
export const awaiting0014 = awaiting(14);
