import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * Consumption norms: how much of an item the site uses per resident per day, per occupied room per
 * day, or per staff shift (any shift, only a given post's, or only shifts worked by a given staff
 * role). An item may have several lines (masks: 2 per resident per day + 1 per staff shift); the
 * supply forecast applies them to the residents expected and the roster's shifts. Items are shared
 * by every site; a line limited to a post belongs to that post's site.
 */
export const consumptionNorms: Migration = {
  version: 14,
  name: 'consumption-norms',
  up: (db) => {
    db.exec(`
      CREATE TABLE stock_norms (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        basis TEXT NOT NULL CHECK (basis IN ('resident_day','room_day','staff_shift')),
        quantity REAL NOT NULL CHECK (quantity > 0 AND quantity <= 100000),
        post_id INTEGER REFERENCES posts(id),
        role TEXT CHECK (role IS NULL OR role IN ('doctor','nurse','security','cleaning','logistics','coordinator','community','driver','other')),
        updated_at TEXT NOT NULL,
        -- Only a shift can be limited to a post or a role, and to one of the two.
        CHECK (basis = 'staff_shift' OR (post_id IS NULL AND role IS NULL)),
        CHECK (post_id IS NULL OR role IS NULL)
      ) STRICT;
      CREATE INDEX stock_norms_item ON stock_norms(item_id);
    `);
    installChangeCapture(db, 'stock_norms');
  },
};
