import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from '../services/handlerMap';
import { appInfo } from './appInfo';
import { DOMAIN_HANDLERS } from './domainOfMethod';

export type Handlers = HandlerMap<MethodName>;

const {
  accounts,
  registry,
  residents,
  health,
  reports,
  roster,
  stock,
  privacy,
  today,
  backups,
  host,
} = DOMAIN_HANDLERS;

/**
 * Contract method → service: each domain's handlers.ts (the one list in `domainOfMethod.ts`),
 * spread. The type demands every method of the contract; `domainHandlers.test.ts` checks that no
 * method is in two domains. The router adds validation, transactions and envelopes.
 */
export const handlers: Handlers = {
  'app.info': appInfo,
  ...accounts,
  ...registry,
  ...residents,
  ...health,
  ...reports,
  ...roster,
  ...stock,
  ...privacy,
  ...today,
  ...backups,
  ...host,
};
