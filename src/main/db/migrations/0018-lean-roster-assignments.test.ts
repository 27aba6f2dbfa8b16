import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnmigratedDb } from '../../testing/tempDb';
import { migrate } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const AT = '2026-11-29T08:00:00.000Z';

const columnsOf = (db: Db, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/** A version-17 file with a site's week of 门岗 day shifts, two staff each day. */
function version17File(db: Db): { assignments: number } {
  migrate(db, MIGRATIONS.slice(0, 17));
  const site = db
    .prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('和平路集中隔离点', ?, ?)")
    .run(AT, AT).lastInsertRowid;
  const post = db
    .prepare(
      `INSERT INTO posts (site_id, name, roles, head_count, created_at) VALUES (?, '门岗', '["security"]', 2, ?)`,
    )
    .run(site, AT).lastInsertRowid;
  const template = db
    .prepare(
      "INSERT INTO shift_templates (site_id, name, start_minute, duration_minutes, created_at) VALUES (?, '白班', 480, 480, ?)",
    )
    .run(site, AT).lastInsertRowid;
  const period = db
    .prepare(
      "INSERT INTO roster_periods (site_id, starts_on, ends_on, status, created_at) VALUES (?, '2026-11-30', '2026-12-06', 'draft', ?)",
    )
    .run(site, AT).lastInsertRowid;
  const staff = ['周建国', '李卫东'].map(
    (name) =>
      db
        .prepare(
          "INSERT INTO staff (full_name, role, created_at, updated_at) VALUES (?, 'security', ?, ?)",
        )
        .run(name, AT, AT).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let assignments = 0;
  for (let d = 0; d < 7; d++) {
    const day = `2026-12-0${d + 1}`;
    for (const person of staff) {
      insert.run(
        period,
        post,
        template,
        day,
        person,
        `${day}T00:00:00.000Z`,
        `${day}T08:00:00.000Z`,
        AT,
      );
      assignments++;
    }
  }
  db.prepare('DELETE FROM audit_pending').run();
  return { assignments };
}

describe('migration 0018 lean-roster-assignments', () => {
  let file: ReturnType<typeof makeUnmigratedDb>;
  let db: Db;
  beforeEach(() => {
    file = makeUnmigratedDb();
    db = file.db;
  });
  afterEach(() => file.close());

  it('drops created_at and keeps every assignment, its constraints and its version', () => {
    const { assignments } = version17File(db);
    const kept = db
      .prepare(
        'SELECT id, period_id, post_id, template_id, day, staff_id, starts_at, ends_at, version FROM roster_assignments ORDER BY id',
      )
      .all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(columnsOf(db, 'roster_assignments')).not.toContain('created_at');
    expect(db.prepare('SELECT * FROM roster_assignments ORDER BY id').all()).toEqual(kept);
    expect(kept).toHaveLength(assignments);
    // The same person twice on one shift is still refused, as is a shift that ends before it starts.
    const first = kept[0] as Record<string, unknown>;
    const again = db.prepare(
      `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at)
       VALUES (@period_id, @post_id, @template_id, @day, @staff_id, @starts_at, @ends_at)`,
    );
    expect(() => again.run(first)).toThrow(/UNIQUE/);
    expect(() => again.run({ ...first, day: '2026-12-08', ends_at: first.starts_at })).toThrow(
      /CHECK/,
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('still captures every change for the audit, without the dropped column', () => {
    version17File(db);
    migrate(db);
    db.prepare(
      'UPDATE roster_assignments SET staff_id = staff_id, version = version + 1 WHERE id = 1',
    ).run();
    db.prepare('DELETE FROM roster_assignments WHERE id = 2').run();
    const captured = db
      .prepare(
        "SELECT op, before, after FROM audit_pending WHERE tbl = 'roster_assignments' ORDER BY id",
      )
      .all() as { op: string; before: string | null; after: string | null }[];
    expect(captured.map((c) => c.op)).toEqual(['update', 'delete']);
    const [update, removed] = captured;
    expect(JSON.parse(update!.before!)).toMatchObject({ id: 1, version: 1 });
    expect(JSON.parse(update!.after!)).toMatchObject({ id: 1, version: 2 });
    for (const row of [update!.before, update!.after, removed!.before])
      expect(Object.keys(JSON.parse(row!))).not.toContain('created_at');
  });
});
