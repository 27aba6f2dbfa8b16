import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * The stock ledger. Every movement is a row of a posted document and is never edited or deleted
 * (a correction is a reversing document); on-hand lives in stock_balances, kept in the same
 * transaction as the movement, whose CHECK makes a negative balance impossible; stock_daily keeps
 * per-item daily sums so period reports never scan the whole ledger. Quantities are integers in
 * the item's base unit.
 */
export const stock: Migration = {
  version: 6,
  name: 'stock',
  up: (db) => {
    db.exec(`
      CREATE TABLE stock_items (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('ppe','disinfection','medical','living','food_water','other')),
        spec TEXT NOT NULL DEFAULT '',
        base_unit TEXT NOT NULL,
        low_threshold INTEGER NOT NULL DEFAULT 0 CHECK (low_threshold >= 0),
        tracks_lots INTEGER NOT NULL DEFAULT 0 CHECK (tracks_lots IN (0,1)),
        archived_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX stock_items_active_name ON stock_items(name, spec) WHERE archived_at IS NULL;

      CREATE TABLE stock_item_units (
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        unit TEXT NOT NULL,
        factor INTEGER NOT NULL CHECK (factor > 0),
        PRIMARY KEY (item_id, unit)
      ) STRICT;

      CREATE TABLE stock_item_aliases (
        alias TEXT NOT NULL PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES stock_items(id)
      ) STRICT;

      CREATE TABLE stock_locations (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES stock_locations(id),
        archived_at TEXT
      ) STRICT;

      CREATE TABLE stock_parties (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('company','organisation','individual','district','supplier')),
        name TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        UNIQUE (kind, name)
      ) STRICT;

      CREATE TABLE stock_lots (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        code TEXT NOT NULL,
        expiry TEXT,
        UNIQUE (item_id, code, expiry)
      ) STRICT;

      CREATE TABLE stock_documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('receipt','issue','adjustment','reversal')),
        site_id INTEGER NOT NULL REFERENCES sites(id),
        occurred_at TEXT NOT NULL,
        source TEXT CHECK (source IS NULL OR source IN ('donation','purchase','allocation','transfer')),
        party_id INTEGER REFERENCES stock_parties(id),
        destination_kind TEXT CHECK (destination_kind IS NULL OR destination_kind IN ('floor','room','post','staff','community','department')),
        destination TEXT,
        reason TEXT NOT NULL DEFAULT '',
        reverses_id INTEGER UNIQUE REFERENCES stock_documents(id),
        recorded_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((kind = 'receipt') = (source IS NOT NULL)),
        CHECK ((kind = 'issue') = (destination_kind IS NOT NULL)),
        CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX stock_documents_site ON stock_documents(site_id, occurred_at);

      CREATE TABLE stock_movements (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES stock_documents(id),
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        lot_id INTEGER REFERENCES stock_lots(id),
        location_id INTEGER NOT NULL REFERENCES stock_locations(id),
        quantity INTEGER NOT NULL CHECK (quantity <> 0),
        at TEXT NOT NULL,
        -- The document's kind and channel (source / destination kind), copied so a stock card
        -- reads one index and no document rows.
        kind TEXT NOT NULL CHECK (kind IN ('receipt','issue','adjustment','reversal')),
        channel TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX stock_movements_item ON stock_movements(item_id, location_id, at, quantity, kind, channel, lot_id, document_id);
      CREATE INDEX stock_movements_lot ON stock_movements(lot_id) WHERE lot_id IS NOT NULL;

      -- On hand by item, lot (0 = untracked) and location: never negative.
      CREATE TABLE stock_balances (
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        lot_id INTEGER NOT NULL,
        location_id INTEGER NOT NULL REFERENCES stock_locations(id),
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        PRIMARY KEY (item_id, lot_id, location_id)
      ) STRICT, WITHOUT ROWID;

      -- Per location, item, site day, kind and channel (a receipt's source, an issue's destination kind):
      -- the signed sum of the movements. A period report reads these, never the ledger itself;
      -- opening stock is today's balance minus what moved since the period began.
      CREATE TABLE stock_daily (
        location_id INTEGER NOT NULL REFERENCES stock_locations(id),
        item_id INTEGER NOT NULL REFERENCES stock_items(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        PRIMARY KEY (location_id, day, item_id, kind, channel)
      ) STRICT, WITHOUT ROWID;

      -- The ledger is append-only: a correction is a reversing document.
      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
        BEGIN SELECT RAISE(ABORT, 'stock movements are never edited'); END;
      CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
        BEGIN SELECT RAISE(ABORT, 'stock movements are never deleted'); END;
      CREATE TRIGGER stock_documents_no_delete BEFORE DELETE ON stock_documents
        BEGIN SELECT RAISE(ABORT, 'stock documents are never deleted'); END;
    `);
    // Balances and daily sums are derived: their changes are not audited row by row.
    for (const table of [
      'stock_items',
      'stock_item_units',
      'stock_item_aliases',
      'stock_locations',
      'stock_parties',
      'stock_lots',
      'stock_documents',
      'stock_movements',
    ]) {
      installChangeCapture(db, table);
    }
  },
};
