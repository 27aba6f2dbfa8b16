import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from '../services/handlerMap';
import { appInfo } from './appInfo';
import { accountHandlers } from '../accounts/handlers';
import { backupHandlers } from '../backups/handlers';
import { healthHandlers } from '../health/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { registryHandlers } from '../registry/handlers';
import { reportsHandlers } from '../reports/handlers';
import { residentsHandlers } from '../residents/handlers';
import { rosterHandlers } from '../roster/handlers';
import { stockHandlers } from '../stock/handlers';
import { todayHandlers } from '../today/handlers';
import { hostHandlers } from '../host/handlers';

export type Handlers = HandlerMap<MethodName>;

/**
 * Contract method → service: each domain's handlers.ts, spread. The type demands every method of
 * the contract; `domainHandlers.test.ts` checks that no method is in two domains. The router adds
 * validation, transactions and envelopes.
 */
export const handlers: Handlers = {
  'app.info': appInfo,
  ...accountHandlers,
  ...registryHandlers,
  ...residentsHandlers,
  ...healthHandlers,
  ...reportsHandlers,
  ...rosterHandlers,
  ...stockHandlers,
  ...privacyHandlers,
  ...todayHandlers,
  ...backupHandlers,
  ...hostHandlers,
};
