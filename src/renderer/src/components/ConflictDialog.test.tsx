import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderUi } from '@renderer/testing/renderUi';
import { ConflictDialog, type ConflictRow } from './ConflictDialog';

const ROWS: ConflictRow[] = [
  { label: '最低库存', theirs: '500', yours: '200' },
  { label: '单位', theirs: '只', yours: '只' },
];

describe('the conflict dialog', () => {
  it('is closed while there is no conflict', () => {
    renderUi(
      <ConflictDialog current={null} rows={[]} onUseTheirs={() => {}} onKeepMine={() => {}} />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('names who changed the record and when, marks the values that differ, and offers both ways', async () => {
    const chosen: string[] = [];
    renderUi(
      <ConflictDialog
        current={{ version: 5, record: {}, by: '周敏', at: '2026-12-06T01:07:00.000Z' }}
        rows={ROWS}
        onUseTheirs={() => chosen.push('theirs')}
        onKeepMine={() => chosen.push('mine')}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: '此记录已被他人修改' });
    expect(within(dialog).getByText('另一台电脑上的 周敏 于 09:07 修改了此记录')).toBeTruthy();
    const rowOf = (label: string) =>
      within(dialog).getByRole('rowheader', { name: label }).closest('tr')!;
    expect(rowOf('最低库存').className).toContain('Mui-selected');
    expect(rowOf('单位').className).not.toContain('Mui-selected');
    await userEvent.click(within(dialog).getByRole('button', { name: '采用对方的' }));
    await userEvent.click(within(dialog).getByRole('button', { name: '保留我的' }));
    expect(chosen).toEqual(['theirs', 'mine']);
  });

  it('says "another user" when the trail does not know who', () => {
    renderUi(
      <ConflictDialog
        current={{ version: 2, record: {}, by: null, at: null }}
        rows={ROWS}
        onUseTheirs={() => {}}
        onKeepMine={() => {}}
      />,
    );
    expect(screen.getByText('另一台电脑上的 另一位用户 于 — 修改了此记录')).toBeTruthy();
  });
});
