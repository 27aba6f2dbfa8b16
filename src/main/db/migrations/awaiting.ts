import type { Migration } from './types';

/**
 * MERGE NOTE — stand-ins for migrations 0015 (record versions) and 0016 (device sessions), which
 * are being written on other branches at the same time as 0017 (migrate refuses gaps). When
 * merging, replace these two with the real 0015 and 0016 and delete this file. Databases made on
 * this branch alone (tests, bench) are throwaway and must not be carried over.
 */
const awaiting = (version: number): Migration => ({
  version,
  name: `awaiting-${String(version).padStart(4, '0')}`,
  up: () => {},
});

export const awaiting0016 = awaiting(16);
