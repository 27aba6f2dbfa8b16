/** The one-page daily report (日报) for the district command centre. */
import type { RoomStatus } from './domain';
import type { FeverStatus, RoundSummary } from './health';
import type { StaffOnDuty } from './onDuty';
import type { StockAlerts } from './stockAlerts';

export interface DailyReport {
  siteName: string;
  day: string;
  generatedAt: string;
  /** Rooms by status at the end of the day (now, for today). */
  rooms: Record<RoomStatus, number>;
  roomTotal: number;
  /** In residence at 24:00 of the day (now, for today). */
  residentsAtMidnight: number;
  admissions: number;
  releases: number;
  transfers: number;
  otherDepartures: number;
  rounds: RoundSummary[];
  missedReadings: number;
  feverCases: { name: string; room: string | null; maxTenths: number; status: FeverStatus }[];
  rechecks: number;
  /** The day's published roster (who was on duty at each post), or why there is none. */
  staffOnDuty: StaffOnDuty;
  /** The site's stores at the end of the day (now, for today). */
  stockAlerts: StockAlerts;
  /** Residents at the end of each of the 14 days ending with `day`. */
  occupancy: { day: string; residents: number }[];
  /**
   * The audit chain head when the report was made (also anchored in the data folder): on paper,
   * it shows later whether the trail was cut or rewritten since.
   */
  auditHead: { count: number; headHash: string };
}

/** The first 16 hex digits of a chain head: enough to compare by eye, short enough for a foot line. */
export const auditHeadShort = (headHash: string): string => headHash.slice(0, 16);
