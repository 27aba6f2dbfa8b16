import type { Migration } from './types';

/**
 * Indexes for a district's years of history (see bench/RESULTS.md), and a slimmer one on readings:
 * - readings by stay need only the stay (a stay has a few dozen readings; sorting them is
 *   free), not (stay, taken_at) copying every timestamp into the index: about 90 MB less at
 *   3,000,000 readings;
 * - active stays by room carry their observation end, so the room board reads the index only;
 * - rooms by building (retired ones too), the ended stays by room and the never-placed by
 *   batch, for a site's departed residents (apart from the active ones, so a query for those
 *   cannot wander into a room's whole history);
 * - stays by check-in and check-out instant, for the daily report's admissions, departures and
 *   residents at midnight, and the round sheet's residents who left during the round;
 * - room status changes by room and instant, for each room's status at a past instant.
 */
export const districtScale: Migration = {
  version: 8,
  name: 'district-scale',
  up: (db) => {
    db.exec(`
      DROP INDEX readings_stay;
      CREATE INDEX readings_of_stay ON readings(stay_id);
      DROP INDEX stays_active_room;
      CREATE INDEX stays_active_room ON stays(room_id, observation_end) WHERE status = 'active';
      CREATE INDEX rooms_building ON rooms(building_id);
      CREATE INDEX stays_closed_room ON stays(room_id) WHERE status <> 'active' AND room_id IS NOT NULL;
      CREATE INDEX stays_unplaced_batch ON stays(batch_id) WHERE room_id IS NULL;
      CREATE INDEX stays_check_in ON stays(check_in_at) WHERE check_in_at IS NOT NULL;
      CREATE INDEX stays_checked_out ON stays(checked_out_at) WHERE checked_out_at IS NOT NULL;
      CREATE INDEX room_status_log_at ON room_status_log(room_id, changed_at);
    `);
  },
};
