import Dialog from '@mui/material/Dialog';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { connection } from '@renderer/api/connection';
import { startLiveChanges } from '@renderer/api/liveChanges';
import { queryClient } from '@renderer/api/queryClient';
import { ShiftForm } from '@renderer/features/roster/ShiftForm';
import { installFakeApi, type FakeLive } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { OfflineBanner } from './OfflineBanner';

const OFFLINE = '与协调台主机的连接已中断，正在重试…';

/** What the browser shim tells subscribers when its stream (re)connects. */
const backOnline = (live: FakeLive) =>
  act(() => {
    live.emit({ type: 'status', status: 'online' });
    live.emit({ type: 'hello', instance: 'desk-1', seq: 0 });
  });

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  // The window's one connection state outlives a test: leave it as a fresh window finds it.
  connection.reached();
});

describe('the offline banner', () => {
  it('says at once that the desk server is lost, and goes when it is back', async () => {
    const { live } = installFakeApi({});
    stop = startLiveChanges(window.api, queryClient);
    renderUi(<OfflineBanner />);
    expect(screen.queryByText(OFFLINE)).toBeNull();

    act(() => live.emit({ type: 'status', status: 'offline' }));
    expect(screen.getByRole('alert').textContent).toBe(OFFLINE);

    backOnline(live);
    expect(screen.queryByText(OFFLINE)).toBeNull();
  });

  it('keeps an unanswered save pending and resends it with the same operation id', async () => {
    const done: number[] = [];
    const { calls, live } = installFakeApi({
      'shifts.create': (input) => ({
        id: 4,
        siteId: input.siteId,
        name: input.name,
        start: input.start,
        durationMinutes: 480,
        night: false,
      }),
    });
    stop = startLiveChanges(window.api, queryClient);
    renderUi(
      <>
        <OfflineBanner />
        <Dialog open>
          <ShiftForm siteId={1} onClose={() => undefined} onDone={() => done.push(1)} />
        </Dialog>
      </>,
    );
    const dialog = screen.getByRole('dialog');
    await retype(dialog, '班次名称', '早班');
    await retype(dialog, '开始', '08:00');
    const end = within(dialog).getByRole('textbox', { name: '结束' });
    await userEvent.clear(end);
    await userEvent.type(end, '16:00');

    live.setReachable(false);
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    const banner = await screen.findByText(/1 项保存正在等待发送/);
    expect(banner.textContent).toContain(OFFLINE);
    // Sent again while the server stays away; the form waits, disabled, and says nothing failed.
    const creates = () => calls.filter((c) => c.method === 'shifts.create');
    await waitFor(() => expect(creates().length).toBeGreaterThanOrEqual(2));
    expect(within(dialog).getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(done).toEqual([]);

    live.setReachable(true);
    backOnline(live);
    await waitFor(() => expect(done).toEqual([1]));
    expect(screen.queryByText(OFFLINE)).toBeNull();
    const opIds = new Set(creates().map((c) => c.options?.opId));
    expect(opIds.size).toBe(1);
    expect([...opIds][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(creates().length).toBeGreaterThanOrEqual(3);
  });
});

describe('change notices in the renderer', () => {
  /** A cached answer of `method`, as if a screen had loaded it. */
  const cached = (method: string) => {
    queryClient.setQueryData([method, {}], { loaded: true });
    return () => queryClient.getQueryState([method, {}])?.isInvalidated ?? false;
  };

  it("refetches exactly what the notice's write makes stale", () => {
    const { live } = installFakeApi({});
    stop = startLiveChanges(window.api, queryClient);
    const fever = cached('fever.list');
    const home = cached('today.overview');
    const stock = cached('stock.onHand');
    live.emit({ type: 'hello', instance: 'desk-1', seq: 4 });
    live.emit({
      type: 'notice',
      notice: {
        seq: 5,
        at: '2026-11-29T08:00:00.000Z',
        method: 'readings.record',
        domain: 'health',
        changes: [{ table: 'readings', id: 31, op: 'insert' }],
      },
    });
    expect([fever(), home(), stock()]).toEqual([true, true, false]);
  });

  it('refetches everything after a missed notice or a restarted desk', () => {
    const { live } = installFakeApi({});
    stop = startLiveChanges(window.api, queryClient);
    const notice = (seq: number) => ({
      type: 'notice' as const,
      notice: {
        seq,
        at: '2026-11-29T08:00:00.000Z',
        method: 'stock.issue',
        domain: 'stock',
        changes: [{ table: 'stock_movements', id: seq, op: 'insert' as const }],
      },
    });
    live.emit({ type: 'hello', instance: 'desk-1', seq: 1 });
    let rooms = cached('rooms.board');
    live.emit(notice(2));
    expect(rooms()).toBe(false);
    live.emit(notice(4));
    expect(rooms()).toBe(true);

    rooms = cached('rooms.board');
    live.emit({ type: 'hello', instance: 'desk-1', seq: 4 });
    expect(rooms()).toBe(false);
    live.emit({ type: 'hello', instance: 'desk-2', seq: 0 });
    expect(rooms()).toBe(true);
  });
});
