import type {
  BackupEncryption,
  BackupInfo,
  BackupOverview,
  BackupStatus,
  RestoreOutcome,
} from '../../shared/backups';
import type { BackupControl, HandlerContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { readBackupSettings, writeBackupSettings } from './backupSettings';
import { isNetworkPath, listBackups } from './folder';
import { assertAcceptablePassword } from '../accounts/passwords';
import type { HandlerMap, MethodsOf } from '../services/handlerMap';

function controlOf(ctx: HandlerContext): BackupControl {
  if (!ctx.backups) throw new DomainError('NOT_AVAILABLE', 'Backups are not available here');
  return ctx.backups;
}

/** Where no core runs backups (service tests) there are no keys either. */
const NO_KEYS: BackupEncryption = {
  encrypted: false,
  kind: null,
  protection: null,
  changedAt: null,
};

export function backupOverview(ctx: HandlerContext): BackupOverview {
  const settings = readBackupSettings(ctx.db, ctx.dataDir);
  return {
    ...settings,
    onNetworkPath: isNetworkPath(settings.folder),
    encryption: ctx.backups?.keys.status() ?? NO_KEYS,
    backups: listBackups(settings.folder),
  };
}

/** Where no core runs backups (service tests), nothing is running and nothing was taken. */
const IDLE: BackupStatus = { running: false, kind: null, progress: 0, last: null, lastError: null };

export function backupStatus(ctx: HandlerContext): BackupStatus {
  return ctx.backups?.status() ?? IDLE;
}

/** The call's audit row commits first; the copy runs after, while the page polls its progress. */
export function backupNow(ctx: HandlerContext): Deferred<BackupInfo> {
  const control = controlOf(ctx);
  control.assertIdle();
  const actor = ctx.actor;
  return new Deferred(() => control.backupNow(actor));
}

/**
 * Opened and checked here, inside the call's transaction, so a damaged or unknown backup is
 * refused with nothing written; the swap itself runs after the audit row (which the pre-restore
 * backup keeps), on the copy checked here. If the call fails before the swap runs (the
 * transaction rolled back), the router abandons it and the opened copy is released.
 */
export function restoreBackup(
  ctx: HandlerContext,
  input: { name: string; secret?: string },
): Deferred<RestoreOutcome> {
  const control = controlOf(ctx);
  control.assertIdle();
  const folder = readBackupSettings(ctx.db, ctx.dataDir).folder;
  const opened = control.openForRestore(folder, input.name, input.secret);
  const actor = ctx.actor;
  return new Deferred(
    () => control.restore(opened, actor),
    () => opened.release(),
  );
}

/**
 * A new recovery key for the desk's data key (a first one, or one replacing the passphrase or an
 * earlier key): answered once, kept nowhere. Deferred past the call's transaction so that the
 * answer is never recorded with the operation id (applied_operations keeps results in the
 * database); the audit row says it happened, never the key.
 */
export function createRecoveryKey(
  ctx: HandlerContext,
): Deferred<{ recoveryKey: string; createdAt: string }> {
  const keys = controlOf(ctx).keys;
  const now = ctx.now();
  return new Deferred(() =>
    Promise.resolve({ recoveryKey: keys.createRecoveryKey(now), createdAt: now.toISOString() }),
  );
}

export function setBackupPassphrase(
  ctx: HandlerContext,
  input: { passphrase: string },
): BackupEncryption {
  const keys = controlOf(ctx).keys;
  assertAcceptablePassword(input.passphrase, ctx.actor?.username ?? '');
  keys.setPassphrase(input.passphrase, ctx.now());
  return keys.status();
}

export function updateBackupSettings(
  ctx: HandlerContext,
  input: { folder: string; intervalMinutes: number },
): BackupOverview {
  writeBackupSettings(ctx.db, ctx.dataDir, input);
  return backupOverview(ctx);
}

export const backupHandlers: HandlerMap<MethodsOf<'backups'>> = {
  'backups.list': backupOverview,
  'backups.status': backupStatus,
  'backups.create': backupNow,
  'backups.restore': restoreBackup,
  'backups.updateSettings': updateBackupSettings,
  'backups.createRecoveryKey': createRecoveryKey,
  'backups.setPassphrase': setBackupPassphrase,
};
