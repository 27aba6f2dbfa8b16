import type { Permission } from '@shared/permissions';
import { onDemand } from './onDemand';

export const SECTIONS = [
  'today',
  'rooms',
  'allocation',
  'residents',
  'health',
  'roster',
  'stock',
  'reports',
  'admin',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * What a section needs: any one of these permissions, or none at all (`[]`, e.g. settings). The
 * menu and the page chain both read this one table, so a section is listed exactly when its page
 * opens (main still refuses every call on its own; this only keeps the screens honest).
 */
export const SECTION_NEEDS: Readonly<Record<Section, readonly Permission[]>> = {
  // The home screen: every role, each seeing the parts main gives it.
  today: [],
  rooms: ['registry.read'],
  allocation: ['people.read'],
  residents: ['people.read'],
  health: ['people.read'],
  roster: ['roster.read'],
  stock: ['stock.read'],
  reports: ['people.read'],
  admin: ['users.manage', 'audit.read', 'settings.manage', 'privacy.manage'],
  settings: [],
};

export const mayOpen = (section: Section, can: (p: Permission) => boolean): boolean =>
  SECTION_NEEDS[section].length === 0 || SECTION_NEEDS[section].some(can);

/** The sections this user may open, in menu order. */
export const openableSections = (can: (p: Permission) => boolean): Section[] =>
  SECTIONS.filter((s) => mayOpen(s, can));

/** The section to show: the one asked for if the user may open it, else their first one. */
export const sectionToShow = (asked: Section, can: (p: Permission) => boolean): Section =>
  mayOpen(asked, can) ? asked : (openableSections(can)[0] ?? 'settings');

/** `#/residents/person/12` → residents; anything unknown (no address at sign-in) → the home screen. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'today';
}

/** The person a `#/residents/person/<id>` hash opens, if any. */
export function personFromHash(hash: string): number | null {
  const match = /^#\/residents\/person\/(\d{1,15})$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export const personHash = (personId: number): string => `#/residents/person/${personId}`;

/**
 * Each section's page. The sign-in, setup and lock screens and the frame are in the first script;
 * a page (its grids, charts, prints and imports) loads when it opens, so the sign-in form shows
 * without them (the bundle-size test in e2e keeps the first script under its bound).
 */
export const SECTION_PAGES = {
  today: onDemand(() => import('@renderer/features/today/TodayPage').then((m) => m.TodayPage)),
  rooms: onDemand(() => import('@renderer/features/registry/RoomsPage').then((m) => m.RoomsPage)),
  allocation: onDemand(() =>
    import('@renderer/features/residents/ArrivalsPage').then((m) => m.ArrivalsPage),
  ),
  residents: onDemand(() =>
    import('@renderer/features/residents/ResidentsPage').then((m) => m.ResidentsPage),
  ),
  health: onDemand(() => import('@renderer/features/health/HealthPage').then((m) => m.HealthPage)),
  roster: onDemand(() => import('@renderer/features/roster/RosterPage').then((m) => m.RosterPage)),
  stock: onDemand(() => import('@renderer/features/stock/StockPage').then((m) => m.StockPage)),
  reports: onDemand(() =>
    import('@renderer/features/reports/ReportsPage').then((m) => m.ReportsPage),
  ),
  admin: onDemand(() => import('@renderer/features/accounts/AdminPage').then((m) => m.AdminPage)),
  settings: onDemand(() =>
    import('@renderer/features/settings/SettingsPage').then((m) => m.SettingsPage),
  ),
} satisfies Record<Section, unknown>;
