export const SECTIONS = [
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

/** Sections whose screens exist; the others say "not yet available". */
export const READY_SECTIONS: readonly Section[] = [
  'rooms',
  'allocation',
  'residents',
  'health',
  'roster',
  'stock',
  'reports',
  'admin',
  'settings',
];

/** `#/residents/person/12` → residents; anything unknown → rooms. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'rooms';
}

/** The person a `#/residents/person/<id>` hash opens, if any. */
export function personFromHash(hash: string): number | null {
  const match = /^#\/residents\/person\/(\d{1,15})$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export const personHash = (personId: number): string => `#/residents/person/${personId}`;
