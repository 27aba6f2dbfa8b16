import { join } from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/domain';
import { checkpointNow, idleCheckpointer } from './db/checkpoint';
import { openDatabase, type Db } from './db/open';
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
  close(): void;
}

/** Opens the data folder's database and builds the router: everything both shells share. */
export function startCore(options: CoreOptions): Core {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  });
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
  });
  return {
    db,
    router,
    close: () => {
      checkpointer.stop();
      if (!db.open) return;
      // Leave one self-contained file behind: the log folded in and truncated.
      checkpointNow(db);
      db.close();
    },
  };
}
