import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Staff } from '@shared/roster';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { StaffDialog } from './StaffDialog';

const NURSE: Staff = {
  id: 5,
  fullName: '王芳',
  role: 'nurse',
  unit: '社区医院',
  phoneMasked: '138****0000',
  skills: ['triage'],
  maxHoursWeek: 40,
  active: true,
};

function openForm(staff: Staff | null) {
  const done: number[] = [];
  const fake = installFakeApi({
    'staff.create': (input) => ({ ...NURSE, ...input, id: 6, phoneMasked: '' }),
    'staff.update': (input) => ({ ...NURSE, ...input }),
  });
  renderUi(
    <StaffDialog open staff={staff} onClose={() => undefined} onDone={() => done.push(1)} />,
  );
  return { ...fake, done, dialog: screen.getByRole('dialog') };
}

describe('the staff form checks the contract before the round trip', () => {
  it("refuses a short mobile and too many weekly hours in main's words, sending nothing", async () => {
    const { calls, dialog } = openForm(null);
    await retype(dialog, '姓名', '李明');
    await retype(dialog, '手机', '1380000');
    await retype(dialog, '每周最多工时', '200');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await within(dialog).findByText('手机号应为 11 位');
    expect(within(dialog).getByText('太长或太大')).toBeTruthy();
    expect(inputsOf(calls, 'staff.create')).toEqual([]);
  });

  it('creates the member with what was typed, skills split from one line', async () => {
    const { calls, done, dialog } = openForm(null);
    await retype(dialog, '姓名', '李明');
    await retype(dialog, '所属单位', '区疾控');
    await retype(dialog, '手机', '13800001111');
    await retype(dialog, '技能', 'triage，ICU');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'staff.create')).toEqual([
      {
        fullName: '李明',
        role: 'nurse',
        unit: '区疾控',
        phone: '13800001111',
        skills: ['triage', 'ICU'],
        maxHoursWeek: 48,
      },
    ]);
  });

  it('edits without a mobile, so the number on file stays', async () => {
    const { calls, done, dialog } = openForm(NURSE);
    await retype(dialog, '每周最多工时', '36');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'staff.update')).toEqual([
      {
        id: 5,
        fullName: '王芳',
        role: 'nurse',
        unit: '社区医院',
        skills: ['triage'],
        maxHoursWeek: 36,
      },
    ]);
  });
});
