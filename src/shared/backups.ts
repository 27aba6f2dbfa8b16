/** Why a backup was taken; part of its file name. */
export const BACKUP_KINDS = [
  'start',
  'scheduled',
  'manual',
  'pre-migration',
  'pre-restore',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** One backup file in the backup folder. */
export interface BackupInfo {
  /** The file name (never a path): what restore takes. */
  name: string;
  kind: BackupKind;
  /** ISO instant the backup was taken. */
  takenAt: string;
  sizeBytes: number;
  /** Sealed with the desk's backup key (`.isdbak`); older plain copies are `.sqlite`. */
  encrypted: boolean;
}

/** How new backups are sealed; `encrypted` false until a recovery key or passphrase exists. */
export interface BackupEncryption {
  encrypted: boolean;
  kind: 'recovery-key' | 'passphrase' | null;
  /** Where this PC keeps its copy of the key: sealed by the system, or an owner-only file. */
  protection: 'safeStorage' | 'owner-only-file' | null;
  changedAt: string | null;
}

/** The backup folder and schedule, as the administrator set them. */
export interface BackupOverview {
  /** The folder in use (the default when none was chosen). */
  folder: string;
  /** True when the administrator left the default (`<data folder>/backups`). */
  isDefaultFolder: boolean;
  /** A `\\server\share` or `//server` path: may be away exactly when it is needed. */
  onNetworkPath: boolean;
  intervalMinutes: number;
  encryption: BackupEncryption;
  /** Newest first. */
  backups: BackupInfo[];
}

/** What "Back up now" is doing; the page polls this while it waits. */
export interface BackupStatus {
  running: boolean;
  kind: BackupKind | null;
  /** 0–1 while running. */
  progress: number;
  last: BackupInfo | null;
  /** English message of the last failed backup, if the last attempt failed. */
  lastError: string | null;
}

/** Why the app opened its recovery screen instead of the desk. */
export type DamageReason = 'corrupt' | 'not_a_database' | 'check_failed';

/** A backup offered on the recovery screen, checked before it is listed. */
export interface RecoveryBackup extends BackupInfo {
  folder: string;
  good: boolean;
  /** Encrypted with a key this PC does not hold: restoring asks for the recovery key or passphrase. */
  needsKey: boolean;
}

export interface RecoveryState {
  reason: DamageReason;
  /** Where the damaged file was set aside (it is never deleted by the app). */
  damagedFile: string;
  detail: string;
  /** Newest first; only good ones can be restored. */
  backups: RecoveryBackup[];
}

/** After a restore every session is signed out: the restored accounts may differ. */
export interface RestoreOutcome {
  restoredFrom: string;
  /** The backup of the data as it was just before (null on the recovery screen: it was damaged). */
  savedAs: string | null;
}
