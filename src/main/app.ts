import { join } from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/domain';
import { openDatabase, type Db } from './db/open';
import { SessionStore } from './auth/sessionStore';
import { createRouter, type Logger, type Router } from './ipc/router';
import { DATABASE_FILE } from './platform/dataDir';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  logger: Logger;
  nativeBinding?: string;
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
  const router = createRouter({
    db,
    now: () => new Date(),
    sessions: new SessionStore(),
    logger: options.logger,
    shell: options.shell,
    version,
    dataDir: options.dataDir,
  });
  return {
    db,
    router,
    close: () => {
      if (db.open) db.close();
    },
  };
}
