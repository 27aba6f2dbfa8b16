/** Who is on duty on a day, from the published roster: the daily report's and the home screen's. */
import type { StaffRole } from './roster';

export interface DutyShift {
  shift: string;
  startsAt: string;
  endsAt: string;
  /** The post's head count for the shift. */
  required: number;
  staff: { name: string; role: StaffRole }[];
}

export interface PostOnDuty {
  post: string;
  /** The roles the post takes. */
  roles: StaffRole[];
  shifts: DutyShift[];
}

export interface StaffOnDuty {
  /**
   * 'published': the day's roster is published and `posts` is it; 'draft': a roster covers the
   * day but is not published (nothing is shown from it); 'none': no roster covers the day.
   */
  roster: 'published' | 'draft' | 'none';
  posts: PostOnDuty[];
  /** The coordinators on duty that day (带班), by shift start. */
  leaders: { name: string; shift: string; startsAt: string; endsAt: string }[];
  /** Distinct people on duty that day. */
  headcount: number;
  /** Places short of the posts' head counts, over all the day's shifts. */
  gaps: number;
}
