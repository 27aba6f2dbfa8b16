/** Staff, posts, shifts and the duty roster: the vocabulary shared by main and renderer. */
import type { ListPreview, RowPreview } from './imports';

export const STAFF_ROLES = [
  'doctor',
  'nurse',
  'security',
  'cleaning',
  'logistics',
  'coordinator',
  'community',
  'driver',
  'other',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Staff {
  id: number;
  fullName: string;
  role: StaffRole;
  unit: string;
  phoneMasked: string;
  skills: string[];
  maxHoursWeek: number;
  active: boolean;
}

/** A staff member as a list import creates them (staff.create's fields). */
export interface StaffEntry {
  fullName: string;
  role: StaffRole;
  unit: string;
  phone: string;
  skills: string[];
  maxHoursWeek: number;
}

/** A row of a staff list: the role and unit as written, and the entry when the row is sound. */
export interface StaffImportRow extends RowPreview {
  roleText: string;
  unit: string;
  staff?: StaffEntry;
}

export type StaffImportPreview = ListPreview<StaffImportRow>;

/** staff.import takes at most this many staff in one call. */
export const MAX_STAFF_IMPORT_ROWS = 500;

export interface Unavailability {
  id: number;
  staffId: number;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface Post {
  id: number;
  siteId: number;
  name: string;
  roles: StaffRole[];
  headCount: number;
  sortOrder: number;
  templateIds: number[];
}

export interface ShiftTemplate {
  id: number;
  siteId: number;
  name: string;
  /** HH:MM, site time. */
  start: string;
  durationMinutes: number;
  /** Covers part of 00:00–06:00: counts as a night shift. */
  night: boolean;
}

const MINUTES_A_DAY = 24 * 60;

const clockOf = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Start–end from two clock times: no shift ends at the start of a day, so an end at 00:00 is 24:00. */
export const clockSpan = (start: string, end: string): string =>
  `${start}–${end === '00:00' ? '24:00' : end}`;

/**
 * A shift's hours as a roster prints them: "08:00–16:00", "16:00–24:00" (ends at midnight),
 * "20:00–08:00" (ends the next day), "08:00–08:00" (24 h duty).
 */
export function shiftHours(template: Pick<ShiftTemplate, 'start' | 'durationMinutes'>): string {
  const [h, m] = template.start.split(':').map(Number) as [number, number];
  return clockSpan(
    template.start,
    clockOf((h * 60 + m + template.durationMinutes) % MINUTES_A_DAY),
  );
}

export type PeriodStatus = 'draft' | 'published';

export interface RosterPeriod {
  id: number;
  siteId: number;
  startsOn: string;
  endsOn: string;
  status: PeriodStatus;
  version: number;
  publishedAt: string | null;
}

/** Why an assignment may not stand (hard) or is not ideal (soft); translated from its code. */
export interface RuleViolation {
  code:
    | 'overlap'
    | 'min_rest'
    | 'unavailable'
    | 'role_mismatch'
    | 'inactive'
    | 'rest_after_night'
    | 'weekly_hours'
    | 'unfair_nights';
  hard: boolean;
  params: Record<string, string | number>;
}

export interface RosterAssignment {
  id: number;
  postId: number;
  templateId: number;
  day: string;
  staffId: number;
  staffName: string;
  staffRole: StaffRole;
  startsAt: string;
  endsAt: string;
  violations: RuleViolation[];
}

/** One post × day × shift: how many it needs and who is on it. */
export interface RosterSlot {
  postId: number;
  templateId: number;
  day: string;
  startsAt: string;
  endsAt: string;
  required: number;
  assignments: RosterAssignment[];
  /** What a write on the slot sends back as `expectedSlotVersion` (main: roster/slotVersion.ts). */
  version: number;
}

export interface RosterGrid {
  period: RosterPeriod;
  posts: Post[];
  templates: ShiftTemplate[];
  days: string[];
  slots: RosterSlot[];
  gaps: number;
  hardViolations: number;
  softViolations: number;
}

export interface UnfilledSlot {
  postId: number;
  templateId: number;
  day: string;
  missing: number;
  /** Why nobody could be placed, by reason code, with how many staff each reason excluded. */
  reasons: Partial<Record<RuleViolation['code'] | 'no_staff_with_role', number>>;
}

export interface AutoFillResult {
  added: number;
  unfilled: UnfilledSlot[];
  grid: RosterGrid;
}

/** A staff member as a choice for one slot, with what the rules say of them there. */
export interface SlotCandidate {
  staffId: number;
  fullName: string;
  role: StaffRole;
  violations: RuleViolation[];
  hoursThisWeek: number;
}

/** 值班表: one day's posts and shifts with who is on duty and how to reach them. */
export interface DutySheet {
  siteName: string;
  day: string;
  period: RosterPeriod;
  rows: {
    post: string;
    shift: string;
    startsAt: string;
    endsAt: string;
    required: number;
    staff: { name: string; role: StaffRole; unit: string; phone: string }[];
  }[];
}
