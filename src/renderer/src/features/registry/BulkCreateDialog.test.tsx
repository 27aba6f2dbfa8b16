import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Building } from '@shared/domain';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { BulkCreateDialog } from './BulkCreateDialog';

const BUILDING: Building = {
  id: 4,
  siteId: 1,
  code: 'B',
  name: 'B 栋',
  retiredAt: null,
  floorCount: 0,
  roomCount: 0,
};

function openDialog(refuse = false) {
  const created: number[] = [];
  const fake = installFakeApi({
    'rooms.bulkCreate': (input) => {
      if (refuse) {
        throw new Refusal({
          code: 'ROOM_NUMBER_CLASH',
          message: 'clash',
          params: { clashes: 'B-201', count: 1 },
        });
      }
      return {
        created: (input.floorTo - input.floorFrom + 1) * (input.roomTo - input.roomFrom + 1),
        floorsCreated: input.floorTo - input.floorFrom + 1,
        firstNumber: `B-${input.floorFrom}01`,
        lastNumber: `B-${input.floorTo}0${input.roomTo}`,
      };
    },
  });
  renderUi(
    <BulkCreateDialog
      open
      buildings={[BUILDING]}
      onClose={() => undefined}
      onCreated={() => created.push(1)}
    />,
  );
  return { ...fake, created, dialog: screen.getByRole('dialog') };
}

async function fill(dialog: HTMLElement, label: string, value: string) {
  const input = within(dialog).getByLabelText(label);
  await userEvent.clear(input);
  if (value) await userEvent.type(input, value);
}

describe('the bulk room dialog checks the contract before the round trip', () => {
  it("a reversed range is refused in main's words under its field, and nothing is sent", async () => {
    const { calls, dialog } = openDialog();
    await fill(dialog, '起始楼层', '5');
    await fill(dialog, '结束楼层', '3');
    await userEvent.click(within(dialog).getByRole('button', { name: '新建' }));

    const floorTo = within(dialog).getByLabelText('结束楼层');
    await waitFor(() => expect(floorTo.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('结束值不能小于起始值')).toBeTruthy();
    expect(within(dialog).queryByTestId('bulk-preview')).toBeNull();

    // An emptied number is "required", as main would answer the value it cannot read.
    await fill(dialog, '结束楼层', '6');
    await fill(dialog, '床位', '');
    await userEvent.click(within(dialog).getByRole('button', { name: '新建' }));
    await within(dialog).findByText('必填');
    expect(within(dialog).getByLabelText('床位').getAttribute('aria-invalid')).toBe('true');
    expect(inputsOf(calls, 'rooms.bulkCreate')).toEqual([]);
  });

  it('a valid range is previewed and sent as numbers', async () => {
    const { calls, created, dialog } = openDialog();
    await fill(dialog, '起始楼层', '2');
    await fill(dialog, '结束楼层', '3');
    await fill(dialog, '结束房号', '4');
    expect(within(dialog).getByTestId('bulk-preview').textContent).toBe(
      '将新建 8 间：B-201 … B-304',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: '新建' }));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(inputsOf(calls, 'rooms.bulkCreate')).toEqual([
      {
        buildingId: 4,
        floorFrom: 2,
        floorTo: 3,
        roomFrom: 1,
        roomTo: 4,
        capacity: 1,
        type: 'single',
        features: ['private_bathroom', 'window'],
      },
    ]);
  });

  it("main's refusal still shows when the form itself was fine", async () => {
    const { created, dialog } = openDialog(true);
    await userEvent.click(within(dialog).getByRole('button', { name: '新建' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('B-201');
    expect(created).toEqual([]);
  });
});
