import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../app';
import { DATABASE_FILE } from '../platform/dataDir';
import { deskOver, type Desk } from '../testing/peopleTesting';
import { capturingLogger, makeTempDir, makeTestContext } from '../testing/tempDb';
import { checkpointNow, idleCheckpointer, type Timers } from './checkpoint';

const walBytes = (file: string): number =>
  existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;

/** Timers that fire only when told: `elapse()` runs what is due, as the event loop would. */
function manualTimers(): Timers & { elapse(ms: number): void; pending(): number } {
  let clock = 0;
  let next = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      due.set(++next, { at: clock + ms, fn });
      return next;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
    elapse(ms) {
      clock += ms;
      for (const [id, timer] of [...due]) {
        if (timer.at <= clock) {
          due.delete(id);
          timer.fn();
        }
      }
    },
    pending: () => due.size,
  };
}

describe('WAL checkpoints', () => {
  let desk: Desk;
  const address = 'x'.repeat(200);

  beforeEach(() => {
    desk = deskOver(makeTestContext());
  });
  afterEach(() => desk.t.close());

  it('checkpoint once the desk has been quiet, not while writes keep coming', async () => {
    const timers = manualTimers();
    const checkpointer = idleCheckpointer(desk.t.ctx.db, 30_000, timers);
    await desk.call('sites.create', { name: 'East', address });
    checkpointer.noteWrite();
    timers.elapse(20_000);
    await desk.call('sites.create', { name: 'West', address });
    checkpointer.noteWrite();
    timers.elapse(20_000);
    expect(walBytes(desk.t.file)).toBeGreaterThan(0);
    expect(timers.pending()).toBe(1);

    timers.elapse(10_000);
    expect(walBytes(desk.t.file)).toBe(0);
    expect(timers.pending()).toBe(0);
  });

  it('never waits for another connection’s open read: it reports the log not yet folded in', async () => {
    await desk.call('sites.create', { name: 'East', address });
    const reader = new Database(desk.t.file, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM sites').get();
      await desk.call('sites.create', { name: 'West', address });
      const started = Date.now();
      expect(checkpointNow(desk.t.ctx.db)).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_000);
      reader.exec('COMMIT');
      expect(checkpointNow(desk.t.ctx.db)).toBe(true);
      expect(walBytes(desk.t.file)).toBe(0);
      expect(desk.t.ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      reader.close();
    }
  });

  it('soak: with a reader polling and idle checkpoints between bursts, the log stays bounded', async () => {
    const timers = manualTimers();
    const checkpointer = idleCheckpointer(desk.t.ctx.db, 30_000, timers);
    const reader = new Database(desk.t.file, { readonly: true });
    let largest = 0;
    try {
      for (let burst = 0; burst < 8; burst++) {
        for (let i = 0; i < 120; i++) {
          await desk.call('sites.create', { name: `Site ${burst}-${i}`, address });
          checkpointer.noteWrite();
          if (i % 10 === 0) reader.prepare('SELECT count(*) FROM sites').get();
          largest = Math.max(largest, walBytes(desk.t.file));
        }
        timers.elapse(30_000);
        expect(walBytes(desk.t.file), `after burst ${burst}`).toBe(0);
      }
    } finally {
      reader.close();
    }
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('closing the core', () => {
  it('folds the log in and truncates it, even with another connection still open', async () => {
    const { dir, remove } = makeTempDir();
    const file = join(dir, DATABASE_FILE);
    let core: Core | undefined;
    const other = () => new Database(file);
    try {
      core = await startCore({ dataDir: dir, shell: 'browser', logger: capturingLogger() });
      const watcher = other();
      try {
        core.db.prepare("INSERT INTO settings (key, value) VALUES ('wal-test', '1')").run();
        expect(walBytes(file)).toBeGreaterThan(0);
        core.close();
        expect(walBytes(file)).toBe(0);
        expect(
          watcher.prepare("SELECT value FROM settings WHERE key = 'wal-test'").pluck().get(),
        ).toBe('1');
      } finally {
        watcher.close();
      }
    } finally {
      core?.close();
      remove();
    }
  });
});
