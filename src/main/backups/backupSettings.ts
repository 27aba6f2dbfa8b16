import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Db } from '../db/open';
import { DomainError } from '../services/errors';

export const DEFAULT_BACKUP_INTERVAL_MINUTES = 30;
export const BACKUP_FOLDER_KEY = 'backupFolder';
export const BACKUP_INTERVAL_KEY = 'backupIntervalMinutes';

export const defaultBackupFolder = (dataDir: string): string => join(dataDir, 'backups');

export interface BackupSettings {
  folder: string;
  isDefaultFolder: boolean;
  intervalMinutes: number;
}

function stored(db: Db, key: string): string | undefined {
  try {
    return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
      string | undefined;
  } catch {
    // A file from before the settings table (or not ours yet): the defaults hold.
    return undefined;
  }
}

/** Kept in the settings table like every other setting; blank means the default folder. */
export function readBackupSettings(db: Db, dataDir: string): BackupSettings {
  const folder = stored(db, BACKUP_FOLDER_KEY)?.trim() ?? '';
  const interval = Number(stored(db, BACKUP_INTERVAL_KEY));
  return {
    folder: folder || defaultBackupFolder(dataDir),
    isDefaultFolder: !folder,
    intervalMinutes:
      Number.isInteger(interval) && interval > 0 ? interval : DEFAULT_BACKUP_INTERVAL_MINUTES,
  };
}

/** Creates the folder if needed and proves a file can be written there. */
export function assertWritableFolder(folder: string): void {
  const probe = join(folder, `.isd-write-test-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new DomainError(
      'BACKUP_FOLDER_UNUSABLE',
      `Backups cannot be written to ${folder}: ${String(error)}`,
      { folder },
    );
  }
}

/** Saves the folder (blank: the default) and the interval; the folder must be writable now. */
export function writeBackupSettings(
  db: Db,
  dataDir: string,
  input: { folder: string; intervalMinutes: number },
): BackupSettings {
  // As typed: on Windows `\\server\share` is absolute; elsewhere `//server/share` is.
  const folder = input.folder.trim();
  if (folder && !isAbsolute(folder)) {
    throw new DomainError('BACKUP_FOLDER_UNUSABLE', 'Give the full path of the folder', {
      folder,
    });
  }
  assertWritableFolder(folder || defaultBackupFolder(dataDir));
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  upsert.run(BACKUP_FOLDER_KEY, folder);
  upsert.run(BACKUP_INTERVAL_KEY, String(input.intervalMinutes));
  return readBackupSettings(db, dataDir);
}
