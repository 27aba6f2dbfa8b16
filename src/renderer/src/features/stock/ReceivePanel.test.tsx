import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StockDocument } from '@shared/stock';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { typeDate } from '@renderer/testing/typeDate';
import { ReceivePanel } from './ReceivePanel';
import { stockItem } from '@renderer/testing/stockItem';

const gowns = stockItem({ id: 9, name: '医用防护服', baseUnit: '件' });

describe('a receipt typed by hand', () => {
  it('is dated the day the goods arrived, and the next receipt starts without the donor', async () => {
    const { calls } = installFakeApi({
      'stock.items': () => [gowns],
      'stock.receive': () => ({ id: 31 }) as StockDocument,
    });
    const { container } = renderUi(<ReceivePanel scope={{ siteId: 1 }} />);
    const form = container.querySelector('form')!;
    await retype(form, '捐赠方/供应方', '南通市纺针品有限公司');
    await retype(form, '联系人', '周经理');
    typeDate(form, '到货日期', '2026-11-20');
    await userEvent.click(within(form).getByRole('combobox', { name: '1. 物资' }));
    await userEvent.click(await screen.findByRole('option', { name: /医用防护服/ }));
    await retype(form, '1. 数量', '250');
    await userEvent.click(within(form).getByRole('button', { name: '登记入库' }));
    await waitFor(() => expect(inputsOf(calls, 'stock.receive')).toHaveLength(1));
    expect(inputsOf(calls, 'stock.receive')[0]).toMatchObject({
      // Noon at the site on the day typed: the hour is not known, the day is.
      occurredAt: '2026-11-20T04:00:00.000Z',
      party: { kind: 'company', name: '南通市纺针品有限公司', contact: '周经理' },
      lines: [{ itemId: gowns.id, quantity: 250, unit: '件' }],
    });
    await waitFor(() =>
      expect(within(form).getByLabelText(/捐赠方\/供应方/)).toHaveProperty('value', ''),
    );
    expect(within(form).getByLabelText('联系人')).toHaveProperty('value', '');
  });
});
