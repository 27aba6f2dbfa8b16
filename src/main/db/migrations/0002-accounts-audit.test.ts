import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditPage } from '../../accounts/audit';
import { makeTestContext, type TestContext } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import { accountsAndAudit } from './0002-accounts-audit';
import { MIGRATIONS, SCHEMA_VERSION } from './index';
import type { Db } from '../open';

const AT = '2026-11-29T08:00:00.000Z';
const HASH = 'scrypt$17$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';

function planDetails(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

function insertUser(db: Db, username: string, hash = HASH): number {
  return Number(
    db
      .prepare(
        'INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(username, `${username} name`, hash, AT, AT).lastInsertRowid,
  );
}

function insertAudit(db: Db, id: number, userId: number | null, method = 'sites.create'): void {
  db.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, method, outcome, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, 'ok', ?, ?)`,
  ).run(
    id,
    AT,
    userId,
    userId === null ? null : `u${userId}`,
    method,
    '0'.repeat(64),
    'f'.repeat(64),
  );
}

interface Pending {
  id: number;
  tbl: string;
  row_id: number;
  op: string;
  before: string | null;
  after: string | null;
}

const pending = (db: Db, tbl?: string): Pending[] =>
  db
    .prepare<[string | null, string | null], Pending>(
      'SELECT * FROM audit_pending WHERE (? IS NULL OR tbl = ?) ORDER BY id',
    )
    .all(tbl ?? null, tbl ?? null);

const json = (text: string | null): Record<string, unknown> | null =>
  text === null ? null : (JSON.parse(text) as Record<string, unknown>);

describe('migration 0002 accounts-audit', () => {
  let t: TestContext;
  let db: Db;

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
  });
  afterEach(() => t.close());

  it('is applied by opening the file, and migrating again changes nothing', () => {
    // Opening brings the file to the newest version, of which this migration is the second step.
    expect(accountsAndAudit.version).toBe(2);
    expect(MIGRATIONS[1]).toBe(accountsAndAudit);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'user_roles', 'audit_log', 'audit_pending']),
    );
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
  });

  describe('users and roles', () => {
    it('stores a user with roles', () => {
      const id = insertUser(db, 'alice');
      db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, 'administrator');
      db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, 'viewer');
      expect(
        db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').pluck().all(id),
      ).toEqual(['administrator', 'viewer']);
      expect(db.prepare('SELECT failed_attempts, disabled_at FROM users').get()).toEqual({
        failed_attempts: 0,
        disabled_at: null,
      });
    });

    it('refuses an unknown role, and the same role twice', () => {
      const id = insertUser(db, 'alice');
      const addRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
      for (const role of ['root', 'Administrator', 'admin', '']) {
        expect(() => addRole.run(id, role), role).toThrow(/CHECK constraint failed/);
      }
      addRole.run(id, 'medical');
      expect(() => addRole.run(id, 'medical')).toThrow(/UNIQUE constraint failed/);
    });

    it('refuses a role for a user that does not exist', () => {
      expect(() =>
        db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(999, 'viewer'),
      ).toThrow(/FOREIGN KEY constraint failed/);
    });

    it('keeps usernames unique regardless of case', () => {
      insertUser(db, 'alice');
      for (const name of ['alice', 'Alice', 'ALICE']) {
        expect(() => insertUser(db, name), name).toThrow(
          /UNIQUE constraint failed: users.username/,
        );
      }
      expect(db.prepare('SELECT id FROM users WHERE username = ?').pluck().get('ALICE')).toBe(1);
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    });

    it('refuses a user without a password hash', () => {
      expect(() =>
        db
          .prepare(
            'INSERT INTO users (username, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)',
          )
          .run('bob', 'Bob', AT, AT),
      ).toThrow(/NOT NULL constraint failed: users.password_hash/);
    });
  });

  describe('audit_log', () => {
    beforeEach(() => {
      insertAudit(db, 1, null);
      insertAudit(db, 2, null);
    });

    it('refuses UPDATE and DELETE: it is append-only', () => {
      expect(() => db.prepare("UPDATE audit_log SET detail = 'x' WHERE id = 1").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare("UPDATE audit_log SET changes = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT id, detail FROM audit_log ORDER BY id').all()).toEqual([
        { id: 1, detail: null },
        { id: 2, detail: null },
      ]);
    });

    it('refuses a second row with an existing id, and an upsert over one', () => {
      expect(() => insertAudit(db, 1, null, 'sites.update')).toThrow(/append-only/);
      expect(() =>
        db
          .prepare(
            `INSERT INTO audit_log (id, at, method, outcome, prev_hash, hash) VALUES (1, ?, 'x', 'ok', '', '')
             ON CONFLICT(id) DO UPDATE SET method = excluded.method`,
          )
          .run(AT),
      ).toThrow(/append-only/);
    });

    // INSERT OR REPLACE would overwrite a row without firing the delete trigger.
    it('refuses INSERT OR REPLACE over an existing row', () => {
      let error: unknown;
      try {
        db.prepare(
          `INSERT OR REPLACE INTO audit_log (id, at, method, outcome, prev_hash, hash)
           VALUES (1, ?, 'forged', 'ok', '', '')`,
        ).run(AT);
      } catch (e) {
        error = e;
      }
      expect(db.prepare('SELECT method FROM audit_log WHERE id = 1').pluck().get()).toBe(
        'sites.create',
      );
      expect(String(error)).toMatch(/append-only|constraint/);
    });

    it('refuses an unknown outcome', () => {
      expect(() =>
        db
          .prepare(
            `INSERT INTO audit_log (id, at, method, outcome, prev_hash, hash) VALUES (3, ?, 'x', 'maybe', '', '')`,
          )
          .run(AT),
      ).toThrow(/CHECK constraint failed/);
    });

    it('pages one user’s rows through audit_log_user', () => {
      for (let id = 3; id <= 200; id++) insertAudit(db, id, id % 7, id % 2 ? 'rooms.create' : 'x');
      // Capture the SQL the service really runs for a user filter.
      const prepared: string[] = [];
      const prepare = db.prepare.bind(db);
      const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
        prepared.push(sql);
        return prepare(sql);
      }) as typeof db.prepare);
      let page;
      try {
        page = auditPage({ db, now: () => new Date(AT) }, { filter: { userId: 3 }, limit: 5 });
      } finally {
        spy.mockRestore();
      }
      expect(page.rows.map((r) => r.userId)).toEqual([3, 3, 3, 3, 3]);
      const sql = prepared.find((s) => /FROM audit_log/.test(s));
      expect(sql).toBeDefined();
      const plan = planDetails(db, sql!, 3, Number.MAX_SAFE_INTEGER, 6);
      expect(plan).toMatch(/USING (COVERING )?INDEX audit_log_user\b/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    });
  });

  describe('change capture', () => {
    let floorId: number;
    let buildingId: number;

    beforeEach(() => {
      const siteId = Number(
        db
          .prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)')
          .run('Site', AT, AT).lastInsertRowid,
      );
      buildingId = Number(
        db
          .prepare(
            'INSERT INTO buildings (site_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(siteId, 'A', 'Main', AT, AT).lastInsertRowid,
      );
      floorId = Number(
        db
          .prepare(
            'INSERT INTO floors (building_id, level, created_at, updated_at) VALUES (?, ?, ?, ?)',
          )
          .run(buildingId, 2, AT, AT).lastInsertRowid,
      );
      expect(pending(db).map((p) => [p.tbl, p.op])).toEqual([
        ['sites', 'insert'],
        ['buildings', 'insert'],
        ['floors', 'insert'],
      ]);
      db.prepare('DELETE FROM audit_pending').run();
    });

    it('queues a room’s insert, update and delete with its row before and after', () => {
      const roomId = Number(
        db
          .prepare(
            `INSERT INTO rooms (floor_id, building_id, number, capacity, type, created_at, updated_at)
             VALUES (?, ?, 'A-201', 1, 'single', ?, ?)`,
          )
          .run(floorId, buildingId, AT, AT).lastInsertRowid,
      );
      db.prepare(
        "UPDATE rooms SET status = 'out_of_service', status_reason = 'leak', updated_at = ? WHERE id = ?",
      ).run('2026-11-29T09:00:00.000Z', roomId);
      db.prepare('DELETE FROM rooms WHERE id = ?').run(roomId);

      const rows = pending(db, 'rooms');
      expect(rows.map((r) => [r.op, r.row_id])).toEqual([
        ['insert', roomId],
        ['update', roomId],
        ['delete', roomId],
      ]);
      const [insert, update, remove] = rows;

      expect(insert!.before).toBeNull();
      expect(json(insert!.after)).toMatchObject({
        id: roomId,
        floor_id: floorId,
        building_id: buildingId,
        number: 'A-201',
        capacity: 1,
        type: 'single',
        features: '[]',
        status: 'available',
        status_reason: null,
        created_at: AT,
      });

      expect(json(update!.before)).toMatchObject({
        status: 'available',
        status_reason: null,
        updated_at: AT,
      });
      expect(json(update!.after)).toMatchObject({
        status: 'out_of_service',
        status_reason: 'leak',
        updated_at: '2026-11-29T09:00:00.000Z',
      });

      expect(json(remove!.before)).toMatchObject({ id: roomId, status: 'out_of_service' });
      expect(remove!.after).toBeNull();
      // Every column of the row is captured.
      const columns = (db.prepare('PRAGMA table_info(rooms)').all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(Object.keys(json(insert!.after)!).sort()).toEqual(columns.sort());
    });

    it('captures every audited table, and never the audit tables themselves', () => {
      const triggers = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_capture_%'",
        )
        .pluck()
        .all() as string[];
      for (const table of [
        'sites',
        'buildings',
        'floors',
        'rooms',
        'room_status_log',
        'settings',
        'users',
        'user_roles',
      ]) {
        for (const op of ['insert', 'update', 'delete']) {
          expect(triggers, `${table} ${op}`).toContain(`${table}_capture_${op}`);
        }
      }
      expect(triggers.filter((n) => n.startsWith('audit_'))).toEqual([]);

      db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run();
      expect(pending(db, 'settings').map((p) => json(p.after))).toEqual([
        { key: 'language', value: 'en' },
      ]);
      insertAudit(db, 1, null);
      expect(pending(db, 'audit_log')).toEqual([]);
    });

    it('never copies a password hash or sign-in bookkeeping from users', () => {
      const id = insertUser(db, 'alice', HASH);
      db.prepare(
        'UPDATE users SET password_hash = ?, failed_attempts = 3, locked_until = ?, last_login_at = ? WHERE id = ?',
      ).run(`${HASH}-new`, AT, AT, id);
      db.prepare("UPDATE users SET display_name = 'Alice B.' WHERE id = ?").run(id);
      db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, 'viewer');
      db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
      db.prepare('DELETE FROM users WHERE id = ?').run(id);

      const rows = pending(db, 'users');
      expect(rows.map((r) => r.op)).toEqual(['insert', 'update', 'update', 'delete']);
      for (const r of rows) {
        for (const text of [r.before, r.after]) {
          if (text === null) continue;
          expect(text).not.toContain('password_hash');
          expect(text).not.toContain('scrypt');
          expect(text).not.toContain('c2FsdHNhbHRzYWx0c2FsdA');
          for (const key of ['failed_attempts', 'locked_until', 'last_login_at']) {
            expect(Object.keys(json(text)!)).not.toContain(key);
          }
        }
      }
      // What is captured is still the account.
      expect(json(rows[0]!.after)).toMatchObject({
        id,
        username: 'alice',
        display_name: 'alice name',
      });
      expect(json(rows[2]!.after)).toMatchObject({ display_name: 'Alice B.' });
      expect(pending(db, 'user_roles').map((r) => r.op)).toEqual(['insert', 'delete']);
      // Nothing anywhere in the queue holds the hash.
      const all = JSON.stringify(pending(db));
      expect(all).not.toContain('scrypt');
    });
  });
});
