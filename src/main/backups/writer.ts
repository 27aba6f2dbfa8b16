import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/backups';
import type { Db } from '../db/open';
import { fsyncFile } from '../db/replaceFile';
import { makePrivate } from '../platform/dataDir';
import { checkCopyOffThread } from './copyCheck/offThread';
import { backupFileName, partialName } from './names';
import type { SealingKey } from './vault/backupKeys';
import { sealFile } from './vault/sealedFile';

export interface WriteBackupOptions {
  kind: BackupKind;
  now: Date;
  /** 0–1, as SQLite copies pages. */
  onProgress?: (fraction: number) => void;
  nativeBinding?: string;
  /**
   * Seal the backup with this key. The plain copy is made and checked in `workDir` (the data
   * folder's, on the desk's own disk: never on the USB stick the backup goes to) and removed.
   */
  sealing?: { key: SealingKey; workDir: string };
  /** Reads the checked plain copy (the audit anchor) before it goes; a throw removes the backup. */
  inspect?: (plainCopy: string, info: BackupInfo) => void;
}

/** The copy did not pass integrity_check: nothing was kept under a backup's name. */
export class BackupCheckError extends Error {
  constructor(detail: string) {
    super(`The new backup failed its integrity check: ${detail}`);
    this.name = 'BackupCheckError';
  }
}

const removeWithJournal = (path: string): void => {
  rmSync(path, { force: true });
  rmSync(`${path}-journal`, { force: true });
};

/**
 * SQLite's online backup of the open database (a consistent snapshot even while the desk keeps
 * writing; never a copy of the live file) into `path`, made a self-contained rollback-journal
 * file and checked with integrity_check, on a worker thread (the desk keeps answering meanwhile).
 */
async function checkedCopy(db: Db, path: string, options: WriteBackupOptions): Promise<void> {
  await db.backup(path, {
    progress: ({ totalPages, remainingPages }) => {
      options.onProgress?.(totalPages > 0 ? 1 - remainingPages / totalPages : 1);
      return 100;
    },
  });
  const check = await checkCopyOffThread(path, options.nativeBinding);
  if (!check.ok) throw new BackupCheckError(check.detail);
}

/**
 * A checked copy, sealed when a key is given, flushed and written as `<name>.partial`, and only
 * then renamed to its name: a backup's name always means a whole, checked file.
 */
export async function writeBackup(
  db: Db,
  folder: string,
  options: WriteBackupOptions,
): Promise<BackupInfo> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { sealing } = options;
  const name = backupFileName(options.now, options.kind, sealing !== undefined);
  const final = join(folder, name);
  const temp = join(folder, partialName(name));
  const plain = sealing
    ? join(sealing.workDir, partialName(backupFileName(options.now, options.kind)))
    : temp;
  if (sealing) mkdirSync(sealing.workDir, { recursive: true, mode: 0o700 });
  removeWithJournal(temp);
  removeWithJournal(plain);
  try {
    await checkedCopy(db, plain, options);
    if (sealing) await sealFile(plain, temp, sealing.key.dataKey, sealing.key.wrap);
    makePrivate(temp);
    fsyncFile(temp);
    renameSync(temp, final);
    const info: BackupInfo = {
      name,
      kind: options.kind,
      takenAt: options.now.toISOString(),
      sizeBytes: statSync(final).size,
      encrypted: sealing !== undefined,
    };
    options.inspect?.(sealing ? plain : final, info);
    options.onProgress?.(1);
    return info;
  } catch (error) {
    removeWithJournal(temp);
    throw error;
  } finally {
    // The plain copy of a sealed backup never outlives the call (a crash: see leftovers at start).
    if (sealing) removeWithJournal(plain);
  }
}
