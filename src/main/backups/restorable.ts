import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_LIMITS } from '../../shared/fileLimits';
import { SCHEMA_VERSION } from '../db/migrations';
import { assertBackupChainIntact } from '../accounts/auditAnchors/backupAnchor';
import { DomainError } from '../services/errors';
import { overLimit } from '../services/fileReading/refusal';
import { checkDatabaseFile, databaseHeaderProblem } from './checkFile';
import { parseBackupFileName } from './names';

/**
 * The full path of a backup that may be restored: one of ours by name (never a path the caller
 * makes up), present, within FILE_LIMITS.backup_gb with a sound SQLite header (both checked before
 * SQLite opens it), passing integrity_check, not from a newer version of the app, and with an
 * audit trail that still matches the head recorded when it was taken (dataDir: the anchors file).
 */
export function restorableBackup(
  folder: string,
  name: string,
  dataDir: string,
  nativeBinding?: string,
): string {
  if (!parseBackupFileName(name)) {
    throw new DomainError('NOT_FOUND', `No backup called ${name}`, { entity: 'backup', id: name });
  }
  const path = join(folder, name);
  if (!existsSync(path)) {
    throw new DomainError('NOT_FOUND', `No backup called ${name}`, { entity: 'backup', id: name });
  }
  const size = statSync(path).size;
  if (size > FILE_LIMITS.backup_gb * 1024 ** 3)
    throw overLimit('backup_gb', `The backup ${name} is ${size} bytes`);
  const problem = databaseHeaderProblem(path, size);
  if (problem) {
    throw new DomainError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${problem}`, { name });
  }
  // Read-only: a check must not change the backup (a self-contained rollback-journal file).
  const check = checkDatabaseFile(path, { full: true, readonly: true, nativeBinding });
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
  assertBackupChainIntact(path, name, dataDir, nativeBinding);
  return path;
}
