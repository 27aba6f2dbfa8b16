import type { BackupInfo, BackupKind, BackupStatus } from '../../shared/backups';
import type { Db } from '../db/open';
import { DomainError } from '../services/errors';
import { takeBackup } from './takeBackup';
import type { BackupKeys } from './vault/backupKeys';

export interface BackupServiceOptions {
  dataDir: string;
  now: () => Date;
  nativeBinding?: string;
  /** Seals each backup once a recovery key or passphrase exists. */
  keys?: BackupKeys;
  onError?: (message: string, error: unknown) => void;
}

/**
 * One backup at a time, with the progress "Back up now" polls. Restore takes the same lock, so a
 * backup never reads a database that is being replaced.
 */
export class BackupService {
  private running: { kind: BackupKind; progress: number } | null = null;
  private exclusive = false;
  private last: BackupInfo | null = null;
  private lastError: string | null = null;

  constructor(private readonly options: BackupServiceOptions) {}

  status(): BackupStatus {
    return {
      running: this.running !== null || this.exclusive,
      kind: this.running?.kind ?? null,
      progress: this.running?.progress ?? 0,
      last: this.last,
      lastError: this.lastError,
    };
  }

  get busy(): boolean {
    return this.running !== null || this.exclusive;
  }

  assertIdle(): void {
    if (this.busy) {
      throw new DomainError('BACKUP_RUNNING', 'A backup or restore is running; try again shortly');
    }
  }

  async backup(db: Db, kind: BackupKind): Promise<BackupInfo> {
    this.assertIdle();
    this.running = { kind, progress: 0 };
    try {
      const info = await takeBackup(db, this.options.dataDir, {
        kind,
        now: this.options.now,
        nativeBinding: this.options.nativeBinding,
        keys: this.options.keys,
        onProgress: (fraction) => {
          if (this.running) this.running.progress = fraction;
        },
      });
      this.last = info;
      this.lastError = null;
      return info;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.options.onError?.(`Backup (${kind}) failed`, error);
      throw new DomainError('BACKUP_FAILED', `The backup failed: ${this.lastError}`);
    } finally {
      this.running = null;
    }
  }

  /** Runs `work` with no backup running or starting meanwhile (a restore). */
  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    this.assertIdle();
    this.exclusive = true;
    try {
      return await work();
    } finally {
      this.exclusive = false;
    }
  }

  /** Inside `exclusively`: a backup that ignores the lock the caller already holds. */
  async backupWhileExclusive(db: Db, kind: BackupKind): Promise<BackupInfo> {
    this.exclusive = false;
    try {
      return await this.backup(db, kind);
    } finally {
      this.exclusive = true;
    }
  }
}
