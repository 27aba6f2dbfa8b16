import { describe, expect, it } from 'vitest';
import { accountHandlers } from '../accounts/handlers';
import { backupHandlers } from '../backups/handlers';
import { healthHandlers } from '../health/handlers';
import { hostHandlers } from '../host/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { registryHandlers } from '../registry/handlers';
import { reportsHandlers } from '../reports/handlers';
import { residentsHandlers } from '../residents/handlers';
import { rosterHandlers } from '../roster/handlers';
import { stockHandlers } from '../stock/handlers';
import { todayHandlers } from '../today/handlers';
import { handlers } from './handlers';

/** The domain maps spread into the router's; a method in two of them would silently lose one. */
const DOMAINS = {
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

describe('domain handler maps', () => {
  it('serve each method from exactly one domain, and the router serves it from that domain', () => {
    const owners = new Map<string, string[]>();
    for (const [domain, map] of Object.entries(DOMAINS)) {
      for (const method of Object.keys(map))
        owners.set(method, [...(owners.get(method) ?? []), domain]);
    }
    const shared = [...owners].filter(([, domains]) => domains.length > 1);
    expect(shared).toEqual([]);
    const served = handlers as Record<string, unknown>;
    // Every method but app.info (the router's own) comes from a domain.
    expect(Object.keys(served).filter((m) => !owners.has(m))).toEqual(['app.info']);
    for (const [domain, map] of Object.entries(DOMAINS)) {
      for (const [method, handler] of Object.entries(map)) {
        expect(served[method], `${domain}: ${method}`).toBe(handler);
      }
    }
  });
});
