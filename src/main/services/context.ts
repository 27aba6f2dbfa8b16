import type { Db } from '../db/open';
import type { BackupKeys } from '../backups/vault/backupKeys';
import type { OpenedBackup } from '../backups/restorable';
import type { BackupInfo, BackupStatus, RestoreOutcome } from '../../shared/backups';
import type { AppInfo } from '../../shared/domain';
import type { HostOverview, HostSettings, HostStatus } from '../../shared/host';
import type { Role } from '../../shared/permissions';
import type { AuthState } from '../../shared/accounts';
import type { DeviceInfo, Session } from '../accounts/sessionStore';
import type { SignInMemory } from '../accounts/signInAttempts';

/** What every service function receives: the database and a clock (tests may fix it). */
export interface ServiceContext {
  db: Db;
  now: () => Date;
}

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

/** The signed-in user making this call, as main knows them now (not as the renderer says). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
}

/** What auth services may do to the caller's session. */
export interface SessionControl {
  state(): AuthState;
  start(userId: number): void;
  end(): void;
  lock(): void;
  unlock(): void;
  /** Ends every session of that user except the caller's own. */
  endSessionsOf(userId: number): void;
  /** Where the caller is: recorded with the session at sign-in, and its sign-ins counted by address. */
  readonly device: DeviceInfo;
  /** The caller's own session id (the SHA-256 of its token), null when signed out. */
  id(): string | null;
  /** Every signed-in session (for the administrator's list). */
  list(): Session[];
  /** Ends a session by id at once (undefined when it was not live); callers refuse their own. */
  endOther(id: string): Session | undefined;
}

export interface AppFacts {
  shell: AppInfo['shell'];
  version: string;
  dataDir: string;
  /**
   * The data folder is write-protected and the database is a temporary copy: the router refuses
   * every write as READ_ONLY except the session's own (sign-in, lock), which only touch the copy.
   */
  readOnly?: boolean;
  /** Read-only because the data folder's disk was full at start (the banner says so). */
  diskFull?: boolean;
}

/**
 * What the shell can do for the window that called: Electron prints that window to PDF; the
 * browser shell cannot (there the page's own print dialog offers "Save as PDF").
 */
export interface CallerPlatform {
  printToPdf?: () => Promise<Buffer>;
}

/**
 * What the running core does with its database file: backups with progress and the restore that
 * swaps the file under the router. Absent where no core runs (service tests).
 */
export interface BackupControl {
  status(): BackupStatus;
  /** Throws BACKUP_RUNNING while a backup or restore runs. */
  assertIdle(): void;
  /** A failure is audited as such (the call's own row, written before the copy, says ok). */
  backupNow(actor: Actor | null): Promise<BackupInfo>;
  /**
   * Opens (an encrypted one: decrypts into the work folder) and checks the backup `name` in
   * `folder`, or refuses it; the caller hands what it gets to `restore` or releases it.
   */
  openForRestore(folder: string, name: string, secret?: string): OpenedBackup;
  /**
   * Swaps in a backup `openForRestore` checked (the very copy, not opened again): backs up the
   * current data, closes, replaces, reopens; signs everyone out. Releases `opened` however it ends.
   */
  restore(opened: OpenedBackup, actor: Actor | null): Promise<RestoreOutcome>;
  /** The desk's backup keys (recovery key / passphrase, this PC's copy). */
  readonly keys: BackupKeys;
  /** After a purge: deletes every earlier backup and damaged copy, then backs up afresh. */
  replaceAfterPurge(actor: Actor | null): Promise<{ removed: number; fresh: string }>;
}

/** The running core's host listener (host/service.ts). Absent where no core runs (service tests). */
export interface HostControl {
  status(): HostStatus;
  overview(settings: HostSettings): HostOverview;
  /** Starts, restarts or stops the listener; ending it ends every session made through it. */
  apply(settings: HostSettings): Promise<HostStatus>;
}

/** A service that records or shows who acted reads the actor from its context, never a third argument. */
export interface ActingContext extends ServiceContext {
  actor: Actor | null;
}

export interface HandlerContext extends ActingContext, AppFacts {
  backups?: BackupControl;
  host?: HostControl;
  platform: CallerPlatform;
  session: SessionControl;
  signIns: SignInMemory;
}
