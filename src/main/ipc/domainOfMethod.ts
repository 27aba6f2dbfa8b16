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

/** Each domain folder's handler map, by the folder's name. */
export const DOMAIN_HANDLERS = {
  registry: registryHandlers,
  residents: residentsHandlers,
  health: healthHandlers,
  reports: reportsHandlers,
  accounts: accountHandlers,
  roster: rosterHandlers,
  stock: stockHandlers,
  privacy: privacyHandlers,
  backups: backupHandlers,
  today: todayHandlers,
  host: hostHandlers,
};

const DOMAIN_OF = new Map(
  Object.entries(DOMAIN_HANDLERS).flatMap(([domain, map]) =>
    Object.keys(map).map((method) => [method, domain] as const),
  ),
);

/** The domain folder that serves `method` (`app` for the router's own). */
export function domainOfMethod(method: string): string {
  return DOMAIN_OF.get(method) ?? 'app';
}
