import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import type { AuditAnchorReason } from '../shared/accounts';
import type { BackupInfo, RecoveryState, RestoreOutcome } from '../shared/backups';
import type { AppInfo } from '../shared/domain';
import { checkpointNow, idleCheckpointer, type IdleCheckpointer } from './db/checkpoint';
import type { Db } from './db/open';
import { isReadOnlyOpenFailure, openReadOnlyCopy } from './db/openReadOnly';
import { prepareIncomingCopy } from './db/incomingCopy';
import { settleInterruptedRestore, type SwapStep } from './db/replaceFile';
import { isDiskFullFailure } from './db/diskFull';
import { openAtStartup, openInPlaceOf, type Damage } from './backups/startup';
import { SessionStore } from './accounts/sessionStore';
import type { Actor, BackupControl } from './services/context';
import { runtimeVersions } from './ipc/appInfo';
import { createRecoveryRouter } from './ipc/recoveryRouter';
import { createRouter, type Logger, type Router } from './ipc/router';
import { DATABASE_FILE, makePrivateFolder } from './platform/dataDir';
import { lockDataFolder, type FolderLock } from './platform/folderLock';
import { appendAudit } from './accounts/audit';
import { anchorChain } from './accounts/auditAnchors/anchor';
import { readBackupSettings } from './backups/backupSettings';
import { recoveryState } from './backups/recoveryState';
import { openRestorable, type OpenedBackup } from './backups/restorable';
import { BackupKeys } from './backups/vault/backupKeys';
import type { KeyProtection } from './backups/vault/vaultFile';
import { clearBackupWork } from './backups/vault/workFolder';
import { changeMark, startBackupSchedule, type Schedule, type Timer } from './backups/scheduler';
import { removeCopiesBeforePurge } from './backups/afterPurge';
import { prepareIncoming } from './backups/prepareIncoming';
import { removeBackupLeftovers } from './backups/folder';
import { BackupService } from './backups/service';
import { changedSinceNewestBackup, lastWrittenAt } from './backups/startBackup';
import { knownBackupFolders } from './backups/takeBackup';
import { DomainError } from './services/errors';
import { ChangeFeed } from './live/changeFeed';
import { hostAddresses } from './host/addresses';
import { readHostSettings } from './host/hostSettings';
import { HostService, type HostListener, type HostListenerOptions } from './host/service';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  logger: Logger;
  nativeBinding?: string;
  /** Tests fix the clock and drive the backup schedule by hand. */
  now?: () => Date;
  timer?: Timer;
  /** Quiet time after the last write before the WAL is checkpointed. */
  checkpointIdleMs?: number;
  /** The crash test stops the process at a chosen step of a restore's file swap. */
  restoreStep?: SwapStep;
  /** Told each time a backup is opened and checked for a restore: tests count the passes. */
  onBackupChecked?: (name: string, sealed: boolean) => void;
  /** Electron's safeStorage, where it works: seals this PC's copy of the backup key. */
  keyProtection?: KeyProtection;
  /** The shell's HTTPS listener for host mode; without it host mode never runs. */
  hostListener?: ShellHostListener;
}

/** Serves `router` (the core's, which outlives restores) over HTTPS as `options` say. */
export type ShellHostListener = (
  options: HostListenerOptions,
  router: Router,
  changes: ChangeFeed,
) => Promise<HostListener>;

export interface Core {
  /** The open database; throws while the app is in recovery. */
  readonly db: Db;
  /** Stays the same object for the shells while the database behind it is replaced. */
  readonly router: Router;
  /** Non-null while the app shows its recovery screen. */
  readonly damage: Damage | null;
  /** The data folder may not be written: a read-only copy is open and every write is refused. */
  readonly readOnly: boolean;
  readonly backups: BackupService;
  readonly schedule: Schedule | null;
  /** The backup taken at start (null when there was nothing to back up, or it failed). */
  readonly startupBackup: Promise<BackupInfo | null>;
  /** A notice after each committed write, for the shells to pass on to every open window. */
  readonly changes: ChangeFeed;
  /** Host mode: the HTTPS listener the settings ask for (started here when turned on). */
  readonly host: HostService;
  close(): void;
}

const busyRouter: Router = {
  invoke: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'BACKUP_RUNNING', message: 'A restore is running; try again shortly' },
    }),
};

/**
 * Opens the data folder's database and builds the router: everything both shells share. A damaged
 * file puts the core in recovery (its router answers only the recovery screen); a restore closes
 * the connection, swaps the file and reopens, behind the same router object.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  makePrivateFolder(options.dataDir);
  const lock = lockDataFolder(options.dataDir, options.shell, {
    nativeBinding: options.nativeBinding,
  });
  try {
    return await openCore(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** startCore, once this process owns the data folder; closing the core gives it up. */
async function openCore(options: CoreOptions, lock: FolderLock): Promise<Core> {
  const { dataDir, logger, nativeBinding } = options;
  const file = join(dataDir, DATABASE_FILE);
  const now = options.now ?? (() => new Date());
  const keys = new BackupKeys(dataDir, options.keyProtection);
  const startup = { dataDir, now, nativeBinding, keys };
  const backups = new BackupService({
    dataDir,
    now,
    nativeBinding,
    keys,
    onError: (message, error) => logger.error(message, error),
  });
  const facts = { shell: options.shell, version, dataDir };
  const changes = new ChangeFeed((error) => logger.error('A change-notice listener failed', error));
  let db: Db | null = null;
  let damage: Damage | null = null;
  let recovery: RecoveryState | null = null;
  let schedule: Schedule | null = null;
  let checkpointer: IdleCheckpointer | null = null;
  let readOnly = false;
  let diskFull = false;
  let releaseCopy = () => undefined as void;
  let inner: Router = busyRouter;
  let sessions: SessionStore | null = null;
  const router: Router = { invoke: (...args) => inner.invoke(...args) };
  const { hostListener } = options;
  const host = new HostService({
    dataDir,
    ...(hostListener
      ? { listen: (o: HostListenerOptions) => hostListener(o, router, changes) }
      : {}),
    addresses: () => hostAddresses(),
    endRemoteSessions: () => sessions?.endVia('host') ?? 0,
    onError: (message, error) => logger.error(message, error),
    now,
  });

  const openDb = (): Db => {
    if (!db) throw new DomainError('RECOVERY_MODE', 'No database is open');
    return db;
  };

  const control: BackupControl = {
    status: () => backups.status(),
    assertIdle: () => backups.assertIdle(),
    backupNow: async (actor) => {
      const current = openDb();
      const mark = changeMark(current);
      try {
        const info = await backups.backup(current, 'manual');
        schedule?.backedUp(mark, now());
        return info;
      } catch (error) {
        if (db === current) {
          audit(current, actor, 'backups.create', String((error as Error).message), 'failed');
        }
        throw error;
      }
    },
    openForRestore: openBackup,
    restore: restoreOpened,
    keys,
    replaceAfterPurge: (actor) =>
      backups.exclusively(async () => {
        const current = openDb();
        const folders = [
          ...knownBackupFolders(dataDir),
          readBackupSettings(current, dataDir).folder,
        ];
        const removed = removeCopiesBeforePurge(file, folders);
        audit(
          current,
          actor,
          'backups.afterPurge',
          `Removed ${removed} earlier backups and damaged copies`,
        );
        const fresh = await backups.backupWhileExclusive(current, 'manual');
        return { removed, fresh: fresh.name };
      }),
  };

  function useDatabase(opened: Db): void {
    db = opened;
    damage = null;
    recovery = null;
    checkpointer?.stop();
    checkpointer = idleCheckpointer(opened, options.checkpointIdleMs);
    // The sessions kept in this file (none after a restore: prepareIncoming empties them).
    sessions = new SessionStore(opened, {
      onError: (message, error) => logger.error(message, error),
    });
    inner = createRouter({
      db: opened,
      now,
      sessions,
      host,
      logger,
      ...facts,
      backups: control,
      afterWrite: checkpointer.noteWrite,
      changes,
      readOnly,
      diskFull,
    });
    schedule?.stop();
    schedule = null;
    // A read-only copy changes only by sign-ins: nothing worth a backup.
    if (readOnly) return;
    schedule = startBackupSchedule({
      now,
      changeMark: () => changeMark(opened),
      intervalMinutes: () => readBackupSettings(opened, dataDir).intervalMinutes,
      backup: async () => {
        if (backups.busy || db !== opened) return false;
        await backups.backup(opened, 'scheduled');
        return true;
      },
      ...(options.timer ? { timer: options.timer } : {}),
    });
  }

  function enterRecovery(found: Damage): void {
    checkpointer?.stop();
    checkpointer = null;
    db = null;
    damage = found;
    recovery = null;
    schedule?.stop();
    schedule = null;
    logger.error(`Damaged database set aside as ${found.damagedFile}`, found.detail);
    inner = createRecoveryRouter({
      ...facts,
      logger,
      state: () => (recovery ??= recoveryState(found, dataDir, keys, nativeBinding)),
      restore: (folder, name, secret) => {
        if (!knownBackupFolders(dataDir).includes(folder)) {
          throw new DomainError('NOT_FOUND', 'Not a backup folder of this desk', {
            entity: 'backup',
            id: name,
          });
        }
        // Nothing checked it before this call: opened here, once, unless a restore is running.
        backups.assertIdle();
        return restoreOpened(openBackup(folder, name, secret), null);
      },
      startEmpty: () => startEmpty(found),
    });
  }

  function audit(
    opened: Db,
    actor: Actor | null,
    method: string,
    detail: string,
    outcome: 'ok' | 'failed' = 'ok',
  ): void {
    opened
      .transaction(() =>
        appendAudit(opened, { at: now().toISOString(), actor, method, outcome, detail }),
      )
      .immediate();
  }

  /** Opens and checks a backup for a restore (see openRestorable); the caller releases it. */
  function openBackup(folder: string, name: string, secret?: string): OpenedBackup {
    return openRestorable(folder, name, dataDir, {
      keys,
      secret,
      nativeBinding,
      onChecked: options.onBackupChecked,
    });
  }

  /**
   * Swaps in a backup opened and checked once (the very copy: it lives in our own work folder,
   * which nothing else writes) and releases it however this ends, `exclusively` refusing first
   * (a backup started since the check) included.
   */
  function restoreOpened(opened: OpenedBackup, actor: Actor | null): Promise<RestoreOutcome> {
    return backups
      .exclusively(async () => {
        const outcome = await swapIn(opened.path, opened.name, actor);
        // A PC with no key of its own keeps the one that opened this backup: same sheet after.
        if (opened.sealed) keys.adopt(opened.sealed.header, opened.sealed.dataKey, now());
        return outcome;
      })
      .finally(() => opened.release());
  }

  /**
   * The checked plain file `source` in place of the database: backs up what is there now,
   * prepares the incoming copy (migrated, with the restore's audit row: see prepareIncoming),
   * closes the connection, swaps the file in (a crash at any instant is settled at the next
   * start) and reopens; if the reopen fails, the previous file comes back.
   */
  async function swapIn(
    source: string,
    name: string,
    actor: Actor | null,
  ): Promise<RestoreOutcome> {
    const previous = db;
    const previousRouter = inner;
    inner = busyRouter;
    try {
      const saved = previous ? await backups.backupWhileExclusive(previous, 'pre-restore') : null;
      const detail =
        `Restored from ${name}` + (saved ? `; the data before was saved as ${saved.name}` : '');
      prepareIncomingCopy(file, source, {
        nativeBinding,
        step: options.restoreStep,
        prepare: (incoming) =>
          prepareIncoming(incoming, previous, {
            actor,
            at: now().toISOString(),
            detail,
            dataDir,
            savedAs: saved?.name ?? null,
          }),
      });
      schedule?.stop();
      schedule = null;
      checkpointer?.stop();
      previous?.close();
      db = null;
      const opened = await openInPlaceOf(file, startup, options.restoreStep);
      useDatabase(opened);
      anchor(opened, 'restore', name);
      return { restoredFrom: name, savedAs: saved?.name ?? null };
    } catch (error) {
      if (db || !previous) {
        // Nothing was closed (the backup before failed), or there was nothing to close.
        inner = previousRouter;
      } else {
        const reopened = await openAtStartup(file, startup);
        if ('db' in reopened) useDatabase(reopened.db);
        else enterRecovery(reopened.damage);
      }
      throw error;
    }
  }

  /** Only on purpose, from the recovery screen: a new, empty database beside the damaged one. */
  async function startEmpty(found: Damage): Promise<AppInfo> {
    return backups.exclusively(async () => {
      const opened = await openAtStartup(file, startup);
      if ('damage' in opened) throw new Error('A new database could not be created');
      useDatabase(opened.db);
      audit(
        opened.db,
        null,
        'recovery.startEmpty',
        `Started with an empty database; the damaged one is kept as ${found.damagedFile}`,
      );
      anchor(opened.db, 'start_empty');
      return {
        ...facts,
        schemaVersion: opened.db.pragma('user_version', { simple: true }) as number,
        runtime: runtimeVersions(),
        hasSite: false,
        needsSetup: true,
        recovery: false,
        readOnly: false,
      };
    });
  }

  /** Writes the chain head to the anchors file; a failure is logged, never in the way. */
  function anchor(opened: Db, reason: AuditAnchorReason, source: string | null = null): void {
    try {
      anchorChain(dataDir, opened, { reason, source, at: now() });
    } catch (error) {
      logger.error(`The audit chain head could not be anchored (${reason})`, error);
    }
  }

  const settled = settleInterruptedRestore(file);
  const writtenBeforeStart = lastWrittenAt(file);
  // Interrupted backups: each may be a whole copy of the data, which no rotation or purge would see.
  const leftovers = [
    ...knownBackupFolders(dataDir).flatMap(removeBackupLeftovers),
    ...clearBackupWork(dataDir),
  ];
  if (leftovers.length)
    logger.error(`Removed what interrupted backups left: ${leftovers.join(', ')}`);
  if (settled) logger.error(`A restore interrupted by a crash was ${settled} at start`);
  const opened = await openAtStartup(file, startup).catch((error) => {
    // A write-protected data folder or a full disk: a read-only copy (in the temporary folder)
    // keeps the records readable and sign-in working; the banner says why.
    diskFull = isDiskFullFailure(error);
    if (!existsSync(file) || !(diskFull || isReadOnlyOpenFailure(error))) throw error;
    logger.error(
      diskFull
        ? 'The disk is full; opening a read-only copy'
        : 'The data folder is read-only; opening a read-only copy',
      error,
    );
    const copy = openReadOnlyCopy(file, { nativeBinding });
    readOnly = true;
    releaseCopy = copy.remove;
    return { db: copy.db, existed: false };
  });
  let startupBackup: Promise<BackupInfo | null> = Promise.resolve(null);
  if ('damage' in opened) enterRecovery(opened.damage);
  else {
    useDatabase(opened.db);
    // Only when the data changed since the newest backup: restarts must not crowd out good copies.
    const folder = () => readBackupSettings(opened.db, dataDir).folder;
    if (opened.existed && changedSinceNewestBackup(folder(), writtenBeforeStart)) {
      const first = opened.db;
      const mark = changeMark(first);
      startupBackup = backups.backup(first, 'start').then(
        (info) => {
          if (db === first) schedule?.backedUp(mark, now());
          return info;
        },
        () => null,
      );
    }
  }

  // Host mode as it was left: the other desks find the host again after a restart.
  if (!('damage' in opened) && readHostSettings(opened.db).enabled) {
    void host.apply(readHostSettings(opened.db));
  }

  return {
    get db() {
      return openDb();
    },
    router,
    get damage() {
      return damage;
    },
    readOnly,
    backups,
    get schedule() {
      return schedule;
    },
    startupBackup,
    changes,
    host,
    close: () => {
      void host.close();
      schedule?.stop();
      checkpointer?.stop();
      if (db?.open) {
        // Leave one self-contained file behind: the log folded in and truncated.
        if (!readOnly) {
          // This PC's sessions cannot be resumed by the next process: gone now, not at its start
          // (a launch that only looks must leave the file as it found it).
          sessions?.endVia('local');
          sessions?.flush();
          checkpointNow(db);
          anchor(db, 'shutdown');
        }
        db.close();
      }
      releaseCopy();
      lock.release();
    },
  };
}
