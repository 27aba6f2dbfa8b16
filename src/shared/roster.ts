/** Staff, posts, shifts and the duty roster: the vocabulary shared by main and renderer. */

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
