import Dialog from '@mui/material/Dialog';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { ShiftForm } from './ShiftForm';

/** The end time's box (its label is also part of the next-day box's). */
async function retypeEnd(dialog: HTMLElement, value: string) {
  const input = within(dialog).getByRole('textbox', { name: '结束' });
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

function openForm() {
  const done: number[] = [];
  const fake = installFakeApi({
    'shifts.create': (input) => ({
      id: 3,
      siteId: input.siteId,
      name: input.name,
      start: input.start,
      durationMinutes: 720,
      night: true,
    }),
  });
  renderUi(
    <Dialog open>
      <ShiftForm siteId={1} onClose={() => undefined} onDone={() => done.push(1)} />
    </Dialog>,
  );
  return { ...fake, done, dialog: screen.getByRole('dialog') };
}

describe('the shift form checks the contract before the round trip', () => {
  it("refuses a time not written HH:MM and an empty name in main's words, sending nothing", async () => {
    const { calls, dialog } = openForm();
    await retype(dialog, '开始', '8:00');
    await retypeEnd(dialog, '25:00');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await within(dialog).findAllByText('时间格式应为 HH:MM')).toHaveLength(2);
    expect(within(dialog).getByText('太短或太小')).toBeTruthy();
    expect(inputsOf(calls, 'shifts.create')).toEqual([]);
  });

  it('creates an overnight shift with what was typed', async () => {
    const { calls, done, dialog } = openForm();
    await retype(dialog, '班次名称', '夜班');
    await retype(dialog, '开始', '20:00');
    await retypeEnd(dialog, '08:00');
    await userEvent.click(within(dialog).getByLabelText('次日结束（跨夜）'));
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'shifts.create')).toEqual([
      { siteId: 1, name: '夜班', start: '20:00', end: '08:00', nextDay: true },
    ]);
  });
});
