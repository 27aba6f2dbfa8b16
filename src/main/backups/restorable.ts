import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_LIMITS } from '../../shared/fileLimits';
import { SCHEMA_VERSION } from '../db/migrations';
import { assertBackupChainIntact } from '../accounts/auditAnchors/backupAnchor';
import { DomainError } from '../services/errors';
import { overLimit } from '../services/fileReading/refusal';
import { checkDatabaseFile, databaseHeaderProblem } from './checkFile';
import { parseBackupFileName } from './names';
import type { BackupKeys } from './vault/backupKeys';
import {
  isSealedFile,
  openSealedFile,
  readSealedHeader,
  type SealedHeader,
} from './vault/sealedFile';
import { workFile } from './vault/workFolder';

export interface RestorableOptions {
  /** The desk's keys: an encrypted backup this PC sealed opens without typing. */
  keys?: BackupKeys;
  /** The recovery key or passphrase typed for a backup sealed elsewhere. */
  secret?: string;
  nativeBinding?: string;
  /** Told each time a backup has been opened (decrypted) and checked: tests count the passes. */
  onChecked?: (name: string, sealed: boolean) => void;
}

/** A backup that passed every check, as a plain SQLite file to copy from. */
export interface OpenedBackup {
  /** The backup's name in its folder. */
  name: string;
  /** The backup itself, or (encrypted) its opened copy in the data folder's work folder. */
  path: string;
  /** Removes the opened copy (nothing for a plain backup); a second call does nothing. */
  release(): void;
  /** An encrypted backup's header and data key (a PC with no key of its own adopts them). */
  sealed: { header: SealedHeader; dataKey: Buffer } | null;
}

const notFound = (name: string): DomainError =>
  new DomainError('NOT_FOUND', `No backup called ${name}`, { entity: 'backup', id: name });

/** The SQLite checks, on the plain file (`plain`); the anchor sidecar sits beside `backupFile`. */
function checkPlain(
  plain: string,
  backupFile: string,
  name: string,
  dataDir: string,
  nativeBinding?: string,
): void {
  const problem = databaseHeaderProblem(plain, statSync(plain).size);
  if (problem) {
    throw new DomainError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${problem}`, { name });
  }
  // Read-only: a check must not change the backup (a self-contained rollback-journal file).
  const check = checkDatabaseFile(plain, { full: true, readonly: true, nativeBinding });
  if (!check.ok) {
    throw new DomainError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${check.detail}`, {
      name,
    });
  }
  if (check.schemaVersion < 1 || check.schemaVersion > SCHEMA_VERSION) {
    throw new DomainError(
      'BACKUP_DAMAGED',
      `The backup ${name} has schema version ${check.schemaVersion}, which this app cannot open`,
      { name },
    );
  }
  assertBackupChainIntact(backupFile, name, dataDir, nativeBinding, plain);
}

/**
 * A backup that may be restored: one of ours by name (never a path the caller makes up), present,
 * within FILE_LIMITS.backup_gb; an encrypted one (told by its first bytes, so a renamed file is
 * still read for what it is) opened with this PC's key or the typed secret into the data folder's
 * work folder, every chunk authenticated; then a sound SQLite header, integrity_check, a schema
 * this app can open, and an audit trail that still matches the head recorded when it was taken.
 * The caller releases what it gets; on refusal nothing is left behind.
 */
export function openRestorable(
  folder: string,
  name: string,
  dataDir: string,
  options: RestorableOptions = {},
): OpenedBackup {
  if (!parseBackupFileName(name)) throw notFound(name);
  const path = join(folder, name);
  if (!existsSync(path)) throw notFound(name);
  const size = statSync(path).size;
  if (size > FILE_LIMITS.backup_gb * 1024 ** 3)
    throw overLimit('backup_gb', `The backup ${name} is ${size} bytes`);
  if (!isSealedFile(path)) {
    checkPlain(path, path, name, dataDir, options.nativeBinding);
    options.onChecked?.(name, false);
    return { name, path, release: () => undefined, sealed: null };
  }
  const { header } = readSealedHeader(path, name);
  if (!options.keys) throw new DomainError('NOT_AVAILABLE', 'Backup keys are not available here');
  const dataKey = options.keys.keyFor(header, name, options.secret);
  const opened = workFile(dataDir, 'restore');
  const release = () => {
    rmSync(opened, { force: true });
    rmSync(`${opened}-journal`, { force: true });
  };
  try {
    openSealedFile(path, opened, dataKey, name);
    checkPlain(opened, path, name, dataDir, options.nativeBinding);
  } catch (error) {
    release();
    throw error;
  }
  options.onChecked?.(name, true);
  return { name, path: opened, release, sealed: { header, dataKey } };
}

/** Checks only: opens, checks and releases (the recovery screen's list). */
export function assertRestorable(
  folder: string,
  name: string,
  dataDir: string,
  options: RestorableOptions = {},
): void {
  openRestorable(folder, name, dataDir, options).release();
}
