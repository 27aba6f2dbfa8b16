import type {
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
import { restorableBackup } from './restorable';
import type { HandlerMap, MethodsOf } from '../services/handlerMap';

function controlOf(ctx: HandlerContext): BackupControl {
  if (!ctx.backups) throw new DomainError('NOT_AVAILABLE', 'Backups are not available here');
  return ctx.backups;
}

export function backupOverview(ctx: HandlerContext): BackupOverview {
  const settings = readBackupSettings(ctx.db, ctx.dataDir);
  return {
    ...settings,
    onNetworkPath: isNetworkPath(settings.folder),
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
 * Checked here, inside the call's transaction, so a damaged or unknown backup is refused with
 * nothing written; the swap itself runs after the audit row (which the pre-restore backup keeps).
 */
export function restoreBackup(
  ctx: HandlerContext,
  input: { name: string },
): Deferred<RestoreOutcome> {
  const control = controlOf(ctx);
  control.assertIdle();
  restorableBackup(readBackupSettings(ctx.db, ctx.dataDir).folder, input.name, ctx.dataDir);
  const actor = ctx.actor;
  return new Deferred(() => control.restore(input.name, actor));
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
};
