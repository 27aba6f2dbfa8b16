import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '@shared/live';
import { installFakeApi, Refusal, type FakeCall, type FakeLive } from '@renderer/testing/fakeApi';
import { stockItem } from '@renderer/testing/stockItem';
import { call } from './client';
import { startLiveChanges } from './liveChanges';
import { MAX_OWN_WRITES, originOf, OWN_WRITE_TTL_MS, OwnWrites, ownWrites } from './ownWrites';
import { queryClient } from './queryClient';

/** main's crypto, which a test below takes away from the page */
const mainSubtle = globalThis.crypto.subtle;
/** Main's noticeOrigin (held to the same SHA-256 test vector as originOf: noticeOrigin.test.ts). */
const mainOrigin = async (opId: string) =>
  Array.from(new Uint8Array(await mainSubtle.digest('SHA-256', new TextEncoder().encode(opId))))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 32);

const notice = (seq: number, origin?: string): { type: 'notice'; notice: ChangeNotice } => ({
  type: 'notice',
  notice: {
    seq,
    at: '2026-12-06T08:00:00.000Z',
    method: 'stock.archiveItem',
    domain: 'stock',
    changes: [{ table: 'stock_items', id: 7, op: 'update', version: 2 }],
    ...(origin !== undefined && { origin }),
  },
});

/** A cached answer of `method`, as if a screen had loaded it. */
const cached = (method: string) => {
  queryClient.setQueryData([method, {}], { loaded: true });
  return () => queryClient.getQueryState([method, {}])?.isInvalidated ?? false;
};

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe("a notice of this window's own write", () => {
  it('is passed over, while any other notice refreshes as before', async () => {
    const { live } = installFakeApi({});
    const own = new OwnWrites();
    stops.push(startLiveChanges(window.api, queryClient, undefined, own));
    live.emit({ type: 'hello', instance: 'desk-1', seq: 3 });
    const origin = await own.begin('op-of-this-window-0001');
    expect(origin).toBe(await mainOrigin('op-of-this-window-0001'));

    const items = cached('stock.items');
    live.emit(notice(4, origin!));
    expect(items()).toBe(false);
    // The other tab's write, and a write without an id, refresh as ever.
    live.emit(notice(5, await mainOrigin('op-of-another-tab-0001')));
    expect(items()).toBe(true);
    const onHand = cached('stock.onHand');
    live.emit(notice(6));
    expect(onHand()).toBe(true);
  });

  it('still refetches everything after a gap in seq, and keeps counting seq', async () => {
    const { live } = installFakeApi({});
    const own = new OwnWrites();
    stops.push(startLiveChanges(window.api, queryClient, undefined, own));
    live.emit({ type: 'hello', instance: 'desk-1', seq: 1 });
    const first = (await own.begin('op-of-this-window-0002'))!;
    const second = (await own.begin('op-of-this-window-0003'))!;

    const rooms = cached('rooms.board');
    live.emit(notice(3, first));
    expect(rooms()).toBe(true);
    // Its own notice right after moves lastSeq on: no gap, nothing refetched.
    const board = cached('rooms.board');
    live.emit(notice(4, second));
    expect(board()).toBe(false);
    expect(own.size).toBe(2);
  });
});

describe("a write's reads in the window that made it", () => {
  /** Mounts a screen's query and counts how often it is read from main. */
  function watched(method: 'stock.items' | 'rooms.board') {
    const reads = { count: 0 };
    const observer = new QueryObserver(queryClient, {
      queryKey: [method, {}],
      queryFn: () => (reads.count++, { loaded: reads.count }),
    });
    stops.push(observer.subscribe(() => undefined));
    return reads;
  }

  /** The fake main: like the router, it tells every window before it answers the caller. */
  function deskThatPublishes(answer: (emit: () => void) => ReturnType<typeof stockItem>): {
    calls: FakeCall[];
    live: FakeLive;
  } {
    let seq = 10;
    const desk = installFakeApi({
      'stock.archiveItem': async () => {
        const opId = desk.calls.at(-1)?.options?.opId;
        const origin = opId === undefined ? undefined : await mainOrigin(opId);
        return answer(() => desk.live.emit(notice(++seq, origin)));
      },
    });
    stops.push(startLiveChanges(window.api, queryClient));
    desk.live.emit({ type: 'hello', instance: 'desk-1', seq });
    return desk;
  }

  const readsAfterArchive = async (reads: { count: number }) => {
    await vi.waitFor(() => expect(reads.count).toBe(1));
    await call('stock.archiveItem', { id: 7 });
    await new Promise((settled) => setTimeout(settled, 50));
    return reads.count - 1;
  };

  it('are made once per stale query, not once for the answer and again for the notice', async () => {
    const { calls } = deskThatPublishes((emit) => {
      emit();
      return stockItem({ id: 7, name: '口罩', baseUnit: '个', archived: true });
    });
    const reads = watched('stock.items');
    expect(await readsAfterArchive(reads)).toBe(1);
    expect(calls.filter((c) => c.method === 'stock.archiveItem')).toHaveLength(1);
    expect(ownWrites.size).toBe(0);
  });

  it('are made twice where the page cannot digest (no crypto.subtle): never missed', async () => {
    deskThatPublishes((emit) => {
      emit();
      return stockItem({ id: 7, name: '口罩', baseUnit: '个', archived: true });
    });
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(await originOf('op-0001')).toBeNull();
    const reads = watched('stock.items');
    expect(await readsAfterArchive(reads)).toBe(2);
  });

  it('still refresh after a refusal that kept rows, whose notice was passed over', async () => {
    deskThatPublishes((emit) => {
      emit();
      throw new Refusal({ code: 'NOT_FOUND', message: 'kept' });
    });
    const reads = watched('stock.items');
    await vi.waitFor(() => expect(reads.count).toBe(1));
    await expect(call('stock.archiveItem', { id: 7 })).rejects.toThrow('kept');
    await vi.waitFor(() => expect(reads.count).toBe(2));
    expect(ownWrites.size).toBe(0);
  });
});

describe('the memory of own writes', () => {
  it("digests an operation id as main does: SHA-256's own test vector", async () => {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    expect(await originOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223');
  });

  it('forgets an answered write a minute on, and holds at most MAX_OWN_WRITES', async () => {
    let now = 0;
    const own = new OwnWrites(() => now);
    const late = (await own.begin('op-late-0001'))!;
    own.answered(late, true);
    now += OWN_WRITE_TTL_MS + 1;
    await own.begin('op-next-0001');
    expect(own.claim(late)).toBe(false);

    for (let i = 0; i < MAX_OWN_WRITES + 20; i++) await own.begin(`op-many-${i}`);
    expect(own.size).toBe(MAX_OWN_WRITES);
    expect(own.claim(await mainOrigin(`op-many-${MAX_OWN_WRITES + 19}`))).toBe(true);
    expect(own.claim(await mainOrigin('op-many-0'))).toBe(false);
  });

  it('forgets a write once its notice came after its answer', async () => {
    const own = new OwnWrites();
    const origin = (await own.begin('op-once-0001'))!;
    expect(own.answered(origin, true)).toBe(false);
    expect(own.claim(origin)).toBe(true);
    expect(own.size).toBe(0);
    expect(own.claim(origin)).toBe(false);
  });
});
