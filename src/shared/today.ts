/** 今日概况: the home screen's figures, from the same services as the daily report. */
import type { RoomStatus } from './domain';
import type { RoundProgress } from './health';
import type { StockAlerts } from './stockAlerts';

export interface TodayPeople {
  inResidence: number;
  /** Registered in an arrival batch, not checked in yet. */
  arrivalsExpected: number;
  dueToday: number;
  dueTomorrow: number;
}

export interface TodayFever {
  caseId: number;
  personId: number;
  fullName: string;
  roomNumber: string | null;
  latestTenths: number;
  recheckDue: boolean;
}

/** A roommate flagged as a contact when a fever case was transferred, still in residence. */
export interface TodayContact {
  stayId: number;
  personId: number;
  fullName: string;
  roomNumber: string;
  flaggedAt: string;
  observationEnd: string | null;
  observationRestarted: boolean;
}

export interface TodayShift {
  post: string;
  shift: string;
  startsAt: string;
  endsAt: string;
  required: number;
  staff: string[];
}

export interface TodayStaff {
  /** Today's roster: published, only a draft, or none. */
  roster: 'published' | 'draft' | 'none';
  /** Shifts under way now (a night shift begun yesterday included). */
  now: TodayShift[];
  /** The shifts starting next (all at the same instant), with their places short. */
  next: TodayShift[];
  nextGaps: number;
}

/**
 * Each part is null where the caller's roles may not see it (rooms: registry.read; people, rounds,
 * fevers, contacts: people.read; staff: roster.read; stock: stock.read).
 */
export interface TodayOverview {
  day: string;
  generatedAt: string;
  rooms: { byStatus: Record<RoomStatus, number>; total: number } | null;
  people: TodayPeople | null;
  rounds: RoundProgress[] | null;
  fevers: TodayFever[] | null;
  contacts: TodayContact[] | null;
  staff: TodayStaff | null;
  stock: StockAlerts | null;
}
