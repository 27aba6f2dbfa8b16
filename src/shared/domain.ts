/** Domain vocabulary shared by main, preload and renderer. No Node, no DOM. */

export const ROOM_STATUSES = [
  'available',
  'reserved',
  'occupied',
  'awaiting_disinfection',
  'out_of_service',
] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const ROOM_TYPES = ['single', 'double', 'family', 'accessible'] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

export const ROOM_FEATURES = [
  'private_bathroom',
  'window',
  'balcony',
  'air_conditioning',
  'wheelchair_access',
  'connecting_door',
] as const;
export type RoomFeature = (typeof ROOM_FEATURES)[number];

/** Status changes a coordinator may make from the registry; the rest belong to allocation. */
export const MANUAL_STATUS_TRANSITIONS: Readonly<Record<RoomStatus, readonly RoomStatus[]>> = {
  available: ['out_of_service', 'reserved'],
  out_of_service: ['available'],
  reserved: ['available'],
  occupied: [],
  awaiting_disinfection: [],
};

/** Moving to these statuses needs a written reason. */
export const STATUSES_REQUIRING_REASON: readonly RoomStatus[] = ['out_of_service'];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Site {
  id: number;
  name: string;
  address: string;
  retiredAt: string | null;
}

export interface Building {
  id: number;
  siteId: number;
  code: string;
  name: string;
  retiredAt: string | null;
  floorCount: number;
  roomCount: number;
}

export interface Floor {
  id: number;
  buildingId: number;
  level: number;
  name: string;
  retiredAt: string | null;
  roomCount: number;
}

export interface Room {
  id: number;
  siteId: number;
  buildingId: number;
  buildingCode: string;
  floorId: number;
  floorLevel: number;
  number: string;
  capacity: number;
  type: RoomType;
  features: RoomFeature[];
  notes: string;
  status: RoomStatus;
  statusReason: string | null;
  everUsed: boolean;
  retiredAt: string | null;
  /** Moves on with every write: an edit names the version it was based on. */
  version: number;
}

export interface RoomStatusChange {
  id: number;
  roomId: number;
  fromStatus: RoomStatus;
  toStatus: RoomStatus;
  reason: string | null;
  changedAt: string;
}

export interface BoardTile {
  id: number;
  number: string;
  status: RoomStatus;
  capacity: number;
  freeBeds: number;
  occupants: number;
  /** Fewest observation days left among the occupants (0 = ends today, negative = overdue); null when empty. */
  daysLeft: number | null;
  type: RoomType;
  statusReason: string | null;
}

export interface BoardFloor {
  floorId: number;
  buildingId: number;
  buildingCode: string;
  buildingName: string;
  level: number;
  rooms: BoardTile[];
}

export interface RoomBoard {
  counts: Record<RoomStatus, number>;
  totalRooms: number;
  totalBeds: number;
  freeBeds: number;
  floors: BoardFloor[];
}

export interface BulkCreateResult {
  created: number;
  floorsCreated: number;
  firstNumber: string;
  lastNumber: string;
}

export interface RoomPage {
  rows: Room[];
  total: number;
  /** Opaque cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

export interface Settings {
  language: Language;
  /** Minutes without activity before a session locks. */
  idleLockMinutes: number;
  /** Hours after sign-in before a session ends whatever happens. */
  sessionMaxHours: number;
  /** Days of observation from check-in (or the last exposure, if given). */
  observationDays: number;
  /** Whether unrelated people of the same gender may share a room. */
  allowUnrelatedSharing: boolean;
  /** Temperature rounds of each day, HH:MM site time, in order. */
  roundTimes: string[];
  /** Minutes after a round's time until it closes (then whoever has no reading is missed). */
  roundWindowMinutes: number;
  /** Readings at or above this (tenths of °C) are fever. */
  feverThresholdTenths: number;
  /** Minutes after a fever reading when the re-check is due. */
  recheckMinutes: number;
  /** Whether a transfer restarts the observation of the transferred person's roommates. */
  restartRoommatesObservation: boolean;
  /** Least hours off between two shifts of one staff member (a hard roster rule). */
  minRestHours: number;
  /** Lots expiring within this many days are flagged. */
  stockExpiryDays: number;
  /** Days back a receipt may be dated by anyone who receives stock; earlier needs an administrator. */
  receiptBackdateDays: number;
}

/** What the desk runs on, for 帮助 → 关于 (Electron and Chromium only in the Electron shell). */
export interface RuntimeVersions {
  node: string;
  electron?: string;
  chrome?: string;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  /**
   * The runtime and the data folder: absent for a caller through the host who is not signed in
   * (anyone on the LAN may ask before signing in; they are nobody's business but the office's).
   */
  runtime?: RuntimeVersions;
  dataDir?: string;
  shell: 'electron' | 'browser';
  hasSite: boolean;
  /** No account exists yet: first run shows the setup screen. */
  needsSetup: boolean;
  /** The data folder is write-protected: records can be read, no change saved. */
  readOnly: boolean;
  /** Read-only because the disk was full at start: free space, then start again. */
  diskFull?: boolean;
  /** The database was found damaged at start: the app shows only its recovery screen. */
  recovery: boolean;
}
