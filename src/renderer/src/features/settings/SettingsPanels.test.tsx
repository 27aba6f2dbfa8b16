import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BackupOverview } from '@shared/backups';
import type { Settings } from '@shared/domain';
import { BackupFolderForm } from '@renderer/features/backups/BackupFolderForm';
import { inputsOf, installFakeApi, type FakeAnswers } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { HealthSettingsPanel } from './HealthSettingsPanel';
import { ObservationPanel } from './ObservationPanel';
import { RosterSettingsPanel } from './RosterSettingsPanel';
import { SecurityPanel } from './SecurityPanel';

/** A site's own settings (not the defaults); every update answers with them changed. */
function siteSettings(): Settings {
  return {
    language: 'zh-CN',
    idleLockMinutes: 20,
    sessionMaxHours: 10,
    observationDays: 14,
    allowUnrelatedSharing: false,
    roundTimes: ['08:00', '15:00'],
    roundWindowMinutes: 90,
    feverThresholdTenths: 373,
    recheckMinutes: 45,
    restartRoommatesObservation: true,
    minRestHours: 10,
    stockExpiryDays: 45,
    receiptBackdateDays: 60,
  };
}

function withSettings() {
  const settings = siteSettings();
  const update = (input: Partial<Settings>) => Object.assign(settings, input);
  const answers: FakeAnswers = {
    'settings.get': () => settings,
    'settings.updateObservation': update,
    'settings.updateSecurity': update,
    'settings.updateHealth': update,
    'settings.updateRoster': update,
    'settings.updateStock': update,
    'settings.updateReceiptBackdate': update,
  };
  return installFakeApi(answers);
}

const save = (within_: HTMLElement, index = 0) =>
  userEvent.click(within(within_).getAllByRole('button', { name: '保存' })[index]!);

describe("settings forms check the contract's rules before the round trip", () => {
  it('refuses 90 observation days in main words and sends nothing, then saves 21 exactly', async () => {
    const { calls } = withSettings();
    const { container } = renderUi(<ObservationPanel />);
    await screen.findByDisplayValue('14');
    await retype(container, '观察期（天）', '90');
    await save(container);
    await screen.findByText('太长或太大');
    expect(inputsOf(calls, 'settings.updateObservation')).toEqual([]);

    await retype(container, '观察期（天）', '21');
    await userEvent.click(screen.getByLabelText('允许无亲属关系的同性别人员合住'));
    await save(container);
    await waitFor(() =>
      expect(inputsOf(calls, 'settings.updateObservation')).toEqual([
        { observationDays: 21, allowUnrelatedSharing: true },
      ]),
    );
  });

  it('refuses an empty idle lock as required, then saves both security numbers', async () => {
    const { calls } = withSettings();
    const { container } = renderUi(<SecurityPanel />);
    await screen.findByDisplayValue('20');
    await retype(container, '无操作自动锁定', '');
    await save(container);
    await screen.findByText('必填');
    expect(inputsOf(calls, 'settings.updateSecurity')).toEqual([]);

    await retype(container, '无操作自动锁定', '10');
    await retype(container, '登录最长有效时间', '8');
    await save(container);
    await waitFor(() =>
      expect(inputsOf(calls, 'settings.updateSecurity')).toEqual([
        { idleLockMinutes: 10, sessionMaxHours: 8 },
      ]),
    );
  });

  it('refuses rounds out of order and a 39.0 fever line, then sends times and tenths', async () => {
    const { calls } = withSettings();
    const { container } = renderUi(<HealthSettingsPanel />);
    await screen.findByDisplayValue('08:00, 15:00');
    await retype(container, '每日巡查时间', '15:00，08:00');
    await retype(container, '发热线', '39.0');
    await save(container);
    await screen.findByText('时间须从早到晚');
    expect(screen.getByText('太长或太大')).toBeTruthy();
    expect(inputsOf(calls, 'settings.updateHealth')).toEqual([]);

    await retype(container, '每日巡查时间', '07:00，14:00 20:00');
    await retype(container, '发热线', '37.5');
    await save(container);
    await waitFor(() =>
      expect(inputsOf(calls, 'settings.updateHealth')).toEqual([
        {
          roundTimes: ['07:00', '14:00', '20:00'],
          roundWindowMinutes: 90,
          feverThresholdTenths: 375,
          recheckMinutes: 45,
          restartRoommatesObservation: true,
        },
      ]),
    );
  });

  it('checks the rest rule and the expiry window each by its own method', async () => {
    const { calls } = withSettings();
    const { container } = renderUi(<RosterSettingsPanel />);
    await screen.findByDisplayValue('10');
    await retype(container, '两班之间最少休息', '30');
    await save(container, 0);
    await screen.findByText('太长或太大');
    expect(inputsOf(calls, 'settings.updateRoster')).toEqual([]);

    await retype(container, '两班之间最少休息', '12');
    await save(container, 0);
    await retype(container, '临期提醒', '60');
    await save(container, 1);
    await waitFor(() =>
      expect(inputsOf(calls, 'settings.updateStock')).toEqual([{ stockExpiryDays: 60 }]),
    );
    expect(inputsOf(calls, 'settings.updateRoster')).toEqual([{ minRestHours: 12 }]);
    await retype(container, '入库日期最多可往前补录', '0');
    await save(container, 2);
    await screen.findByText('太短或太小');
    await retype(container, '入库日期最多可往前补录', '90');
    await save(container, 2);
    await waitFor(() =>
      expect(inputsOf(calls, 'settings.updateReceiptBackdate')).toEqual([
        { receiptBackdateDays: 90 },
      ]),
    );
  });

  it('refuses a backup every 2 minutes, then keeps the chosen folder and interval', async () => {
    const overview: BackupOverview = {
      folder: 'D:\\isd\\backups',
      isDefaultFolder: true,
      onNetworkPath: false,
      intervalMinutes: 60,
      encryption: { encrypted: false, kind: null, protection: null, changedAt: null },
      backups: [],
    };
    const { calls } = installFakeApi({
      'backups.updateSettings': (input) => ({ ...overview, ...input, isDefaultFolder: false }),
    });
    const saved: number[] = [];
    const { container } = renderUi(
      <BackupFolderForm overview={overview} onSaved={() => saved.push(1)} />,
    );
    await retype(container, '备份间隔', '2');
    await save(container);
    await screen.findByText('太短或太小');
    expect(inputsOf(calls, 'backups.updateSettings')).toEqual([]);

    await retype(container, '备份文件夹', 'E:\\隔离点备份');
    await retype(container, '备份间隔', '30');
    await save(container);
    await waitFor(() => expect(saved).toEqual([1]));
    expect(inputsOf(calls, 'backups.updateSettings')).toEqual([
      { folder: 'E:\\隔离点备份', intervalMinutes: 30 },
    ]);
  });
});
