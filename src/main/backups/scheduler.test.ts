import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualTimer } from '../testing/backupTesting';
import { makeTestContext, TEST_NOW, type TestContext } from '../testing/tempDb';
import { changeMark, startBackupSchedule, type Schedule } from './scheduler';

const MINUTE = 60_000;

describe('backup schedule', () => {
  let t: TestContext;
  let now: Date;
  let taken: Date[];
  let schedule: Schedule;
  const write = () =>
    t.ctx.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(Math.random()));
  const after = (minutes: number) => {
    now = new Date(now.getTime() + minutes * MINUTE);
  };

  beforeEach(() => {
    t = makeTestContext();
    now = new Date(TEST_NOW);
    taken = [];
    schedule = startBackupSchedule({
      now: () => now,
      changeMark: () => changeMark(t.ctx.db),
      intervalMinutes: () => 30,
      backup: () => {
        taken.push(now);
        return Promise.resolve(true);
      },
      timer: manualTimer,
    });
  });
  afterEach(() => {
    schedule.stop();
    t.close();
  });

  it('backs up every 30 minutes while the data changes', async () => {
    write();
    after(29);
    expect(await schedule.tick()).toBe(false);
    after(1);
    expect(await schedule.tick()).toBe(true);
    write();
    after(30);
    expect(await schedule.tick()).toBe(true);
    expect(taken.map((d) => d.toISOString())).toEqual([
      '2026-11-29T08:30:00.000Z',
      '2026-11-29T09:00:00.000Z',
    ]);
  });

  it('does not back up an unchanged database, however long it waits', async () => {
    after(30);
    expect(await schedule.tick()).toBe(false);
    // Reads change nothing.
    t.ctx.db.prepare('SELECT * FROM settings').all();
    after(600);
    expect(await schedule.tick()).toBe(false);
    expect(taken).toEqual([]);
  });

  it('sees a change made by another connection', async () => {
    changeMark(t.ctx.db);
    const other = new Database(t.file);
    try {
      other.prepare("INSERT INTO settings (key, value) VALUES ('other', '1')").run();
    } finally {
      other.close();
    }
    after(30);
    expect(await schedule.tick()).toBe(true);
  });

  it('restarts the clock after a backup taken outside the schedule', async () => {
    write();
    after(20);
    schedule.backedUp(changeMark(t.ctx.db), now);
    after(20);
    expect(await schedule.tick()).toBe(false);
    write();
    after(10);
    expect(await schedule.tick()).toBe(true);
  });
});
