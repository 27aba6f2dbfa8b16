import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { typeDate } from '@renderer/testing/typeDate';
import { NewBatchDialog } from './NewBatchDialog';

function openDialog() {
  const created: number[] = [];
  const fake = installFakeApi({
    'arrivals.create': (input) => ({
      id: 31,
      siteId: input.siteId,
      label: input.label,
      arrivedAt: input.arrivedAt,
      expectedCount: input.expectedCount ?? null,
      registered: 0,
      checkedIn: 0,
    }),
  });
  renderUi(
    <NewBatchDialog
      open
      siteId={2}
      onClose={() => undefined}
      onCreated={(id) => created.push(id)}
    />,
  );
  return { ...fake, created, dialog: screen.getByRole('dialog') };
}

describe('the new batch dialog checks the contract before the round trip', () => {
  it("refuses a missing label and no one expected in main's words, sending nothing", async () => {
    const { calls, dialog } = openDialog();
    await retype(dialog, '预计人数', '0');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(within(dialog).getAllByText('太短或太小')).toHaveLength(2));
    expect(inputsOf(calls, 'arrivals.create')).toEqual([]);
  });

  it("creates the batch on its site with the arrival as an instant, typed on the site's clock", async () => {
    const { calls, created, dialog } = openDialog();
    await retype(dialog, '批次说明', '6号车');
    typeDate(dialog, '到达时间', '2026-12-06 08:30');
    await retype(dialog, '预计人数', '12');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(created).toEqual([31]));
    expect(inputsOf(calls, 'arrivals.create')).toEqual([
      {
        siteId: 2,
        label: '6号车',
        // 08:30 China Standard Time, whatever the computer's own time zone.
        arrivedAt: '2026-12-06T00:30:00.000Z',
        expectedCount: 12,
        notes: '',
      },
    ]);
  });
});
