import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Building, Floor, Site } from '@shared/domain';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { RegistryFormDialog, type RegistryEditing } from './RegistryFormDialog';

const SITE: Site = { id: 1, name: '濠河隔离点', address: '濠西路 88 号', retiredAt: null };
const BUILDING: Building = {
  id: 2,
  siteId: 1,
  code: 'A',
  name: '一号楼',
  retiredAt: null,
  floorCount: 3,
  roomCount: 30,
};
const FLOOR: Floor = { id: 7, buildingId: 2, level: 2, name: '', retiredAt: null, roomCount: 10 };

function openDialog(editing: RegistryEditing) {
  const done: number[] = [];
  const fake = installFakeApi({
    'sites.update': (input) => ({ ...SITE, ...input }),
    'buildings.create': (input) => ({ ...BUILDING, ...input, id: 3, floorCount: 0, roomCount: 0 }),
    'buildings.update': (input) => ({ ...BUILDING, ...input }),
    'floors.create': (input) => ({ ...FLOOR, ...input, id: 8, roomCount: 0 }),
    'floors.update': (input) => ({ ...FLOOR, ...input }),
  });
  renderUi(
    <RegistryFormDialog
      editing={editing}
      siteId={1}
      onClose={() => undefined}
      onDone={() => done.push(1)}
    />,
  );
  const dialog = screen.getByRole('dialog');
  const save = () => userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
  return { ...fake, done, dialog, save };
}

describe('the site, building and floor dialogs check the contract before the round trip', () => {
  it("refuses a building code that is not letters and digits in main's words, sending nothing", async () => {
    const { calls, dialog, save } = openDialog({ kind: 'newBuilding' });
    await retype(dialog, '楼栋编号', 'A-1');
    await retype(dialog, '楼栋名称', '一号楼');
    await save();
    await within(dialog).findByText('只能用字母和数字');
    expect(inputsOf(calls, 'buildings.create')).toEqual([]);
  });

  it('creates a building on the site, its code as main stores it', async () => {
    const { calls, done, dialog, save } = openDialog({ kind: 'newBuilding' });
    await retype(dialog, '楼栋编号', 'b2');
    await retype(dialog, '楼栋名称', '二号楼');
    await save();
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'buildings.create')).toEqual([
      { siteId: 1, code: 'B2', name: '二号楼' },
    ]);
  });

  it('renames a building, refusing an empty name first', async () => {
    const { calls, done, dialog, save } = openDialog({ kind: 'building', building: BUILDING });
    await retype(dialog, '楼栋名称', '');
    await save();
    await within(dialog).findByText('太短或太小');
    expect(calls).toEqual([]);
    await retype(dialog, '楼栋名称', '综合楼');
    await save();
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'buildings.update')).toEqual([{ id: 2, code: 'A', name: '综合楼' }]);
  });

  it('refuses floor 0 and an empty level, then adds floor -1', async () => {
    const { calls, done, dialog, save } = openDialog({ kind: 'newFloor', building: BUILDING });
    await save();
    await within(dialog).findByText('必填');
    await retype(dialog, '楼层号', '0');
    await save();
    await within(dialog).findByText('没有 0 层：地面层为 1 层，地下为 -1 层');
    expect(calls).toEqual([]);
    await retype(dialog, '楼层号', '-1');
    await retype(dialog, '楼层名称', '地下车库');
    await save();
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'floors.create')).toEqual([
      { buildingId: 2, level: -1, name: '地下车库' },
    ]);
  });

  it('renames a floor', async () => {
    const { calls, done, dialog, save } = openDialog({ kind: 'floor', floor: FLOOR });
    await retype(dialog, '楼层名称', '隔离区');
    await save();
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'floors.update')).toEqual([{ id: 7, name: '隔离区' }]);
  });

  it('refuses a site with no name, then saves its new address', async () => {
    const { calls, done, dialog, save } = openDialog({ kind: 'site', site: SITE });
    await retype(dialog, '隔离点名称', '  ');
    await save();
    await within(dialog).findByText('太短或太小');
    expect(calls).toEqual([]);
    await retype(dialog, '隔离点名称', '濠河隔离点');
    await retype(dialog, '地址', '濠东路 1 号');
    await save();
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'sites.update')).toEqual([
      { id: 1, name: '濠河隔离点', address: '濠东路 1 号' },
    ]);
  });
});
