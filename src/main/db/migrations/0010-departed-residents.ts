import type { Migration } from './types';

/**
 * The rows of a site's departed-residents view, for the stays `where` (a condition on `stays s`)
 * selects: a stay that ended (released, transferred or closed) of a person not purged, at the
 * site of its room, or — never checked in — of its arrival batch. The same definition as the
 * residents service's departed view; every trigger below refills from it, so they cannot drift.
 */
const rowsOf = (where: string): string => `
  SELECT stay_id, site_id, check_in, observation_end FROM (
    SELECT s.id AS stay_id,
      CASE WHEN s.room_id IS NOT NULL
        THEN (SELECT b.site_id FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = s.room_id)
        ELSE (SELECT ab.site_id FROM arrival_batches ab WHERE ab.id = s.batch_id) END AS site_id,
      coalesce(CAST(round(unixepoch(s.check_in_at, 'subsec') * 1000) AS INTEGER), 0) AS check_in,
      coalesce(unixepoch(s.observation_end) / 86400, -1) AS observation_end
    FROM stays s JOIN people p ON p.id = s.person_id
    WHERE ${where} AND s.status IN ('released','transferred','checked_out')
      AND p.document_number <> 'purged:' || p.id)
  WHERE site_id IS NOT NULL`;

/** Drops the rows of the stays `where` selects and puts back what the definition now says. */
const refill = (where: string): string => `
  DELETE FROM departed_stays WHERE stay_id IN (SELECT s.id FROM stays s WHERE ${where});
  INSERT INTO departed_stays (stay_id, site_id, check_in, observation_end) ${rowsOf(where)};`;

const ENDED = (row: 'OLD' | 'NEW'): string =>
  `${row}.status IN ('released','transferred','checked_out')`;
const PURGED = (row: 'OLD' | 'NEW'): string => `(${row}.document_number = 'purged:' || ${row}.id)`;

/**
 * A site's departed residents (tens of thousands over an epidemic) by site in the order of the
 * stay sorts, so the departed view reads one page and counts one index range instead of joining
 * and sorting every stay the site ever had (see bench/RESULTS.md). Kept by triggers on every
 * column its definition reads: a stay's status, room, batch, person and sorted instants; a
 * person's purge; a room's building, a building's or batch's site (never changed by the app
 * today, kept right all the same). The sort by room walks the site's rooms in order instead,
 * since a room's number and its building's code may be renamed.
 *
 * Also stays by person, which the purge trigger needs (a purge marks people by the thousand).
 */
export const departedResidents: Migration = {
  version: 10,
  name: 'departed-residents',
  up: (db) => {
    db.exec(`
      CREATE TABLE departed_stays (
        stay_id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL,
        -- Epoch ms (0: never checked in) and days since 1970 (-1: none): the order of the stay's
        -- text instants in a third of the bytes (see db/compactValues.ts).
        check_in INTEGER NOT NULL,
        observation_end INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX departed_stays_check_in ON departed_stays(site_id, check_in);
      CREATE INDEX departed_stays_observation_end ON departed_stays(site_id, observation_end);
      CREATE INDEX stays_person ON stays(person_id);

      INSERT INTO departed_stays (stay_id, site_id, check_in, observation_end) ${rowsOf('1')};

      CREATE TRIGGER departed_stays_stay_insert AFTER INSERT ON stays
      WHEN ${ENDED('NEW')} BEGIN ${refill('s.id = NEW.id')} END;

      CREATE TRIGGER departed_stays_stay_update
      AFTER UPDATE OF id, status, room_id, batch_id, person_id, check_in_at, observation_end ON stays
      WHEN ${ENDED('OLD')} OR ${ENDED('NEW')} BEGIN
        DELETE FROM departed_stays WHERE stay_id = OLD.id;
        ${refill('s.id = NEW.id')}
      END;

      CREATE TRIGGER departed_stays_stay_delete AFTER DELETE ON stays
      WHEN ${ENDED('OLD')} BEGIN DELETE FROM departed_stays WHERE stay_id = OLD.id; END;

      CREATE TRIGGER departed_stays_person AFTER UPDATE OF id, document_number ON people
      WHEN ${PURGED('OLD')} IS NOT ${PURGED('NEW')} OR OLD.id <> NEW.id BEGIN
        DELETE FROM departed_stays WHERE stay_id IN (SELECT s.id FROM stays s WHERE s.person_id = OLD.id);
        ${refill('s.person_id = NEW.id')}
      END;

      CREATE TRIGGER departed_stays_room AFTER UPDATE OF building_id ON rooms
      WHEN OLD.building_id IS NOT NEW.building_id BEGIN
        ${refill("s.room_id = NEW.id AND s.status <> 'active'")}
      END;

      CREATE TRIGGER departed_stays_building AFTER UPDATE OF site_id ON buildings
      WHEN OLD.site_id IS NOT NEW.site_id BEGIN
        ${refill("s.room_id IN (SELECT r.id FROM rooms r WHERE r.building_id = NEW.id) AND s.status <> 'active'")}
      END;

      CREATE TRIGGER departed_stays_batch AFTER UPDATE OF site_id ON arrival_batches
      WHEN OLD.site_id IS NOT NEW.site_id BEGIN
        ${refill('s.batch_id = NEW.id AND s.room_id IS NULL')}
      END;
    `);
  },
};
