import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryHandle } from '../accounts/sessionStore';
import { openDatabase, type Db } from '../db/open';
import { sessionFor } from '../testing/authTesting';
import { deskOver, snapshot, type Desk } from '../testing/peopleTesting';
import { countRows, makeTestContext, makeTestRouter, type TestContext } from '../testing/tempDb';
import { storageFailureOf } from './storageFailure';

const integrity = (db: Db) => db.pragma('integrity_check', { simple: true });
const address = 'x'.repeat(200);

describe('storage failures', () => {
  let desk: Desk;
  let others: Db[];

  beforeEach(() => {
    desk = deskOver(makeTestContext());
    others = [];
  });
  afterEach(() => {
    for (const db of others) if (db.open) db.close();
    desk.t.close();
  });

  /** A router of its own over another connection to the same file, signed in as the desk's user. */
  function deskOn(db: Db) {
    others.push(db);
    const t: TestContext = { ...desk.t, ctx: { ...desk.t.ctx, db }, close: () => db.close() };
    const tr = makeTestRouter(t);
    return { tr, handle: sessionFor(tr, desk.userId) };
  }

  it('a full disk: the write is refused whole, reads go on, and writing resumes when space returns', async () => {
    const { db } = desk.t.ctx;
    await desk.call('sites.create', { name: 'Site 0', address });
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

    let before = '';
    let refused: Awaited<ReturnType<Desk['invoke']>> | undefined;
    let i = 1;
    for (; i < 200 && !refused; i++) {
      before = snapshot(db);
      const result = await desk.tr.router.invoke(
        'sites.create',
        { name: `Site ${i}`, address },
        desk.handle,
        {},
        { opId: `full-disk-op-${i}` },
      );
      if (!result.ok) refused = result;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(snapshot(db)).toBe(before);
    expect(integrity(db)).toBe('ok');
    expect(desk.tr.logger.entries.map((e) => e.message)).toEqual(['DISK_FULL in sites.create']);
    // Still readable: everything saved before the disk filled up.
    expect(await desk.call('sites.list', {})).toHaveLength(i - 1);

    db.pragma('max_page_count = 1073741823');
    const retried = await desk.tr.router.invoke(
      'sites.create',
      { name: `Site ${i - 1}`, address },
      desk.handle,
      {},
      { opId: `full-disk-op-${i - 1}` },
    );
    expect(retried.ok).toBe(true);
    expect(countRows(desk.t.ctx, 'sites')).toBe(i);
  });

  it('a read-only file: writes are refused as READ_ONLY with nothing written, reads still work', async () => {
    await desk.call('sites.create', { name: 'East', address });
    const before = snapshot(desk.t.ctx.db);
    const { tr, handle } = deskOn(openDatabase(desk.t.file, { readonly: true }));

    const refused = await tr.router.invoke('sites.create', { name: 'West', address }, handle);
    expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const read = await tr.router.invoke('sites.list', {}, handle);
    expect(read).toMatchObject({ ok: true, value: [{ name: 'East' }] });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
  });

  it('still answers a refused caller when the refusal cannot be audited', async () => {
    const { tr } = deskOn(openDatabase(desk.t.file, { readonly: true }));
    const signedOut = await tr.router.invoke('sites.list', {}, memoryHandle());
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The store could not drop this PC's sessions left in the file either: said once.
    expect(tr.logger.entries.map((e) => e.message)).toEqual([
      'Sessions could not be written to the database',
      'Could not audit a denied sites.list (signed out)',
    ]);
  });

  it('another process holding the write lock: BUSY (retryable), then the same write goes through', async () => {
    const { tr, handle } = deskOn(new Database(desk.t.file));
    const [other] = others as [Db];
    other.pragma('busy_timeout = 50');
    const submit = () =>
      tr.router.invoke(
        'sites.create',
        { name: 'West', address },
        handle,
        {},
        { opId: 'busy-operation' },
      );
    desk.t.ctx.db.exec('BEGIN IMMEDIATE');
    expect(await submit()).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    desk.t.ctx.db.exec('COMMIT');

    const again = await submit();
    expect(again.ok).toBe(true);
    expect(countRows(desk.t.ctx, 'sites')).toBe(1);
  });

  it('maps only storage failures, leaving other errors to the router', () => {
    const code = (c: string) => storageFailureOf(Object.assign(new Error(c), { code: c }))?.code;
    expect(code('SQLITE_FULL')).toBe('DISK_FULL');
    expect(code('SQLITE_READONLY_DBMOVED')).toBe('READ_ONLY');
    expect(code('SQLITE_CANTOPEN')).toBe('READ_ONLY');
    expect(code('EACCES')).toBe('READ_ONLY');
    expect(code('SQLITE_BUSY_SNAPSHOT')).toBe('BUSY');
    expect(code('SQLITE_IOERR_WRITE')).toBe('STORAGE_ERROR');
    expect(code('SQLITE_CONSTRAINT_UNIQUE')).toBeUndefined();
    expect(storageFailureOf(new Error('plain'))).toBeNull();
  });
});
