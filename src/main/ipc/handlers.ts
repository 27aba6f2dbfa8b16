import type { MethodName } from '../../shared/contract';
import { SCHEMA_VERSION } from '../db/migrations';
import type { HandlerMap } from '../services/handlerMap';
import { countUsers } from '../accounts/users';
import { accountHandlers } from '../accounts/handlers';
import { backupHandlers } from '../backups/handlers';
import { healthHandlers } from '../health/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { listSites } from '../registry/sites';
import { registryHandlers } from '../registry/handlers';
import { reportsHandlers } from '../reports/handlers';
import { residentsHandlers } from '../residents/handlers';
import { rosterHandlers } from '../roster/handlers';
import { stockHandlers } from '../stock/handlers';

export type Handlers = HandlerMap<MethodName>;

/**
 * Contract method → service: each domain's handlers.ts, spread. The type demands every method of
 * the contract; `domainHandlers.test.ts` checks that no method is in two domains. The router adds
 * validation, transactions and envelopes.
 */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    schemaVersion: SCHEMA_VERSION,
    dataDir: ctx.dataDir,
    shell: ctx.shell,
    hasSite: listSites(ctx, { includeRetired: false }).length > 0,
    needsSetup: countUsers(ctx.db) === 0,
    readOnly: ctx.readOnly ?? false,
    diskFull: ctx.diskFull ?? false,
    recovery: false,
  }),
  ...accountHandlers,
  ...registryHandlers,
  ...residentsHandlers,
  ...healthHandlers,
  ...reportsHandlers,
  ...rosterHandlers,
  ...stockHandlers,
  ...privacyHandlers,
  ...backupHandlers,
};
