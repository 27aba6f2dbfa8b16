/** Temperature rounds, fever cases and transfers: the vocabulary shared by main and renderer. */
import type { Gender } from './people';

/** Ticked on the round sheet: cough, feeling feverish, fatigue, sore throat, short of breath, diarrhoea, lost smell or taste. */
export const SYMPTOMS = [
  'cough',
  'feverish',
  'fatigue',
  'sore_throat',
  'short_breath',
  'diarrhoea',
  'smell_taste',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** Readings are whole tenths of a degree Celsius: 373 is 37.3 °C. */
export const MIN_TEMPERATURE_TENTHS = 340;
export const MAX_TEMPERATURE_TENTHS = 425;
export const MAX_ROUNDS_PER_DAY = 6;

export const formatTenths = (tenths: number): string => (tenths / 10).toFixed(1);

export interface RoundInfo {
  day: string;
  slot: number;
  /** HH:MM, site time. */
  time: string;
  startsAt: string;
  closesAt: string;
  /** Past its window: whoever has no reading is missed. */
  closed: boolean;
}

export interface ReadingRecord {
  id: number;
  stayId: number;
  kind: 'round' | 'recheck';
  day: string;
  slot: number | null;
  temperatureTenths: number;
  symptoms: Symptom[];
  takenAt: string;
  recordedBy: string | null;
  recordedAt: string;
  fever: boolean;
  /** Moves on with every correction: a save names the version the sheet showed (0: none). */
  version: number;
}

export interface RoundRow {
  stayId: number;
  personId: number;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  roomId: number;
  roomNumber: string;
  floorLevel: number;
  /** Still checked in (a reading can be entered). */
  active: boolean;
  reading: ReadingRecord | null;
  /** Has an open fever case (from this round or earlier). */
  feverOpen: boolean;
}

export interface RoundSheet {
  round: RoundInfo;
  rows: RoundRow[];
  expected: number;
  recorded: number;
  /** Without a reading; "missed" once the round is closed. */
  missing: number;
  fevers: number;
}

export interface RoundSummary extends RoundInfo {
  expected: number;
  recorded: number;
  missing: number;
  fevers: number;
}

/** One floor's share of a round: the people it concerns on that floor. */
export interface FloorProgress {
  floorId: number;
  buildingCode: string;
  level: number;
  expected: number;
  recorded: number;
  missing: number;
  fevers: number;
}

/** A round with its counts for the site (the sum of its floors') and floor by floor. */
export interface RoundProgress extends RoundSummary {
  floors: FloorProgress[];
}

export type FeverStatus = 'open' | 'cleared' | 'transferred';

export interface FeverCase {
  id: number;
  stayId: number;
  personId: number;
  fullName: string;
  gender: Gender;
  /** Null when the birth date is unknown (年龄不详). */
  age: number | null;
  roomId: number | null;
  roomNumber: string | null;
  status: FeverStatus;
  openedAt: string;
  recheckDueAt: string;
  /** The re-check is due or overdue (open cases only). */
  recheckDue: boolean;
  firstTenths: number;
  latestTenths: number;
  latestAt: string;
  symptoms: Symptom[];
  closedAt: string | null;
  note: string | null;
}

export interface TransferRecord {
  id: number;
  stayId: number;
  hospital: string;
  departedAt: string;
  escort: string;
  vehicle: string;
  /** Roommates flagged as contacts (and whether their observation restarted). */
  roommates: { stayId: number; fullName: string; observationRestarted: boolean }[];
}
