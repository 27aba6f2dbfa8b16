import type { Category, CheckoutKind, Gender, StayStatus } from '../../shared/people';
import type { KeyValue } from '../services/keyset';

/** One stay as the residents queries read it (`COLUMNS` over `stays s` and `ROW_JOINS`). */
export interface ResidentRow {
  stay_id: number;
  person_id: number;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  document_number: string;
  category: Category;
  household: string | null;
  pregnant: number;
  chronic_illness: number;
  disability: number;
  status: StayStatus;
  room_id: number | null;
  room_number: string | null;
  building_code: string | null;
  floor_level: number | null;
  check_in_at: string | null;
  observation_end: string | null;
  checked_out_at: string | null;
  checkout_kind: CheckoutKind | null;
}

export const COLUMNS = `SELECT s.id AS stay_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, p.document_number,
  p.category, s.household, p.pregnant, p.chronic_illness, p.disability, s.status, s.room_id,
  r.number AS room_number, b.code AS building_code, f.level AS floor_level, s.check_in_at,
  s.observation_end, s.checked_out_at, s.checkout_kind`;

/** The person and the room (if any) of each stay `s`. */
export const ROW_JOINS = `JOIN people p ON p.id = s.person_id
  LEFT JOIN rooms r ON r.id = s.room_id
  LEFT JOIN floors f ON f.id = r.floor_id
  LEFT JOIN buildings b ON b.id = r.building_id`;

/**
 * The room sort's key: building, floor, room (shorter numbers first), stay; a stay that never
 * reached a room (a registration closed before check-in) sorts first.
 */
export const ROOM_KEY = [
  "coalesce(b.code, '')",
  'coalesce(f.level, -1000)',
  'coalesce(length(r.number), 0)',
  "coalesce(r.number, '')",
  's.id',
];

/** A condition on `s`, `p`, `r`, `f`, `b` with its bound values. */
export interface Filter {
  sql: string;
  params: KeyValue[];
}

/** Which page: `limit + 1` rows after the key `after` (none: the first page). */
export interface PageSpan {
  direction: 'asc' | 'desc';
  after: KeyValue[] | null;
  limit: number;
}
