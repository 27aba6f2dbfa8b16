import type { Migration } from './types';

/**
 * MERGE NOTE — stand-in for migration 0015 (record versions, the `versions` branch), written at the
 * same time as 0016 (migrate refuses gaps). When merging, replace it with the real 0015 and delete
 * this file. Databases made on this branch alone (tests) are throwaway and must not be carried over.
 */
export const awaiting0015: Migration = {
  version: 15,
  name: 'awaiting-0015',
  up: () => {},
};
