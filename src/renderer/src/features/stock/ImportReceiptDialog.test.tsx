import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  previewedReceiptRow,
  receiptListPreview,
  type ReceiptRowRead,
} from '@shared/receiptImport';
import type { ReceiptImportRow } from '@shared/stock';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { ImportReceiptDialog } from './ImportReceiptDialog';
import { stockItem } from '@renderer/testing/stockItem';

const masks = stockItem({ id: 4, name: '医用防护口罩', baseUnit: '只' });

const row = (r: Partial<ReceiptRowRead> & { row: number }): ReceiptImportRow =>
  previewedReceiptRow({
    serial: String(r.row - 2),
    name: masks.name,
    spec: '',
    quantity: 80,
    quantityText: '80',
    approximate: false,
    unit: '只',
    lotCode: '',
    expiry: null,
    itemId: masks.id,
    donor: '王志美',
    donorKind: 'individual',
    receivedOn: '2026-11-26',
    purpose: '狼山社区',
    note: '',
    expectedUnits: [],
    duplicateOf: null,
    problems: [],
    ...r,
  });

/** Two donors on two days: 个 for masks counted in 只, a line typed twice, an estimate. */
const ROWS = [
  row({ row: 3, unit: '个', problems: ['unknown_unit'], expectedUnits: ['只'] }),
  row({ row: 4, unit: '个', problems: ['unknown_unit', 'duplicate_row'], duplicateOf: 3 }),
  row({
    row: 5,
    donor: '卢女士',
    receivedOn: '2026-11-27',
    quantity: 2000,
    quantityText: '2000余只',
    approximate: true,
    purpose: '街道、社区',
  }),
];

function openDialog(rows = ROWS, ignoredColumns: string[] = []) {
  const done: number[] = [];
  const fake = installFakeApi({
    'stock.items': () => [masks],
    'stock.importPreview': () => ({
      ...receiptListPreview(rows, ignoredColumns),
      columns: { donor: true, date: true },
    }),
    'stock.importRegister': () => [],
  });
  renderUi(
    <ImportReceiptDialog
      open
      scope={{ siteId: 1 }}
      source="donation"
      party={null}
      partyKind="company"
      receivedOn="2026-11-29"
      onClose={() => undefined}
      onDone={() => done.push(1)}
    />,
  );
  return { ...fake, done };
}

describe('importing a donation register', () => {
  it('groups rows by donor and day, selects all or none, teaches 个 = 1 只, and posts each line with its donor, day and estimate', async () => {
    const { calls, done } = openDialog();
    expect(screen.getByText('选择文件（.xlsx 或 .csv）')).toBeTruthy();
    const input = screen.getByLabelText('选择文件（.xlsx 或 .csv）');
    fireEvent.change(input, { target: { files: [new File(['x'], '登记表.csv')] } });
    const table = await screen.findByRole('table', { name: '导入捐赠清单' });
    expect(within(table).getByText('王志美 · 2026-11-26 · 2 行 · 个人')).toBeTruthy();
    expect(within(table).getByText('卢女士 · 2026-11-27 · 1 行 · 个人')).toBeTruthy();
    expect(within(table).getAllByText(/该物资没有这个单位（应为 只）/)).toHaveLength(2);
    expect(within(table).getByText(/与第 1 行重复/)).toBeTruthy();
    const box = (serial: string) =>
      within(table).getByRole('checkbox', { name: `选择第 ${serial} 行` });
    expect([box('1'), box('2'), box('3')].map((b) => (b as HTMLInputElement).checked)).toEqual([
      true,
      false,
      true,
    ]);

    await userEvent.click(screen.getByRole('button', { name: '全不选' }));
    expect(within(table).queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: '全选' }));
    expect(within(table).queryAllByRole('checkbox', { checked: false })).toHaveLength(0);
    await userEvent.click(box('2'));

    for (const factor of within(table).getAllByLabelText('1 个 = ? 只'))
      await userEvent.type(factor, '1');
    expect(within(table).queryByText(/该物资没有这个单位/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '导入勾选的行' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'stock.importRegister')).toEqual([
      {
        siteId: 1,
        source: 'donation',
        receivedOn: '2026-11-29',
        lines: [
          {
            row: 3,
            name: masks.name,
            spec: '',
            itemId: masks.id,
            unitFactor: 1,
            quantity: 80,
            unit: '个',
            donor: '王志美',
            donorKind: 'individual',
            receivedOn: '2026-11-26',
            purpose: '狼山社区',
          },
          {
            row: 5,
            name: masks.name,
            spec: '',
            itemId: masks.id,
            quantity: 2000,
            unit: '只',
            donor: '卢女士',
            donorKind: 'individual',
            receivedOn: '2026-11-27',
            purpose: '街道、社区',
            note: '数量原文“2000余只”',
          },
        ],
      },
    ]);
  });

  it('on the one preview: counts, a row refused in words that cannot be ticked, a day too far back flagged and left out, columns not read', async () => {
    const { calls, done } = openDialog(
      [
        ...ROWS,
        row({ row: 6, quantity: null, quantityText: '', problems: ['quantity_value'] }),
        row({ row: 7, receivedOn: '2026-09-01', problems: ['received_before_limit'] }),
      ],
      ['经手人', '联系电话'],
    );
    fireEvent.change(screen.getByLabelText('选择文件（.xlsx 或 .csv）'), {
      target: { files: [new File(['x'], '登记表.csv')] },
    });
    const table = await screen.findByRole('table', { name: '导入捐赠清单' });
    expect(screen.getByRole('status').textContent).toContain('共 5 行：4 行可导入，1 行不导入。');
    expect(screen.getByText('未导入的列：经手人、联系电话')).toBeTruthy();
    expect(screen.getByText('文件：登记表.csv')).toBeTruthy();
    const box = (serial: string) =>
      within(table).getByRole<HTMLInputElement>('checkbox', { name: `选择第 ${serial} 行` });
    // The blank quantity refuses its row in words; the late line is flagged and left out.
    expect(box('4').disabled).toBe(true);
    expect(within(table).getByText('数量应为正整数')).toBeTruthy();
    expect(box('5').checked).toBe(false);
    expect(box('5').disabled).toBe(false);
    expect(within(table).getByText(/早于允许补录的期限/)).toBeTruthy();
    // Select all takes every row that can go in, never the refused one.
    await userEvent.click(screen.getByRole('button', { name: '全选' }));
    expect([1, 2, 3, 4, 5].map((n) => box(String(n)).checked)).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    await userEvent.click(screen.getByRole('button', { name: '全不选' }));
    await userEvent.click(box('3'));
    await userEvent.click(screen.getByRole('button', { name: '导入勾选的行' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'stock.importRegister').map((i) => i.lines.map((l) => l.row))).toEqual([
      [5],
    ]);
  });
});
