import type { Migration } from './types';

/**
 * MERGE NOTE — stand-ins for migrations 0007 and 0008, which are being written on other branches
 * at the same time as 0009 (migrate refuses gaps). When merging, replace these two with the real
 * 0007 and 0008 and delete this file. Databases made on this branch alone (tests, bench) are
 * throwaway and must not be carried over.
 */
const awaiting = (version: number): Migration => ({
  version,
  name: `awaiting-${String(version).padStart(4, '0')}`,
  up: () => {},
});

export const awaiting0007 = awaiting(7);
export const awaiting0008 = awaiting(8);
