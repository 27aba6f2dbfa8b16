import type { TodayContact } from '../../shared/today';
import type { ServiceContext } from '../services/context';

/**
 * Roommates flagged as contacts by a fever case's transfer (health/transfer.ts) and still in
 * residence at the site: the people the medical team watches closest. A person flagged twice
 * shows once, with the latest flag.
 */
export function contactsUnderWatch(ctx: ServiceContext, input: { siteId: number }): TodayContact[] {
  return ctx.db
    .prepare<
      [number],
      {
        stay_id: number;
        person_id: number;
        full_name: string;
        room_number: string;
        flagged_at: string;
        observation_end: string | null;
        restarted: number;
      }
    >(
      `SELECT s.id AS stay_id, s.person_id, p.full_name, r.number AS room_number,
              max(cf.created_at) AS flagged_at, s.observation_end, max(cf.observation_restarted) AS restarted
       FROM buildings b CROSS JOIN rooms r ON r.building_id = b.id
       CROSS JOIN stays s ON s.room_id = r.id AND s.status = 'active'
       JOIN contact_flags cf ON cf.stay_id = s.id JOIN people p ON p.id = s.person_id
       WHERE b.site_id = ? GROUP BY s.id ORDER BY r.number, s.id`,
    )
    .all(input.siteId)
    .map((c) => ({
      stayId: c.stay_id,
      personId: c.person_id,
      fullName: c.full_name,
      roomNumber: c.room_number,
      flaggedAt: c.flagged_at,
      observationEnd: c.observation_end,
      observationRestarted: c.restarted === 1,
    }));
}
