import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Room } from '@shared/domain';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
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
  version: 3,
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
      {
        id: 21,
        expectedVersion: 3,
        number: 'B-201',
        capacity: 3,
        type: 'double',
        features: ['window'],
        notes: '',
      },
    ]);
  });
});

describe('the room form when another desk saved the room first', () => {
  /** Main as it stands after the other desk's save: version 4, one bed, a note. */
  function openOvertaken() {
    let stored: Room = { ...ROOM, capacity: 1, type: 'single', notes: '靠近消防通道', version: 4 };
    const saved: number[] = [];
    const fake = installFakeApi({
      'rooms.update': ({ expectedVersion, id: _id, ...fields }) => {
        if (expectedVersion !== stored.version)
          throw new Refusal({
            code: 'CONFLICT',
            message: 'changed',
            params: { by: '王丽华', at: '2026-12-06T08:05:00.000Z' },
            current: {
              version: stored.version,
              record: stored,
              by: '王丽华',
              at: '2026-12-06T08:05:00.000Z',
            },
          });
        stored = { ...stored, ...fields, version: stored.version + 1 };
        return stored;
      },
    });
    renderUi(
      <RoomFormDialog
        open
        mode={{ kind: 'edit', room: ROOM }}
        onClose={() => undefined}
        onSaved={() => saved.push(1)}
      />,
    );
    return { ...fake, saved, form: screen.getAllByRole('dialog')[0]! };
  }

  async function saveThreeBeds(form: HTMLElement) {
    await retype(form, '床位', '3');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    return screen.findByRole('dialog', { name: '此记录已被他人修改' });
  }

  it('shows who changed it and when, their values beside mine; nothing was saved', async () => {
    const { saved, form } = openOvertaken();
    const conflict = await saveThreeBeds(form);
    // 08:05 UTC is 16:05 at the site.
    expect(within(conflict).getByText('另一台电脑上的 王丽华 于 16:05 修改了此记录')).toBeTruthy();
    const row = (label: string) =>
      [...within(conflict).getByRole('rowheader', { name: label }).closest('tr')!.cells].map(
        (c) => c.textContent,
      );
    expect(row('床位')).toEqual(['床位', '1', '3']);
    expect(row('房型')).toEqual(['房型', '单人间', '双人间']);
    expect(row('备注')).toEqual(['备注', '靠近消防通道', '—']);
    expect(saved).toEqual([]);
  });

  it('“use theirs” reloads the form with their values; saving then goes on their version', async () => {
    const { calls, saved, form } = openOvertaken();
    const conflict = await saveThreeBeds(form);
    await userEvent.click(within(conflict).getByRole('button', { name: '采用对方的' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: '此记录已被他人修改' })).toBeNull(),
    );
    // The form is shown again (no longer hidden behind the conflict) with their values.
    const save = await waitFor(() => within(form).getByRole('button', { name: '保存' }));
    expect((within(form).getByLabelText('床位') as HTMLInputElement).value).toBe('1');
    expect((within(form).getByLabelText(/备注/) as HTMLInputElement).value).toBe('靠近消防通道');
    await userEvent.click(save);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(inputsOf(calls, 'rooms.update').map((i) => [i.expectedVersion, i.capacity])).toEqual([
      [3, 3],
      [4, 1],
    ]);
  });

  it('“keep mine” saves what I typed again, on their version', async () => {
    const { calls, saved, form } = openOvertaken();
    const conflict = await saveThreeBeds(form);
    await userEvent.click(within(conflict).getByRole('button', { name: '保留我的' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(
      inputsOf(calls, 'rooms.update').map((i) => [i.expectedVersion, i.capacity, i.type]),
    ).toEqual([
      [3, 3, 'double'],
      [4, 3, 'double'],
    ]);
  });
});
