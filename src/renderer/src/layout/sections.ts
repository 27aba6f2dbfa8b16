export const SECTIONS = [
  'rooms',
  'allocation',
  'health',
  'roster',
  'stock',
  'reports',
  'admin',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Sections whose screens exist; the others say "not yet available". */
export const READY_SECTIONS: readonly Section[] = ['rooms', 'allocation', 'admin', 'settings'];

export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'rooms';
}
