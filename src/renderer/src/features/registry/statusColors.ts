import type { RoomStatus } from '@shared/domain';

/** One colour per status, shared by the board tiles, the counts and the list. */
export const STATUS_COLORS: Record<RoomStatus, { fg: string; bg: string }> = {
  available: { fg: '#1b5e20', bg: '#e3f4e4' },
  reserved: { fg: '#0d47a1', bg: '#e1ecfb' },
  occupied: { fg: '#8a3c00', bg: '#fde9d4' },
  awaiting_disinfection: { fg: '#5e1a7a', bg: '#f1e3f7' },
  out_of_service: { fg: '#424242', bg: '#e6e6e6' },
};
