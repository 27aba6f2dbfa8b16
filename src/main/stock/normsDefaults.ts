import type { NormLine } from '../../shared/supply';

/** What a default needs to know of the site: its medical posts and how many rounds a day. */
export interface SiteShape {
  medicalPostIds: number[];
  roundsPerDay: number;
}

/** Shift lines for the medical posts, or for doctors' and nurses' shifts where none is set up. */
const medicalShifts = (site: SiteShape, quantity: number): NormLine[] =>
  site.medicalPostIds.length > 0
    ? site.medicalPostIds.map((postId) => ({ basis: 'staff_shift', quantity, postId }))
    : [
        { basis: 'staff_shift', quantity, role: 'doctor' },
        { basis: 'staff_shift', quantity, role: 'nurse' },
      ];

/**
 * Sensible first norms by the item's name, from what isolation sites reported using: proposed on
 * the norms screen for an item without one, and saved only when someone accepts them. The first
 * rule that matches wins, so N95 is not taken for a surgical mask.
 */
const RULES: { match: RegExp; lines: (site: SiteShape) => NormLine[] }[] = [
  { match: /N95|KN95/i, lines: (site) => medicalShifts(site, 1) },
  {
    match: /口罩/,
    lines: () => [
      { basis: 'resident_day', quantity: 2 },
      { basis: 'staff_shift', quantity: 1 },
    ],
  },
  { match: /防护服|隔离衣/, lines: (site) => medicalShifts(site, 1) },
  { match: /手套/, lines: () => [{ basis: 'staff_shift', quantity: 2 }] },
  {
    match: /(体温计|耳温|额温|测温).*(套|帽|头)/,
    lines: (site) => [{ basis: 'resident_day', quantity: Math.max(1, site.roundsPerDay) }],
  },
  { match: /消毒液|消毒片|泡腾片|含氯/, lines: () => [{ basis: 'room_day', quantity: 0.1 }] },
  { match: /垃圾袋|医疗废物袋/, lines: () => [{ basis: 'room_day', quantity: 2 }] },
  { match: /饮用水|矿泉水/, lines: () => [{ basis: 'resident_day', quantity: 3 }] },
];

/** The proposed norm for an item of this name, or none. */
export function suggestedNorm(itemName: string, site: SiteShape): NormLine[] {
  return RULES.find((r) => r.match.test(itemName))?.lines(site) ?? [];
}
