import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HostOverview } from '@shared/host';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { HostPanel } from './HostPanel';

const FINGERPRINT =
  '0A:83:70:13:88:A0:1E:32:1E:47:3D:91:42:0B:11:6D:D2:1F:6B:A4:90:FB:E2:21:21:8E:DB:4E:40:CE:E1:7B';

function running(): HostOverview {
  return {
    settings: { enabled: true, address: '192.168.1.20', port: 8443, names: ['chongchuan-pc'] },
    addresses: ['192.168.1.20', '10.8.0.3'],
    status: { running: true, urls: ['https://192.168.1.20:8443'], fingerprint: FINGERPRINT },
    problem: null,
  };
}

describe('本机作为站点服务器', () => {
  it('shows the address to type and the fingerprint in groups of four bytes', async () => {
    installFakeApi({ 'host.get': running });
    renderUi(<HostPanel />);
    expect(await screen.findByText('https://192.168.1.20:8443')).toBeTruthy();
    const fingerprint = screen.getByTestId('host-fingerprint');
    expect(fingerprint.getAttribute('aria-label')).toBe(FINGERPRINT);
    expect(within(fingerprint).getByText('0A:83:70:13')).toBeTruthy();
    expect(within(fingerprint).getByText('40:CE:E1:7B')).toBeTruthy();
  });

  it('sends the names as a list and shows main’s refusal of an address', async () => {
    const { calls } = installFakeApi({
      'host.get': running,
      'host.set': () => {
        throw new Refusal({
          code: 'HOST_ADDRESS_UNKNOWN',
          message: 'not this PC',
          params: { address: '192.168.1.20' },
        });
      },
    });
    const { container } = renderUi(<HostPanel />);
    await screen.findByText('https://192.168.1.20:8443');
    await retype(container, '其他可用名称', 'chongchuan-pc， gate-pc');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'host.set')).toEqual([
        {
          enabled: true,
          address: '192.168.1.20',
          port: 8443,
          names: ['chongchuan-pc', 'gate-pc'],
        },
      ]),
    );
    expect(
      await screen.findByText('192.168.1.20 不是本机的网络地址，请从列表中选择。'),
    ).toBeTruthy();
  });
});
