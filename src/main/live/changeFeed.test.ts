import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeNotice, RowChange } from '../../shared/live';
import { drainCapturedChanges } from '../accounts/audit';
import { installChangeCapture } from '../db/changeCapture';
import { errorOf, userWithSession, valueOf } from '../testing/authTesting';
import { room, siteTreePerTest } from '../testing/registryTesting';
import { countRows, makeTestRouter, type TestRouter } from '../testing/tempDb';
import type { SessionHandle } from '../accounts/sessionStore';
import { handlers } from '../ipc/handlers';
import { createRoom } from '../registry/rooms';
import { DomainError } from '../services/errors';
import { ChangeFeed, MAX_LISTENERS, TooManyListenersError } from './changeFeed';

const tree = siteTreePerTest();

/** A room's fields without its floor, as rooms.update takes them. */
const roomFields = (number: string) => {
  const fields: Partial<ReturnType<typeof room>> = room(0, number);
  delete fields.floorId;
  return fields;
};

describe('change notices after committed writes', () => {
  let feed: ChangeFeed;
  let tr: TestRouter;
  let coordinator: SessionHandle;
  let heard: ChangeNotice[];
  let stop: () => void;

  beforeEach(() => {
    feed = new ChangeFeed();
    tr = makeTestRouter(tree.t, undefined, { changes: feed });
    coordinator = userWithSession(tree.t, tr, 'wang.li', ['coordinator']).handle;
    heard = [];
    stop = feed.subscribe((notice) => heard.push(notice));
  });
  afterEach(() => stop());

  const createRoomCall = (number: string, opId?: string) =>
    tr.router.invoke(
      'rooms.create',
      room(tree.a2.id, number),
      coordinator,
      {},
      opId ? { opId } : {},
    );

  it('publishes one notice naming the rows a write changed', async () => {
    const created = valueOf<{ id: number }>(await createRoomCall('A-203'));
    expect(heard).toHaveLength(1);
    const [notice] = heard;
    expect(notice).toMatchObject({
      seq: 1,
      method: 'rooms.create',
      domain: 'registry',
      at: tr.clock.now.toISOString(),
    });
    expect(notice!.changes).toContainEqual({
      table: 'rooms',
      id: created.id,
      op: 'insert',
      version: 1,
    });
    // Ids, table names and versions only: never a field of the row itself.
    for (const change of notice!.changes)
      expect(Object.keys(change).sort()).toEqual(
        'version' in change ? ['id', 'op', 'table', 'version'] : ['id', 'op', 'table'],
      );
    expect(JSON.stringify(notice)).not.toContain('A-203');

    valueOf(
      await tr.router.invoke(
        'rooms.setStatus',
        { id: tree.rooms.a202, status: 'out_of_service', reason: 'Leaking pipe' },
        coordinator,
      ),
    );
    expect(heard.map((n) => n.seq)).toEqual([1, 2]);
    expect(heard[1]!.changes).toContainEqual({
      table: 'rooms',
      id: tree.rooms.a202,
      op: 'update',
      version: 2,
    });
    expect(feed.lastSeq).toBe(2);
  });

  it('publishes nothing for a refused or rolled-back write, nor for a read', async () => {
    const before = countRows(tree.t.ctx, 'rooms');
    expect(errorOf(await createRoomCall('A-201')).code).toBe('ROOM_NUMBER_CLASH');
    expect(
      errorOf(
        await tr.router.invoke(
          'rooms.update',
          { ...roomFields('A-299'), id: 99_999, expectedVersion: 1 },
          coordinator,
        ),
      ).code,
    ).toBe('NOT_FOUND');
    valueOf(await tr.router.invoke('rooms.board', { siteId: tree.site.id }, coordinator));
    expect(countRows(tree.t.ctx, 'rooms')).toBe(before);
    expect(heard).toEqual([]);
  });

  it('publishes nothing for a write that changed rows and then failed', async () => {
    const failing = makeTestRouter(
      tree.t,
      {
        ...handlers,
        'rooms.create': (ctx, input) => {
          createRoom(ctx, input);
          throw new DomainError('DUPLICATE', 'Refused after writing');
        },
      },
      { changes: feed },
    );
    const coord = userWithSession(tree.t, failing, 'zhao.min', ['coordinator']).handle;
    const result = await failing.router.invoke('rooms.create', room(tree.a2.id, 'A-205'), coord);
    expect(errorOf(result).code).toBe('DUPLICATE');
    expect(countRows(tree.t.ctx, 'rooms', "number = 'A-205'")).toBe(0);
    expect(heard).toEqual([]);
  });

  it('publishes nothing when a repeated operation id is answered from the first result', async () => {
    const opId = 'live-test-op-0001';
    const first = valueOf<{ id: number }>(await createRoomCall('A-204', opId));
    const again = valueOf<{ id: number }>(await createRoomCall('A-204', opId));
    expect(again.id).toBe(first.id);
    expect(heard).toHaveLength(1);
    expect(countRows(tree.t.ctx, 'rooms', "number = 'A-204'")).toBe(1);
  });

  it("names a write's origin by a digest of its operation id, never the id itself", async () => {
    const opId = 'live-test-op-0002';
    valueOf(await createRoomCall('A-206', opId));
    valueOf(await createRoomCall('A-207'));
    expect(heard).toHaveLength(2);
    const [withId, withoutId] = heard;
    const digest = createHash('sha256').update(opId).digest('hex').slice(0, 32);
    expect(withId!.origin).toBe(digest);
    expect(JSON.stringify(withId)).not.toContain(opId);
    expect(withoutId).not.toHaveProperty('origin');
  });

  it('keeps telling the other listeners when one throws, and stops telling one that left', async () => {
    const errors: unknown[] = [];
    const noisy = new ChangeFeed((error) => errors.push(error));
    const seen: number[] = [];
    noisy.subscribe(() => {
      throw new Error('stream gone');
    });
    const leave = noisy.subscribe((n) => seen.push(n.seq));
    const change = { table: 'rooms', id: 1, op: 'update' as const };
    noisy.publish({ at: 'x', method: 'rooms.update', domain: 'registry', changes: [change] });
    leave();
    noisy.publish({ at: 'x', method: 'rooms.update', domain: 'registry', changes: [change] });
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(2);
    expect(noisy.listenerCount).toBe(1);
  });

  it('bounds its listeners and gives each process its own instance id', () => {
    const bounded = new ChangeFeed();
    for (let i = 0; i < MAX_LISTENERS; i++) bounded.subscribe(() => undefined);
    expect(() => bounded.subscribe(() => undefined)).toThrow(TooManyListenersError);
    expect(bounded.instance).toMatch(/^[0-9a-f]{16}$/);
    expect(bounded.instance).not.toBe(feed.instance);
  });
});

describe('drainCapturedChanges', () => {
  it('reports the version a captured row carries', () => {
    const { db } = tree.t.ctx;
    // The site tree was built by calling services directly: their captured rows are not ours.
    db.prepare('DELETE FROM audit_pending').run();
    db.exec('CREATE TABLE versioned_probe (id INTEGER PRIMARY KEY, label TEXT, version INTEGER)');
    installChangeCapture(db, 'versioned_probe');
    db.prepare("INSERT INTO versioned_probe (label, version) VALUES ('first', 1)").run();
    db.prepare("UPDATE versioned_probe SET label = 'second', version = 2").run();
    const seen: RowChange[] = [];
    drainCapturedChanges(
      db,
      { at: '2026-11-29T08:00:00.000Z', actor: null, method: 'probe' },
      seen,
    );
    expect(seen).toEqual([
      { table: 'versioned_probe', id: 1, op: 'insert', version: 1 },
      { table: 'versioned_probe', id: 1, op: 'update', version: 2 },
    ]);
  });
});
