import { copyFileSync } from 'node:fs';
import { fsyncFile, removeWithJournals, restoringName, type SwapStep } from './replaceFile';
import { openDatabase, type Db } from './open';

export interface IncomingCopyOptions {
  nativeBinding?: string;
  /** Writes into the opened copy (the restore's audit row); throws to abandon the restore. */
  prepare: (incoming: Db) => void;
  step?: SwapStep;
}

/**
 * Copies a checked backup to `<file>.restoring`, brings its schema up to date, lets `prepare`
 * write into it, and leaves it one self-contained, flushed file ready to be swapped in. The
 * backup itself stays as it was (it is the copy from before any migration). On failure nothing
 * is left behind.
 */
export function prepareIncomingCopy(
  file: string,
  source: string,
  options: IncomingCopyOptions,
): string {
  const incoming = restoringName(file);
  removeWithJournals(incoming);
  try {
    copyFileSync(source, incoming);
    options.step?.('incoming copied');
    const db = openDatabase(incoming, { nativeBinding: options.nativeBinding });
    try {
      options.prepare(db);
      // Fold the log into the file: only the file is renamed into place.
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fsyncFile(incoming);
    options.step?.('incoming prepared');
    return incoming;
  } catch (error) {
    removeWithJournals(incoming);
    throw error;
  }
}
