import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import { stock } from './0006-stock';

const AT = '2026-11-29T08:00:00.000Z';

describe('migration 0006 stock', () => {
  let t: TestContext;
  let db: Db;
  let documentId: number;

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
    const site = db
      .prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('S', ?, ?)")
      .run(AT, AT).lastInsertRowid;
    db.prepare("INSERT INTO stock_locations (site_id, name) VALUES (?, 'store')").run(site);
    db.prepare(
      "INSERT INTO stock_items (name, category, base_unit, created_at) VALUES ('Mask', 'ppe', 'pc', ?)",
    ).run(AT);
    documentId = Number(
      db
        .prepare(
          "INSERT INTO stock_documents (kind, site_id, occurred_at, source, created_at) VALUES ('receipt', ?, ?, 'donation', ?)",
        )
        .run(site, AT, AT).lastInsertRowid,
    );
  });
  afterEach(() => t.close());

  it('is the sixth step; migrating again changes nothing', () => {
    expect(stock.version).toBe(6);
    expect(MIGRATIONS[5]).toBe(stock);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
  });

  it('keeps the ledger append-only, balances never negative, documents consistent with their kind', () => {
    const move = (q: number) =>
      db
        .prepare(
          "INSERT INTO stock_movements (document_id, item_id, location_id, quantity, at, kind) VALUES (?, 1, 1, ?, ?, 'receipt')",
        )
        .run(documentId, q, AT);
    expect(() => move(0)).toThrow(/CHECK/);
    move(5);
    expect(() => db.prepare('UPDATE stock_movements SET quantity = 6').run()).toThrow(
      /never edited/,
    );
    expect(() => db.prepare('DELETE FROM stock_movements').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM stock_documents').run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          'INSERT INTO stock_balances (item_id, lot_id, location_id, quantity) VALUES (1, 0, 1, -1)',
        )
        .run(),
    ).toThrow(/CHECK/);
    // A receipt names its source; an issue its destination; a reversal what it reverses.
    expect(() =>
      db
        .prepare(
          "INSERT INTO stock_documents (kind, site_id, occurred_at, created_at) VALUES ('receipt', 1, ?, ?)",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO stock_documents (kind, site_id, occurred_at, created_at) VALUES ('issue', 1, ?, ?)",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT sum(quantity) FROM stock_movements WHERE item_id = ? AND location_id = ? AND at >= ?',
      )
      .all(1, 1, AT) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX stock_movements_item/);
  });
});
