import Database from 'better-sqlite3';
import { checkDatabaseFile, type FileCheck } from '../checkFile';

/**
 * Makes a fresh backup copy a self-contained file and checks it whole: the copy carries the WAL
 * flag of the live file, and a single file needs no -wal or -shm beside it.
 */
export function settleAndCheckCopy(path: string, nativeBinding?: string): FileCheck {
  const copy = new Database(path, { fileMustExist: true, nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return checkDatabaseFile(path, { full: true, nativeBinding });
}
