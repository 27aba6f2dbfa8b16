import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FormDialog } from '@renderer/components/FormDialog';
import { renderUi } from '@renderer/testing/renderUi';
import { typeDate } from '@renderer/testing/typeDate';

function openDialog(initial: { expiry: string; departedAt: string }) {
  const saved: Record<string, string>[] = [];
  renderUi(
    <FormDialog
      open
      title="登记"
      fields={[
        { name: 'expiry', label: '有效期至', initial: initial.expiry, type: 'date' },
        { name: 'departedAt', label: '出发时间', initial: initial.departedAt, type: 'datetime' },
      ]}
      onSubmit={async (values) => {
        saved.push(values);
      }}
      onDone={() => undefined}
      onClose={() => undefined}
    />,
  );
  return { saved, dialog: screen.getByRole('dialog') };
}

describe('a date field of a form', () => {
  it('shows the day as 2026-12-06 and the time on the site clock, and saves what was typed', async () => {
    const { saved, dialog } = openDialog({
      expiry: '2027-06-30',
      departedAt: '2026-12-06T01:15:00.000Z',
    });
    const expiry = within(dialog).getByRole('group', { name: '有效期至' });
    expect(expiry.textContent).toContain('2027-06-30');
    expect(within(dialog).getByRole('group', { name: '出发时间' }).textContent).toContain(
      '2026-12-06 09:15',
    );

    typeDate(dialog, '有效期至', '2027-01-31');
    typeDate(dialog, '出发时间', '2026-12-06 22:40');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    // 22:40 at the site is 14:40 UTC.
    expect(saved[0]).toEqual({ expiry: '2027-01-31', departedAt: '2026-12-06T14:40:00.000Z' });
  });

  it('opens a calendar that speaks Chinese', async () => {
    const { dialog } = openDialog({ expiry: '2027-06-30', departedAt: '' });
    const open = within(dialog).getAllByRole('button', { name: /选择日期/ })[0]!;
    await userEvent.click(open);
    const calendar = await screen.findByRole('grid');
    // The week starts on Monday in Chinese: 一 二 三 四 五 六 日.
    expect(within(calendar).getAllByRole('columnheader')[0]!.textContent).toBe('一');
  });
});
