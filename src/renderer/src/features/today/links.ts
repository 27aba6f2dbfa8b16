import { personHash } from '@renderer/layout/sections';

/** The screen behind each figure of the home screen. */
export const TODAY_LINKS = {
  rooms: '#/rooms',
  residents: '#/residents',
  arrivals: '#/allocation',
  rounds: '#/health',
  fevers: '#/health/fever',
  roster: '#/roster',
  stock: '#/stock',
  person: personHash,
} as const;

export type Navigate = (hash: string) => void;
