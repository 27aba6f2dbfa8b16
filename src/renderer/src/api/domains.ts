import type { QueryClient } from '@tanstack/react-query';
import type { MethodName } from '@shared/contract';

/** The renderer's domains: the same names as main's domain folders and features/. */
export type Domain =
  | 'app'
  | 'registry'
  | 'residents'
  | 'health'
  | 'roster'
  | 'stock'
  | 'reports'
  | 'accounts'
  | 'backups'
  | 'privacy'
  | 'settings'
  | 'today'
  | 'host';

/** Method prefix (the part before the first dot) → its domain. The one place this is decided. */
const DOMAIN_OF_PREFIX: Record<string, Domain> = {
  app: 'app',
  demo: 'app',
  sites: 'registry',
  buildings: 'registry',
  floors: 'registry',
  rooms: 'registry',
  people: 'residents',
  residents: 'residents',
  arrivals: 'residents',
  allocation: 'residents',
  stays: 'residents',
  origins: 'residents',
  print: 'residents',
  prints: 'residents',
  fever: 'health',
  readings: 'health',
  rounds: 'health',
  roster: 'roster',
  posts: 'roster',
  shifts: 'roster',
  staff: 'roster',
  stock: 'stock',
  supply: 'stock',
  reports: 'reports',
  auth: 'accounts',
  setup: 'accounts',
  users: 'accounts',
  sessions: 'accounts',
  audit: 'accounts',
  backups: 'backups',
  recovery: 'backups',
  privacy: 'privacy',
  archive: 'privacy',
  settings: 'settings',
  today: 'today',
  host: 'host',
};

const EVERYTHING: readonly Domain[] = [
  'app',
  'registry',
  'residents',
  'health',
  'roster',
  'stock',
  'reports',
  'accounts',
  'backups',
  'privacy',
  'settings',
  'today',
  'host',
];

/**
 * After a write in a domain, the domains whose screens may show what it changed (generous on
 * purpose: a needless refetch costs a query, a missed one shows a stale screen). Settings and the
 * demo change what every screen shows, so they refresh everything. Signing in or out refreshes the
 * session (App then shows the right screen; the cache is dropped while nobody is signed in).
 */
const SHOWN_IN: Record<Domain, readonly Domain[]> = {
  // Rooms appear on the resident lists, allocation, rounds and the daily report.
  registry: ['registry', 'residents', 'health', 'reports', 'privacy', 'today'],
  // Stays fill rooms (board, awaiting disinfection), rounds, fever lists, reports and purge counts.
  // …and the supply forecast counts the residents expected.
  residents: ['residents', 'registry', 'health', 'reports', 'privacy', 'stock', 'today'],
  // Readings show on the person page and the daily report.
  health: ['health', 'residents', 'reports', 'today'],
  // The supply forecast counts the roster's shifts.
  roster: ['roster', 'reports', 'stock', 'today'],
  stock: ['stock', 'reports', 'today'],
  reports: ['reports'],
  // Purges and archives remove people, stays and readings everywhere.
  privacy: ['privacy', 'residents', 'registry', 'health', 'reports', 'roster', 'today'],
  accounts: ['accounts'],
  settings: EVERYTHING,
  // A backup copy changes nothing shown elsewhere; a restore refreshes nothing (below).
  backups: ['backups'],
  app: EVERYTHING,
  // The home screen shows nothing of its own to write.
  today: ['today'],
  // Host mode changes only its own section (and the sign-in page's fingerprint).
  host: ['host'],
};

export function domainOf(method: string): Domain | undefined {
  return DOMAIN_OF_PREFIX[method.slice(0, method.indexOf('.'))];
}

/**
 * Writes after which no call may be made: a restore ends every session, and the screen that
 * started it shows only the dialog that reloads the window.
 */
const ENDS_EVERY_SESSION: ReadonlySet<string> = new Set<MethodName>(['backups.restore']);

/** Whether a cached answer of `queryMethod` may be stale after a write of `writeMethod`. */
export function staleAfter(writeMethod: MethodName, queryMethod: string): boolean {
  if (ENDS_EVERY_SESSION.has(writeMethod)) return false;
  // Every write is audited, so the audit trail is stale after any of them.
  if (queryMethod.startsWith('audit.')) return true;
  const written = domainOf(writeMethod);
  const shown = domainOf(queryMethod);
  // A prefix not in the map yet: refresh rather than show a stale screen.
  if (written === undefined || shown === undefined) return true;
  return SHOWN_IN[written].includes(shown);
}

/** Refetches every cached query of `client` a write of `method` makes stale (its own, or a notice's). */
export const refetchStaleAfter = (client: QueryClient, method: MethodName): Promise<void> =>
  client.invalidateQueries({
    predicate: (query) => staleAfter(method, String(query.queryKey[0])),
  });
