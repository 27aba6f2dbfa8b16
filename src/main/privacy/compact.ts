import { statSync } from 'node:fs';
import type { Db } from '../db/open';

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** The database file and its WAL, in bytes. */
export const storedBytes = (db: Db): number => sizeOf(db.name) + sizeOf(`${db.name}-wal`);

/**
 * After the purge has committed: VACUUM rewrites the file from the live rows only (freed pages,
 * which secure_delete already zeroed, and their old copies go), and a TRUNCATE checkpoint copies
 * the WAL into the file and empties it, so no earlier frame with a deleted value stays on disk.
 * Must run outside any transaction. A busy file is reported, not thrown: the purge itself has
 * committed, and running it again compacts.
 */
export function compactAfterPurge(db: Db): { compacted: boolean; walTruncated: boolean } {
  let compacted = false;
  try {
    db.exec('VACUUM');
    compacted = true;
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return { compacted, walTruncated: result?.busy === 0 && sizeOf(`${db.name}-wal`) === 0 };
  } catch {
    return { compacted, walTruncated: false };
  }
}
