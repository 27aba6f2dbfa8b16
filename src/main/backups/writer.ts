import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/backups';
import type { Db } from '../db/open';
import { fsyncFile } from '../db/replaceFile';
import { makePrivate } from '../platform/dataDir';
import { checkDatabaseFile } from './checkFile';
import { backupFileName, partialName } from './names';

export interface WriteBackupOptions {
  kind: BackupKind;
  now: Date;
  /** 0–1, as SQLite copies pages. */
  onProgress?: (fraction: number) => void;
  nativeBinding?: string;
}

/** The copy did not pass integrity_check: nothing was kept under a backup's name. */
export class BackupCheckError extends Error {
  constructor(detail: string) {
    super(`The new backup failed its integrity check: ${detail}`);
    this.name = 'BackupCheckError';
  }
}

/**
 * SQLite's online backup of the open database (a consistent snapshot even while the desk keeps
 * writing; never a copy of the live file) into `<name>.partial`, made a self-contained
 * rollback-journal file, checked with integrity_check, flushed, and only then renamed to its name.
 */
export async function writeBackup(
  db: Db,
  folder: string,
  options: WriteBackupOptions,
): Promise<BackupInfo> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = backupFileName(options.now, options.kind);
  const final = join(folder, name);
  const temp = join(folder, partialName(name));
  rmSync(temp, { force: true });
  try {
    await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages > 0 ? 1 - remainingPages / totalPages : 1);
        return 100;
      },
    });
    // The copy carries the WAL flag of the live file; a single file needs no -wal or -shm beside it.
    const copy = new Database(temp, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkDatabaseFile(temp, { full: true, nativeBinding: options.nativeBinding });
    if (!check.ok) throw new BackupCheckError(check.detail);
    makePrivate(temp);
    fsyncFile(temp);
    renameSync(temp, final);
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
  options.onProgress?.(1);
  return {
    name,
    kind: options.kind,
    takenAt: options.now.toISOString(),
    sizeBytes: statSync(final).size,
  };
}
