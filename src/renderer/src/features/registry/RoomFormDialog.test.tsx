import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Room } from '@shared/domain';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { RoomFormDialog, type RoomFormMode } from './RoomFormDialog';

const ROOM: Room = {
  id: 21,
  siteId: 1,
  buildingId: 4,
  buildingCode: 'B',
  floorId: 8,
  floorLevel: 2,
  number: 'B-201',
  capacity: 2,
  type: 'double',
  features: ['window'],
  notes: '',
  status: 'available',
  statusReason: null,
  everUsed: false,
  retiredAt: null,
};

function openForm(mode: RoomFormMode) {
  const saved: number[] = [];
  const fake = installFakeApi({
    'rooms.create': (input) => ({ ...ROOM, ...input, id: 22 }),
    'rooms.update': (input) => ({ ...ROOM, ...input }),
  });
  renderUi(
    <RoomFormDialog open mode={mode} onClose={() => undefined} onSaved={() => saved.push(1)} />,
  );
  return { ...fake, saved, dialog: screen.getByRole('dialog') };
}

describe('the room form checks the contract before the round trip', () => {
  it("refuses a bad room number and too many beds in main's words, sending nothing", async () => {
    const { calls, dialog } = openForm({ kind: 'create', floorId: 8, suggestedNumber: 'B-202' });
    await retype(dialog, '房号', 'B 202');
    await retype(dialog, '床位', '21');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await within(dialog).findByText('只能用字母、数字和“-”');
    expect(within(dialog).getByText('太长或太大')).toBeTruthy();
    expect(inputsOf(calls, 'rooms.create')).toEqual([]);
  });

  it('creates on the floor with what was typed', async () => {
    const { calls, saved, dialog } = openForm({
      kind: 'create',
      floorId: 8,
      suggestedNumber: 'B-202',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(inputsOf(calls, 'rooms.create')).toEqual([
      { floorId: 8, number: 'B-202', capacity: 1, type: 'single', features: [], notes: '' },
    ]);
  });

  it('edits the room it was opened on', async () => {
    const { calls, saved, dialog } = openForm({ kind: 'edit', room: ROOM });
    await retype(dialog, '床位', '3');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(inputsOf(calls, 'rooms.update')).toEqual([
      { id: 21, number: 'B-201', capacity: 3, type: 'double', features: ['window'], notes: '' },
    ]);
  });
});
