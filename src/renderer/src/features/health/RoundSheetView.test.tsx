import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '@shared/contract';
import type { Building } from '@shared/domain';
import type { ReadingRecord, RoundRow, RoundSheet } from '@shared/health';
import { conflictRefusal, inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { RoundSheetView } from './RoundSheetView';

const BUILDING: Building = {
  id: 1,
  siteId: 1,
  code: 'A',
  name: 'A 栋',
  retiredAt: null,
  floorCount: 1,
  roomCount: 2,
};

const resident = (stayId: number, fullName: string, roomNumber: string): RoundRow => ({
  stayId,
  personId: stayId,
  fullName,
  gender: 'female',
  age: 40,
  roomId: stayId,
  roomNumber,
  floorLevel: 1,
  active: true,
  reading: null,
  feverOpen: false,
});

const SHEET: RoundSheet = {
  round: {
    day: '2026-12-06',
    slot: 0,
    time: '08:00',
    startsAt: '2026-12-06T00:00:00.000Z',
    closesAt: '2099-12-06T02:00:00.000Z',
    closed: false,
  },
  rows: [resident(11, '赵一', 'A-101'), resident(12, '钱二', 'A-102')],
  expected: 2,
  recorded: 0,
  missing: 2,
  fevers: 0,
};

/** Main's answer to a reading: kept in tenths, a fever from 37.3 ℃; out of range refused with its guess. */
function recordLikeMain(input: MethodInput<'readings.record'>): ReadingRecord {
  if (input.temperature > 42.5) {
    throw new Refusal({
      code: 'TEMPERATURE_OUT_OF_RANGE',
      message: 'out of range',
      params: { min: '34.0', max: '42.5', hint: (input.temperature / 10).toFixed(1) },
      fields: { temperature: 'temperature_range' },
    });
  }
  const tenths = Math.round(input.temperature * 10);
  return {
    id: input.stayId,
    stayId: input.stayId,
    kind: 'round',
    day: input.day,
    slot: input.slot,
    temperatureTenths: tenths,
    symptoms: input.symptoms ?? [],
    takenAt: '2026-12-06T00:30:00.000Z',
    recordedBy: '护士甲',
    recordedAt: '2026-12-06T00:30:00.000Z',
    fever: tenths >= 373,
    version: input.expectedVersion + 1,
  };
}

function openSheet() {
  const fake = installFakeApi({
    'buildings.list': () => [BUILDING],
    'floors.list': () => [],
    'rounds.sheet': () => SHEET,
    'readings.record': recordLikeMain,
  });
  renderUi(<RoundSheetView siteId={1} roundTimes={['08:00', '14:00']} />, ['medical']);
  return fake;
}

const temperatureOf = (name: string) => screen.findByLabelText(`${name} 体温 ℃`);

describe('the round sheet row', () => {
  it('Enter saves the typed temperature with the ticked symptoms and moves to the next resident', async () => {
    const { calls } = openSheet();
    const user = userEvent.setup();

    await user.click(await screen.findByLabelText('赵一 咳嗽'));
    await user.click(await temperatureOf('赵一'));
    await user.keyboard('36.6{Enter}');

    await waitFor(async () => expect(document.activeElement).toBe(await temperatureOf('钱二')));
    const [sent] = inputsOf(calls, 'readings.record');
    expect(sent).toMatchObject({ stayId: 11, temperature: 36.6, symptoms: ['cough'] });
    expect(screen.getByTestId('round-row-11').textContent).toContain('护士甲');
    expect(screen.getByTestId('round-counts').textContent).toContain('1');
  });

  it('a fever reading is marked on its row', async () => {
    openSheet();
    const user = userEvent.setup();
    await user.type(await temperatureOf('钱二'), '38.2{Enter}');
    await waitFor(() => expect(screen.getByTestId('round-row-12').textContent).toContain('发热'));
    expect(screen.getByTestId('round-row-11').textContent).not.toContain('发热');
  });

  it('an out-of-range temperature is refused with the value the typist likely meant, and focus stays', async () => {
    openSheet();
    const user = userEvent.setup();
    const input = await temperatureOf('赵一');
    await user.type(input, '373{Enter}');

    const row = screen.getByTestId('round-row-11');
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toBe('体温应在 34.0–42.5 ℃ 之间，是不是 37.3？');
    expect(document.activeElement).toBe(input);
    expect(input).toHaveProperty('value', '373');
  });

  it('Enter on an empty temperature skips to the next resident without saving', async () => {
    const { calls } = openSheet();
    const user = userEvent.setup();
    await user.click(await temperatureOf('赵一'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(await temperatureOf('钱二'));
    expect(inputsOf(calls, 'readings.record')).toEqual([]);
  });
});

describe('one nurse, quicker than the network', () => {
  it('a symptom ticked and Enter pressed while the first save is on its way are sent on its version, not taken for another nurse', async () => {
    let stored: ReadingRecord | null = null;
    let release = (): void => undefined;
    const firstAnswer = new Promise<void>((resolve) => (release = resolve));
    const { calls } = installFakeApi({
      'buildings.list': () => [BUILDING],
      'floors.list': () => [],
      'rounds.sheet': () => SHEET,
      // Main: a save on an older version than the stored reading's is refused as a conflict.
      'readings.record': async (input) => {
        if (stored === null) await firstAnswer;
        if (input.expectedVersion !== (stored?.version ?? 0))
          throw conflictRefusal({
            record: stored,
            version: stored?.version ?? 0,
            by: '护士甲',
            at: stored?.recordedAt ?? '',
          });
        stored = recordLikeMain(input);
        return stored;
      },
    });
    renderUi(<RoundSheetView siteId={1} roundTimes={['08:00', '14:00']} />, ['medical']);
    const user = userEvent.setup();
    await user.type(await temperatureOf('赵一'), '38.2');
    // Ticking a symptom saves the line at once; the answer is slow to come.
    await user.click(await screen.findByLabelText('赵一 咳嗽'));
    await user.click(await temperatureOf('赵一'));
    await user.keyboard('{Enter}');
    release();

    await waitFor(async () => expect(document.activeElement).toBe(await temperatureOf('钱二')));
    expect(inputsOf(calls, 'readings.record').map((i) => i.expectedVersion)).toEqual([0, 1]);
    expect(screen.getByTestId('round-row-11').textContent).not.toContain('已于');
  });
});

describe('two nurses on one round reading', () => {
  /** Main after 李娟 saved 37.4 ℃ for 赵一 from another computer (version 1). */
  function openAfterOtherNurse() {
    let theirs: ReadingRecord = {
      ...recordLikeMain({
        stayId: 11,
        day: '2026-12-06',
        slot: 0,
        temperature: 37.4,
        expectedVersion: 0,
      }),
      recordedBy: '李娟',
      recordedAt: '2026-12-06T00:40:00.000Z',
    };
    const fake = installFakeApi({
      'buildings.list': () => [BUILDING],
      'floors.list': () => [],
      'rounds.sheet': () => SHEET,
      'readings.record': (input) => {
        if (input.stayId === 11 && input.expectedVersion !== theirs.version)
          throw new Refusal({
            code: 'CONFLICT',
            message: 'changed',
            params: { by: theirs.recordedBy!, at: theirs.recordedAt },
            current: {
              version: theirs.version,
              record: theirs,
              by: theirs.recordedBy,
              at: theirs.recordedAt,
            },
          });
        theirs = { ...recordLikeMain(input), recordedBy: '护士甲' };
        return theirs;
      },
    });
    renderUi(<RoundSheetView siteId={1} roundTimes={['08:00', '14:00']} />, ['medical']);
    return fake;
  }

  it('the second sees the first’s value and who typed it, and may correct it deliberately', async () => {
    const { calls } = openAfterOtherNurse();
    const user = userEvent.setup();
    const input = await temperatureOf('赵一');
    await user.type(input, '36.6{Enter}');

    const row = screen.getByTestId('round-row-11');
    const notice = await within(row).findByRole('alert');
    // 00:40 UTC is 08:40 at the site.
    expect(notice.textContent).toBe('李娟 已于 08:40 录入 37.4 ℃；如需更正，请重新输入后按回车');
    expect(input).toHaveProperty('value', '37.4');
    expect(row.textContent).toContain('发热');
    // Focus stays on her row: nothing moved on as if saved.
    expect(document.activeElement).toBe(input);

    await user.clear(input);
    await user.type(input, '36.6{Enter}');
    await waitFor(() => expect(within(row).queryByRole('alert')).toBeNull());
    expect(
      inputsOf(calls, 'readings.record').map((i) => [i.temperature, i.expectedVersion]),
    ).toEqual([
      [36.6, 0],
      [36.6, 1],
    ]);
    expect(row.textContent).toContain('护士甲');
  });
});
