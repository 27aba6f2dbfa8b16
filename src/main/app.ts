import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/domain';
import { checkpointNow, idleCheckpointer } from './db/checkpoint';
import { openDatabase, type Db } from './db/open';
import { isReadOnlyOpenFailure, openReadOnlyCopy } from './db/openReadOnly';
import { SessionStore } from './auth/sessionStore';
import { createRouter, type Logger, type Router } from './ipc/router';
import { DATABASE_FILE } from './platform/dataDir';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  logger: Logger;
  nativeBinding?: string;
  /** Quiet time after the last write before the WAL is checkpointed. */
  checkpointIdleMs?: number;
}

export interface Core {
  db: Db;
  router: Router;
  /** The data folder may not be written: a read-only copy is open and every write is refused. */
  readOnly: boolean;
  close(): void;
}

/**
 * The data file, for writing if at all possible; in a write-protected folder, a read-only copy
 * (so that the records can still be looked up), which the log explains.
 */
function openDataFile(
  file: string,
  options: CoreOptions,
): { db: Db; readOnly: boolean; release: () => void } {
  try {
    return {
      db: openDatabase(file, { nativeBinding: options.nativeBinding }),
      readOnly: false,
      release: () => undefined,
    };
  } catch (error) {
    if (!existsSync(file) || !isReadOnlyOpenFailure(error)) throw error;
    options.logger.error('The data folder is read-only; opening a read-only copy', error);
    const copy = openReadOnlyCopy(file, { nativeBinding: options.nativeBinding });
    return { db: copy.db, readOnly: true, release: copy.remove };
  }
}

/** Opens the data folder's database and builds the router: everything both shells share. */
export function startCore(options: CoreOptions): Core {
  const { db, readOnly, release } = openDataFile(join(options.dataDir, DATABASE_FILE), options);
  const checkpointer = idleCheckpointer(db, options.checkpointIdleMs);
  const router = createRouter({
    db,
    now: () => new Date(),
    sessions: new SessionStore(),
    logger: options.logger,
    shell: options.shell,
    version,
    dataDir: options.dataDir,
    afterWrite: checkpointer.noteWrite,
    readOnly,
  });
  return {
    db,
    router,
    readOnly,
    close: () => {
      checkpointer.stop();
      if (!db.open) return;
      // Leave one self-contained file behind: the log folded in and truncated.
      if (!readOnly) checkpointNow(db);
      db.close();
      release();
    },
  };
}
