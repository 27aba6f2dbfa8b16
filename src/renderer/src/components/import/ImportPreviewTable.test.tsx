import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ListPreview, RowPreview } from '@shared/imports';
import { renderUi } from '@renderer/testing/renderUi';
import { ImportPreviewTable } from './ImportPreviewTable';

/** A donation register's rows as a list import returns them: donors, one refused row. */
interface DonationRow extends RowPreview {
  donor: string;
}

const row = (
  line: number,
  label: string,
  name: string,
  donor: string,
  reasons: RowPreview['reasons'] = [],
): DonationRow => ({
  line,
  label,
  name,
  donor,
  ok: reasons.length === 0,
  reasons,
});

const ROWS: DonationRow[] = [
  row(3, '1', '医用口罩', '王志美'),
  row(4, '2', '测温枪', '南通普济药房连锁有限公司'),
  row(5, '3', '护目镜', '王志美', [
    { field: 'quantity', code: 'quantity_value' },
    { code: 'mobile_in_file', field: 'phone', params: { row: '1', name: '陈志刚' } },
  ]),
  row(6, '4', '一次性手套', '南通普济药房连锁有限公司'),
];

const PREVIEW: ListPreview<DonationRow> = {
  rows: ROWS,
  labels: 'serial',
  ok: 3,
  refused: 1,
  ignoredColumns: ['经手人', '备注'],
};

const FIELDS: Record<string, string> = { quantity: '数量', phone: '手机' };

/** The table under a parent that keeps the choice, as a dialog does. */
function Harness(props: { groupBy?: boolean; onChange?: (lines: number[]) => void }) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set([3, 4, 6]));
  return (
    <ImportPreviewTable
      preview={PREVIEW}
      selected={selected}
      onSelectedChange={(lines) => {
        setSelected(lines);
        props.onChange?.([...lines].sort((a, b) => a - b));
      }}
      label="捐赠清单"
      nameHeader="物资名称"
      columns={[{ header: '捐赠方', cell: (r) => r.donor }]}
      fieldLabel={(f) => FIELDS[f] ?? f}
      {...(props.groupBy ? { groupBy: (r: DonationRow) => r.donor } : {})}
    />
  );
}

const checkboxOf = (label: string) =>
  screen.getByRole<HTMLInputElement>('checkbox', { name: `选择第 ${label} 行` });

describe('ImportPreviewTable', () => {
  it('counts, labels by 序号, names, reasons in words with their column, columns not imported', () => {
    renderUi(<Harness />);
    expect(screen.getByRole('status').textContent).toContain('共 4 行：3 行可导入，1 行不导入。');
    expect(screen.getByText('未导入的列：经手人、备注')).toBeTruthy();
    const table = screen.getByRole('table', { name: '捐赠清单' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(header).toEqual(['', '序号', '物资名称', '捐赠方', '检查结果']);
    const refused = within(table).getByRole('row', { name: /护目镜/ });
    expect(refused.textContent).toContain('不导入');
    expect(refused.textContent).toContain('数量：数量应为正整数');
    expect(refused.textContent).toContain('手机：与序号/行 1（陈志刚）手机号相同');
    expect(within(table).getByRole('row', { name: /医用口罩/ }).textContent).toContain('可导入');
    // A refused row cannot be chosen.
    expect(checkboxOf('3').disabled).toBe(true);
    expect(screen.getByText('已选 3 行')).toBeTruthy();
  });

  it('select none, one row, select all: only sound rows are ever chosen', async () => {
    const user = userEvent.setup();
    const changes: number[][] = [];
    renderUi(<Harness onChange={(l) => changes.push(l)} />);
    await user.click(screen.getByRole('button', { name: '全不选' }));
    expect(checkboxOf('1').checked).toBe(false);
    expect(screen.getByText('已选 0 行')).toBeTruthy();
    await user.click(checkboxOf('2'));
    expect(checkboxOf('2').checked).toBe(true);
    await user.click(screen.getByRole('button', { name: '全选' }));
    expect(changes).toEqual([[], [4], [3, 4, 6]]);
    expect(screen.getByText('已选 3 行')).toBeTruthy();
  });

  it('grouped by donor: a header per donor in the order of the list, choosing its sound rows', async () => {
    const user = userEvent.setup();
    const changes: number[][] = [];
    renderUi(<Harness groupBy onChange={(l) => changes.push(l)} />);
    // Each donor's header, then its rows, donors in the order the list first names them.
    const texts = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(texts.map((x) => x?.replace(/可导入|不导入.*$/, ''))).toEqual([
      '王志美',
      '1医用口罩王志美',
      '3护目镜王志美',
      '南通普济药房连锁有限公司',
      '2测温枪南通普济药房连锁有限公司',
      '4一次性手套南通普济药房连锁有限公司',
    ]);
    const donor = screen.getByRole<HTMLInputElement>('checkbox', {
      name: '南通普济药房连锁有限公司',
    });
    expect(donor.checked).toBe(true);
    await user.click(donor);
    expect(changes).toEqual([[3]]);
    expect(checkboxOf('2').checked).toBe(false);
    expect(checkboxOf('4').checked).toBe(false);
    expect(checkboxOf('1').checked).toBe(true);
  });
});
