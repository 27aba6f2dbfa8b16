import type { TFunction } from 'i18next';
import type { BackupKind } from '@shared/backups';

/** 1.2 MB, 640 KB: enough to tell backups apart. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function kindLabel(t: TFunction, kind: BackupKind): string {
  const labels: Record<BackupKind, string> = {
    start: t('backups.kindStart'),
    scheduled: t('backups.kindScheduled'),
    manual: t('backups.kindManual'),
    'pre-migration': t('backups.kindPreMigration'),
    'pre-restore': t('backups.kindPreRestore'),
  };
  return labels[kind];
}

/** Mirrors main's check, to warn while typing: `\\server\share` or `//server/share`. */
export const looksLikeNetworkPath = (folder: string): boolean =>
  /^(\\\\|\/\/)[^\\/]/.test(folder.trim());
