import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DamageReason } from '../../shared/backups';
import { checkDatabaseFile, damageReasonOf, isDamageError } from './checkFile';
import { damagedName } from './names';
import { defaultBackupFolder } from './backupSettings';
import { takeBackup } from './takeBackup';
import type { BackupKeys } from './vault/backupKeys';
import { SCHEMA_VERSION } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { setFileAside, swapInRestoredFile, type SwapStep } from '../db/replaceFile';

export interface Damage {
  reason: DamageReason;
  detail: string;
  /** Where the damaged file now is. */
  damagedFile: string;
}

export type StartupOutcome = { db: Db; existed: boolean } | { damage: Damage };

export interface StartupOptions {
  dataDir: string;
  now: () => Date;
  nativeBinding?: string;
  /** The backup before a migration is sealed like any other. */
  keys?: BackupKeys;
}

function setAside(file: string, reason: DamageReason, detail: string, now: Date): StartupOutcome {
  const damagedFile = setFileAside(file, damagedName(file, now));
  return { damage: { reason, detail, damagedFile } };
}

/**
 * A migration rewrites the schema: copy the file first. If the chosen folder cannot take it (an
 * unplugged USB stick), the data folder's own backup folder does; if neither can, no migration.
 */
async function backupBeforeMigration(file: string, options: StartupOptions): Promise<void> {
  const raw = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const take = (folder?: string) =>
      takeBackup(raw, options.dataDir, {
        kind: 'pre-migration',
        now: options.now,
        nativeBinding: options.nativeBinding,
        keys: options.keys,
        ...(folder ? { folder } : {}),
      });
    await take().catch(() => take(defaultBackupFolder(options.dataDir)));
  } finally {
    raw.close();
  }
}

/**
 * The start of every launch: quick_check the file; a damaged one (or one SQLite refuses as
 * corrupt or not a database) is moved aside with a timestamp and reported, never recreated
 * silently. A sound file with pending migrations is backed up before they run.
 */
export async function openAtStartup(
  file: string,
  options: StartupOptions,
): Promise<StartupOutcome> {
  const existed = existsSync(file);
  if (existed) {
    const check = checkDatabaseFile(file, { nativeBinding: options.nativeBinding });
    if (!check.ok) return setAside(file, check.reason, check.detail, options.now());
    if (check.schemaVersion > 0 && check.schemaVersion < SCHEMA_VERSION) {
      await backupBeforeMigration(file, options);
    }
  }
  try {
    return { db: openDatabase(file, { nativeBinding: options.nativeBinding }), existed };
  } catch (error) {
    if (existed && isDamageError(error)) {
      return setAside(file, damageReasonOf(error), String(error), options.now());
    }
    throw error;
  }
}

/**
 * Swaps the prepared `<file>.restoring` (see prepareIncomingCopy) in place of the closed database
 * `file` and opens it as at start. If it does not open, the old file is back.
 */
export async function openInPlaceOf(
  file: string,
  options: StartupOptions,
  step?: SwapStep,
): Promise<Db> {
  const swap = swapInRestoredFile(file, step);
  try {
    const opened = await openAtStartup(file, options);
    if ('damage' in opened) {
      throw new Error(`The restored file did not open: ${opened.damage.detail}`);
    }
    swap.commit();
    return opened.db;
  } catch (error) {
    swap.undo();
    throw error;
  }
}
