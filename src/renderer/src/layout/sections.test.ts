import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/contract';
import { mayCall, permissionsOf, ROLES } from '@shared/permissions';
import {
  openableSections,
  sectionFromHash,
  SECTIONS,
  sectionToShow,
  type Section,
} from './sections';

/**
 * The reads each section's page makes as it opens (any one answering is enough: the admin page
 * shows the tabs its user may use). A section belongs in a role's menu exactly when main would
 * answer one of them for that role.
 */
const PAGE_READS: Record<Section, MethodName[]> = {
  today: ['today.overview'],
  rooms: ['buildings.list'],
  allocation: ['arrivals.list'],
  residents: ['residents.page'],
  health: ['rounds.sheet'],
  roster: ['roster.grid'],
  stock: ['stock.items'],
  reports: ['reports.daily'],
  admin: ['users.list', 'audit.page', 'backups.list', 'privacy.purgePreview'],
  settings: ['settings.get'],
};

describe('the sections each role sees', () => {
  for (const role of ROLES) {
    it(`${role}: the menu lists exactly the sections whose page main would serve`, () => {
      const held = new Set(permissionsOf([role]));
      const pageOpens = (s: Section) =>
        PAGE_READS[s].some((m) => mayCall(contract[m].access, [role]));
      expect(openableSections((p) => held.has(p))).toEqual(SECTIONS.filter(pageOpens));
    });
  }

  it('a medical user sees no stock, and asking for it by address shows their first section', () => {
    const held = new Set(permissionsOf(['medical']));
    const can = (p: Parameters<typeof held.has>[0]) => held.has(p);
    expect(openableSections(can)).not.toContain('stock');
    expect(sectionToShow('stock', can)).toBe('today');
    expect(sectionToShow('health', can)).toBe('health');
  });

  it('every role lands on the home screen first, with no address or an unknown one', () => {
    for (const role of ROLES) {
      const held = new Set(permissionsOf([role]));
      const can = (p: Parameters<typeof held.has>[0]) => held.has(p);
      expect(openableSections(can)[0]).toBe('today');
      expect(sectionToShow(sectionFromHash(''), can)).toBe('today');
      expect(sectionToShow(sectionFromHash('#/nowhere'), can)).toBe('today');
    }
  });

  it('an administrator sees neither roster nor stock, but the admin section', () => {
    const held = new Set(permissionsOf(['administrator']));
    expect(openableSections((p) => held.has(p))).toEqual(['today', 'rooms', 'admin', 'settings']);
  });
});
