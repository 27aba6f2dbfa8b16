/** Residents, a person's history and the printed documents: shared by main and renderer. */
import type {
  Category,
  CheckoutKind,
  DocumentType,
  Gender,
  RoomOccupant,
  StayStatus,
  VulnerableFlag,
} from './people';
import type { RoomStatus } from './domain';

/** In residence now; due for release today (or overdue) / tomorrow; departed (history). */
export const RESIDENT_VIEWS = ['in_residence', 'due_today', 'due_tomorrow', 'departed'] as const;
export type ResidentView = (typeof RESIDENT_VIEWS)[number];

export const RESIDENT_SORTS = ['room', 'observation_end', 'check_in'] as const;
export type ResidentSort = (typeof RESIDENT_SORTS)[number];

/** One stay as the residents list shows it: personal numbers masked. */
export interface Resident {
  stayId: number;
  personId: number;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  documentMasked: string;
  category: Category;
  household: string | null;
  vulnerable: VulnerableFlag[];
  status: StayStatus;
  roomId: number | null;
  roomNumber: string | null;
  checkInAt: string | null;
  observationEnd: string | null;
  /** Days until the observation ends (negative when overdue); null once departed. */
  daysLeft: number | null;
  checkedOutAt: string | null;
  checkoutKind: CheckoutKind | null;
}

export interface ResidentPage {
  rows: Resident[];
  total: number;
  nextCursor: string | null;
}

/** Reasons the app writes itself, stored as codes and put into words on display. */
export const STAY_EVENT_REASON_CODES = ['roommate_transferred'] as const;
export type StayEventReasonCode = (typeof STAY_EVENT_REASON_CODES)[number];

export interface StayEventRecord {
  id: number;
  /** A check-out with no room left is a registration closed before check-in. */
  kind: 'check_in' | 'move' | 'extend' | 'check_out';
  at: string;
  fromRoom: string | null;
  toRoom: string | null;
  days: number | null;
  /** What a user typed (or, in rows written before codes, what the app wrote). */
  reason: string | null;
  /** Why, when the app itself made the change; translated on display. */
  reasonCode: StayEventReasonCode | null;
}

export interface StayHistory {
  id: number;
  status: StayStatus;
  batchLabel: string | null;
  household: string | null;
  roomNumber: string | null;
  checkInAt: string | null;
  lastExposureDate: string | null;
  observationDays: number;
  observationEnd: string | null;
  /** Days until the observation ends (negative when overdue); null unless active. */
  daysLeft: number | null;
  checkedOutAt: string | null;
  checkoutKind: CheckoutKind | null;
  hospital: string | null;
  checkoutReason: string | null;
  events: StayEventRecord[];
}

export interface PersonDetail {
  id: number;
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  documentType: DocumentType;
  documentMasked: string;
  phoneMasked: string;
  category: Category;
  origin: string | null;
  /** 来源街道 / 来源地 as the arrivals list wrote it. */
  originPlace: string;
  /** 户籍地. */
  registeredResidence: string;
  /** 车次/航班. */
  travel: string;
  vulnerable: VulnerableFlag[];
  emergencyContact: string;
  emergencyPhoneMasked: string;
  notes: string;
  /** Moves on with every write: an edit names the version it was based on. */
  version: number;
}

export interface PersonHistory {
  person: PersonDetail;
  /** Newest first. */
  stays: StayHistory[];
}

/** 解除隔离告知书: what the A4 release notice prints for one stay. */
export interface ReleaseNotice {
  siteName: string;
  siteAddress: string;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  documentType: DocumentType;
  /** In full only for a user who may reveal personal numbers (and the print is audited). */
  documentNumber: string;
  documentRevealed: boolean;
  origin: string | null;
  roomNumber: string | null;
  checkInAt: string;
  observationEnd: string;
  /** When the release was recorded; null while the stay is still active (a notice prepared ahead). */
  releasedAt: string | null;
  issuedAt: string;
}

export interface OccupancyRoom {
  roomId: number;
  number: string;
  capacity: number;
  status: RoomStatus;
  occupants: RoomOccupant[];
}

/** The occupancy list of one building or one of its floors, for the A4 print. */
export interface OccupancyList {
  siteName: string;
  buildingCode: string;
  buildingName: string;
  floors: { level: number; rooms: OccupancyRoom[] }[];
  occupants: number;
  capacity: number;
  generatedAt: string;
}

/** What `people.reveal` returns to a user allowed to see it. */
export interface RevealedNumbers {
  documentNumber: string;
  phone: string;
  emergencyPhone: string;
  /** The person's notes and emergency contact as typed (the page shows them masked). */
  notes: string;
  emergencyContact: string;
}
