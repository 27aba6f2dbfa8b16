import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../open';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import { roster } from './0005-roster';

const AT = '2026-11-29T08:00:00.000Z';
const TABLES = [
  'staff',
  'staff_unavailability',
  'posts',
  'shift_templates',
  'post_shifts',
  'roster_periods',
  'roster_assignments',
  'roster_changes',
];

describe('migration 0005 roster', () => {
  let t: TestContext;
  let db: Db;
  let siteId: number;

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
    siteId = Number(
      db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('S', ?, ?)").run(AT, AT)
        .lastInsertRowid,
    );
  });
  afterEach(() => t.close());

  it('is the fifth step; migrating again changes nothing; every table is captured for the audit', () => {
    expect(roster.version).toBe(5);
    expect(MIGRATIONS[4]).toBe(roster);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const table of TABLES)
      for (const op of ['insert', 'update', 'delete'])
        expect(triggers, `${table} ${op}`).toContain(`${table}_capture_${op}`);
  });

  it('refuses unknown roles, empty role lists, zero-length shifts and ends before starts', () => {
    const staff = (role: string) =>
      db
        .prepare(
          "INSERT INTO staff (full_name, role, created_at, updated_at) VALUES ('A', ?, ?, ?)",
        )
        .run(role, AT, AT);
    expect(() => staff('pilot')).toThrow(/CHECK/);
    staff('nurse');
    const post = (roles: string) =>
      db
        .prepare(
          "INSERT INTO posts (site_id, name, roles, head_count, created_at) VALUES (?, 'P', ?, 1, ?)",
        )
        .run(siteId, roles, AT);
    expect(() => post('[]')).toThrow(/CHECK/);
    expect(() => post('nurse')).toThrow();
    post('["nurse"]');
    const shift = (minutes: number) =>
      db
        .prepare(
          "INSERT INTO shift_templates (site_id, name, start_minute, duration_minutes, created_at) VALUES (?, 'S', 480, ?, ?)",
        )
        .run(siteId, minutes, AT);
    expect(() => shift(0)).toThrow(/CHECK/);
    expect(() => shift(1441)).toThrow(/CHECK/);
    shift(1440);
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff_unavailability (staff_id, starts_at, ends_at, reason) VALUES (1, ?, ?, 'x')",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
  });

  it('allows one roster per site and start day, published only with its date', () => {
    const period = (start: string, status = 'draft', publishedAt: string | null = null) =>
      db
        .prepare(
          'INSERT INTO roster_periods (site_id, starts_on, ends_on, status, published_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(siteId, start, start, status, publishedAt, AT);
    period('2026-11-30');
    expect(() => period('2026-11-30')).toThrow(/UNIQUE/);
    expect(() => period('2026-12-01', 'published')).toThrow(/CHECK/);
    period('2026-12-01', 'published', AT);
  });
});
