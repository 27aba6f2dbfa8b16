/** People, arrivals and stays: the vocabulary shared by main and renderer. */
import type { CheckInWarning } from './observation';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** 密接, 次密接, from a high-risk area, inbound traveller, other. */
export const CATEGORIES = [
  'close_contact',
  'secondary_contact',
  'high_risk_area',
  'inbound',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STAY_STATUSES = [
  'registered',
  'active',
  'released',
  'transferred',
  'checked_out',
] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];

export const CHECKOUT_KINDS = ['release', 'transfer', 'other'] as const;
export type CheckoutKind = (typeof CHECKOUT_KINDS)[number];

export const VULNERABLE_FLAGS = [
  'elderly',
  'child',
  'pregnant',
  'chronic_illness',
  'disability',
] as const;
export type VulnerableFlag = (typeof VULNERABLE_FLAGS)[number];

/** Age limits for the derived flags. */
export const ELDERLY_FROM_AGE = 65;
export const CHILD_UNDER_AGE = 14;

export interface Origin {
  id: number;
  street: string;
  community: string;
}

export interface ArrivalBatch {
  id: number;
  siteId: number;
  label: string;
  arrivedAt: string;
  expectedCount: number | null;
  registered: number;
  checkedIn: number;
}

/** One person of a batch as lists show them: personal numbers masked. */
export interface BatchMember {
  stayId: number;
  personId: number;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  documentType: DocumentType;
  documentMasked: string;
  phoneMasked: string;
  category: Category;
  household: string | null;
  vulnerable: VulnerableFlag[];
  status: StayStatus;
  roomId: number | null;
  roomNumber: string | null;
  lastExposureDate: string | null;
  /** Set while waiting for a room when the observation is already over on the check-in day. */
  checkInWarning: CheckInWarning | null;
}

/** Why a line of the suggestion is what it is; translated by the renderer from its code. */
export interface AllocationReason {
  code:
    | 'household_together'
    | 'household_split'
    | 'single'
    | 'lower_floor'
    | 'accessible'
    | 'shared_same_gender'
    | 'no_room';
  params: Record<string, string | number>;
}

export interface AllocationLine {
  stayId: number;
  fullName: string;
  /** Null when the birth date is unknown (shown as 年龄不详). */
  age: number | null;
  household: string | null;
  roomId: number | null;
  roomNumber: string | null;
  reasons: AllocationReason[];
  checkInWarning: CheckInWarning | null;
}

export interface AllocationPlan {
  lines: AllocationLine[];
  unplaced: number;
}

export interface StayRecord {
  id: number;
  personId: number;
  status: StayStatus;
  roomId: number | null;
  roomNumber: string | null;
  checkInAt: string | null;
  lastExposureDate: string | null;
  observationDays: number;
  observationEnd: string | null;
  checkedOutAt: string | null;
  checkoutKind: CheckoutKind | null;
  hospital: string | null;
  checkoutReason: string | null;
}

export interface Disinfection {
  id: number;
  roomId: number;
  operator: string;
  performedAt: string;
  agent: string;
  concentration: string;
  notes: string;
}

/** Someone checked into a room, as the room dialog lists them (numbers masked). */
export interface RoomOccupant {
  stayId: number;
  personId: number;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  documentMasked: string;
  household: string | null;
  checkInAt: string;
  observationEnd: string;
  daysLeft: number;
}
