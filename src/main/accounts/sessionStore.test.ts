import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { prepareIncoming } from '../backups/prepareIncoming';
import { addUser, makeTestContext, TEST_NOW, type TestContext } from '../testing/tempDb';
import { ACTIVITY_WRITE_MS, sessionIdOf, SessionStore, type DeviceInfo } from './sessionStore';

const T0 = TEST_NOW.getTime();
/** The medical station's PC and the gate's tablet, through host mode; this PC's own window. */
const STATION: DeviceInfo = {
  address: '192.168.1.23',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  via: 'host',
};
const GATE: DeviceInfo = {
  address: '192.168.1.40',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  via: 'host',
};
const WINDOW: DeviceInfo = { address: 'local', userAgent: '', via: 'local' };

interface Stored {
  token_hash: string;
  user_id: number;
  address: string;
  user_agent: string;
  via: string;
  started_at: number;
  last_active_at: number;
  locked: number;
}

describe('the session store on a database file', () => {
  let t: TestContext;
  let db: Db;
  let errors: string[];
  let doctor: number;
  let nurse: number;
  const rows = (from: Db = db) =>
    from.prepare<[], Stored>('SELECT * FROM sessions ORDER BY started_at, token_hash').all();
  const open = (on: Db = db) => new SessionStore(on, { onError: (m) => errors.push(m) });
  /** What a restart does: the connection closed, the file opened again, a new store over it. */
  const restart = () => {
    db.close();
    db = openDatabase(t.file);
    return open();
  };

  beforeEach(() => {
    t = makeTestContext();
    db = t.ctx.db;
    errors = [];
    doctor = addUser(t, 'wangfang', ['medical']);
    nurse = addUser(t, 'zhoumin', ['medical']);
  });
  afterEach(() => {
    if (db.open) db.close();
    t.close();
  });

  it('keeps remote sessions across a restart, with their device, times and lock', () => {
    const store = open();
    const station = store.create(doctor, T0, STATION);
    const gate = store.create(nurse, T0 + 1000, GATE);
    store.lock(gate.id);
    const window = store.create(doctor, T0 + 2000, WINDOW);

    const again = restart();
    const back = again.get(station.token)!;
    expect(back).toEqual({
      id: station.id,
      userId: doctor,
      device: STATION,
      startedAt: T0,
      lastActiveAt: T0,
      locked: false,
    });
    expect(again.get(gate.token)).toMatchObject({ userId: nurse, device: GATE, locked: true });
    // A window's token died with the process that held it: nothing could resume it.
    expect(again.get(window.token)).toBeUndefined();
    expect(rows().map((r) => r.address)).toEqual([STATION.address, GATE.address]);
    expect(errors).toEqual([]);
  });

  it('stores the SHA-256 of the token, never the token itself', () => {
    const store = open();
    const made = [store.create(doctor, T0, STATION), store.create(nurse, T0, WINDOW)];
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(t.file);
    for (const session of made) {
      expect(session.id).toBe(sessionIdOf(session.token));
      expect(session.id).not.toContain(session.token);
      expect(file.includes(Buffer.from(session.token))).toBe(false);
      expect(file.includes(Buffer.from(session.id))).toBe(true);
    }
    expect(
      rows()
        .map((r) => r.token_hash)
        .sort(),
    ).toEqual(made.map((s) => s.id).sort());
    // A hash presented as if it were a token opens nothing.
    expect(store.get(made[0]!.id)).toBeUndefined();
  });

  it('ends a user’s sessions but the one kept, and every remote one at once', () => {
    const store = open();
    const mine = store.create(doctor, T0, STATION);
    store.create(doctor, T0, GATE);
    store.create(doctor, T0, WINDOW);
    const nurses = store.create(nurse, T0, GATE);
    const window = store.create(nurse, T0, WINDOW);

    expect(store.endAllOf(doctor, mine.token)).toBe(2);
    expect(store.list().map((s) => s.userId)).toEqual([doctor, nurse, nurse]);
    expect(store.endVia('host')).toBe(2);
    expect(store.list().map((s) => s.id)).toEqual([window.id]);
    expect(store.get(nurses.token)).toBeUndefined();
    expect(rows().map((r) => r.token_hash)).toEqual([window.id]);
  });

  it('writes "last active" at most once a minute per session, and the rest at shutdown', () => {
    const store = open();
    const s = store.create(doctor, T0, STATION);
    const stored = () => rows()[0]!.last_active_at;
    store.touch(s.id, T0 + 20_000);
    store.touch(s.id, T0 + 40_000);
    expect(stored()).toBe(T0);
    store.touch(s.id, T0 + ACTIVITY_WRITE_MS);
    expect(stored()).toBe(T0 + ACTIVITY_WRITE_MS);
    store.touch(s.id, T0 + ACTIVITY_WRITE_MS + 5_000);
    expect(stored()).toBe(T0 + ACTIVITY_WRITE_MS);
    store.flush();
    expect(stored()).toBe(T0 + ACTIVITY_WRITE_MS + 5_000);
    expect(restart().get(s.token)!.lastActiveAt).toBe(T0 + ACTIVITY_WRITE_MS + 5_000);
  });

  it('prunes sessions past the absolute limit', () => {
    const store = open();
    const old = store.create(doctor, T0, STATION);
    const recent = store.create(nurse, T0 + 3_600_000, GATE);
    expect(store.prune(T0 + 12 * 3_600_000 + 1, 12 * 3_600_000)).toBe(1);
    expect(store.get(old.token)).toBeUndefined();
    expect(store.get(recent.token)).toBeDefined();
    expect(rows().map((r) => r.token_hash)).toEqual([recent.id]);
  });

  it('a session ended while the file could not be written does not come back after a restart', () => {
    const store = open();
    const ended = store.create(doctor, T0, STATION);
    const kept = store.create(nurse, T0, GATE);
    // Another connection holds the write lock, and this one does not wait: every write fails.
    db.pragma('busy_timeout = 0');
    const other = openDatabase(t.file);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const fresh = store.create(doctor, T0 + 1000, STATION);
      store.end(ended.id);
      // Memory decides: the ended one is refused, the new one works; the failure was said once.
      expect(store.get(ended.token)).toBeUndefined();
      expect(store.get(fresh.token)).toBeDefined();
      expect(errors).toEqual(['Sessions could not be written to the database']);
      expect(rows().map((r) => r.token_hash)).toEqual([ended.id, kept.id].sort());

      // The lock goes: the next write brings the table in line.
      other.prepare('ROLLBACK').run();
      store.touch(kept.id, T0 + ACTIVITY_WRITE_MS);
      const again = restart();
      expect(again.get(ended.token)).toBeUndefined();
      expect(again.get(fresh.token)).toBeDefined();
      expect(again.get(kept.token)).toBeDefined();
    } finally {
      other.close();
    }
  });

  it('a restored file signs everyone out: its sessions table is emptied', () => {
    const store = open();
    store.create(doctor, T0, STATION);
    store.create(nurse, T0, GATE);
    expect(rows()).toHaveLength(2);
    prepareIncoming(db, null, {
      actor: null,
      at: TEST_NOW.toISOString(),
      detail: 'Restored from desk-2026-11-28.sqlite',
      dataDir: t.dir,
      savedAs: null,
    });
    expect(rows()).toEqual([]);
    expect(open().size).toBe(0);
  });
});
