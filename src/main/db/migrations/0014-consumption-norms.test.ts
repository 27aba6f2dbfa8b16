import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const AT = '2026-11-29T08:00:00.000Z';

describe('migration 0014 consumption-norms', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
    migrate(db, MIGRATIONS.slice(0, 13));
    db.prepare(
      "INSERT INTO stock_items (name, category, base_unit, created_at) VALUES ('医用外科口罩', 'ppe', '只', ?)",
    ).run(AT);
  });
  afterEach(() => file.close());

  it('adds the norms table, audited, and its checks refuse what a norm cannot be', () => {
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.prepare('DELETE FROM audit_pending').run();
    const insert = db.prepare(
      'INSERT INTO stock_norms (item_id, basis, quantity, post_id, role, updated_at) VALUES (1, ?, ?, NULL, ?, ?)',
    );
    insert.run('resident_day', 2, null, AT);
    insert.run('staff_shift', 0.5, 'nurse', AT);
    const captured = db.prepare('SELECT after FROM audit_pending').pluck().all() as string[];
    expect(captured.map((r) => JSON.parse(r) as Record<string, unknown>)).toMatchObject([
      { basis: 'resident_day', quantity: 2 },
      { basis: 'staff_shift', quantity: 0.5, role: 'nurse' },
    ]);
    // A per-resident line limited to a role, nothing used, an unknown basis or role.
    expect(() => insert.run('resident_day', 1, 'nurse', AT)).toThrow(/CHECK/);
    expect(() => insert.run('room_day', 0, null, AT)).toThrow(/CHECK/);
    expect(() => insert.run('per_bed', 1, null, AT)).toThrow(/CHECK/);
    expect(() => insert.run('staff_shift', 1, 'pilot', AT)).toThrow(/CHECK/);
  });
});
