import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeviceSession } from '@shared/sessions';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { SessionsPanel } from './SessionsPanel';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const session = (over: Partial<DeviceSession>): DeviceSession => ({
  id: 'a'.repeat(64),
  userId: 1,
  username: 'admin',
  displayName: '王主任',
  address: '127.0.0.1',
  browser: 'Chrome 131 / Windows',
  userAgent: CHROME,
  via: 'local',
  startedAt: '2026-11-29T00:10:00.000Z',
  lastActiveAt: '2026-11-29T00:42:00.000Z',
  locked: false,
  current: false,
  ...over,
});

const MINE = session({ current: true });
const STATION = session({
  id: 'b'.repeat(64),
  userId: 3,
  username: 'doctor',
  displayName: '张医生',
  address: '192.168.1.23',
  browser: 'Edge 131 / Windows',
  via: 'host',
  locked: true,
});
const WINDOW = session({
  id: 'c'.repeat(64),
  userId: 2,
  username: 'coordinator',
  displayName: '李协调',
  address: 'local',
  browser: 'Electron 33 / Windows',
});

describe('the signed-in devices panel', () => {
  it('lists each device with its browser and way in, marks the own session and ends another', async () => {
    let live = [MINE, STATION, WINDOW];
    const { calls } = installFakeApi({
      'sessions.list': () => live,
      'sessions.end': ({ id }) => {
        const ended = live.find((s) => s.id === id)!;
        live = live.filter((s) => s.id !== id);
        return ended;
      },
    });
    renderUi(<SessionsPanel />, ['administrator']);
    const table = await screen.findByRole('table', { name: '已登录的设备' });
    await within(table).findByText('张医生');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('用户地址浏览器连接方式'),
      expect.stringMatching(/王主任 · admin127\.0\.0\.1Chrome 131 \/ Windows本机.*当前会话（您）$/),
      expect.stringMatching(/张医生 · doctor192\.168\.1\.23Edge 131 \/ Windows局域网.*已锁定结束$/),
      expect.stringMatching(/李协调 · coordinator本机桌面应用窗口本机.*使用中结束$/),
    ]);
    // The administrator's own row has no way to end it.
    expect(within(rows[1]!).queryByRole('button')).toBeNull();

    await userEvent.click(within(rows[2]!).getByRole('button', { name: '结束' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      '结束 张医生 在 192.168.1.23（Edge 131 / Windows）上的会话？',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: '结束' }));
    await screen.findByText('会话已结束');
    expect(inputsOf(calls, 'sessions.end')).toEqual([{ id: STATION.id }]);
    await waitFor(() => expect(within(table).queryByText('张医生')).toBeNull());
    expect(within(table).getByText('李协调')).toBeDefined();
  });

  it('says why an end was refused', async () => {
    installFakeApi({
      'sessions.list': () => [MINE, STATION],
      'sessions.end': () => {
        throw new Refusal({ code: 'NOT_FOUND', message: 'No such session' });
      },
    });
    renderUi(<SessionsPanel />, ['administrator']);
    await userEvent.click(await screen.findByRole('button', { name: '结束' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: '结束' }),
    );
    await screen.findByText('找不到该记录，可能已被他人删除。');
  });
});
