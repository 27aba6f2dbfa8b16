import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Post } from '@shared/roster';
import type { ItemNorms, NormLine } from '@shared/supply';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { NormsForm } from './NormsForm';

const SUITS: ItemNorms = {
  itemId: 7,
  name: '医用防护服',
  spec: '连体',
  category: 'ppe',
  baseUnit: '套',
  lines: [],
  suggested: [{ basis: 'staff_shift', quantity: 1, postId: 3 }],
};
const POSTS: Post[] = [
  {
    id: 2,
    siteId: 1,
    name: '门岗',
    roles: ['security'],
    headCount: 1,
    sortOrder: 0,
    templateIds: [],
  },
  {
    id: 3,
    siteId: 1,
    name: '医疗点',
    roles: ['nurse'],
    headCount: 1,
    sortOrder: 1,
    templateIds: [],
  },
];

function openForm(lines: NormLine[], refuse = false) {
  const done: number[] = [];
  const fake = installFakeApi({
    'supply.setNorms': (input) => {
      if (refuse) {
        throw new Refusal({
          code: 'INVALID_INPUT',
          message: 'Line 2 repeats an earlier line',
          fields: { 'lines.1.basis': 'duplicate' },
        });
      }
      return { ...SUITS, lines: input.lines as NormLine[], suggested: [] };
    },
  });
  renderUi(
    <NormsForm
      siteId={1}
      item={SUITS}
      lines={lines}
      posts={POSTS}
      onClose={() => undefined}
      onDone={() => done.push(1)}
    />,
  );
  const form = screen.getByRole('button', { name: '保存' }).closest('form')!;
  return { ...fake, done, form };
}

async function choose(form: HTMLElement, label: string, option: string) {
  await userEvent.click(within(form).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the norms form checks the contract before the round trip', () => {
  it('saves an accepted suggestion with a line added, each limit as main takes it', async () => {
    const { calls, done, form } = openForm(SUITS.suggested);
    expect(within(form).getByRole('combobox', { name: '1. 限于' }).textContent).toBe(
      '岗位：医疗点',
    );
    await userEvent.click(within(form).getByRole('button', { name: '添加一行' }));
    await choose(form, '2. 计算依据', '每个工作人员班次');
    await retype(form, '2. 用量（套）', '0.5');
    await choose(form, '2. 限于', '人员：医生');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'supply.setNorms')).toEqual([
      {
        siteId: 1,
        itemId: 7,
        lines: [
          { basis: 'staff_shift', quantity: 1, postId: 3 },
          { basis: 'staff_shift', quantity: 0.5, role: 'doctor' },
        ],
      },
    ]);
  });

  it('refuses three decimals and a zero in main’s words, sending nothing', async () => {
    const { calls, form } = openForm([]);
    await userEvent.click(within(form).getByRole('button', { name: '添加一行' }));
    await retype(form, '1. 用量（套）', '0.125');
    await userEvent.click(within(form).getByRole('button', { name: '添加一行' }));
    await retype(form, '2. 用量（套）', '0');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(form).getAllByText('最多两位小数')).toHaveLength(1));
    expect(within(form).getAllByText('太短或太小')).toHaveLength(1);
    expect(inputsOf(calls, 'supply.setNorms')).toEqual([]);
  });

  it('shows main’s refusal of a repeated line under that line', async () => {
    const { done, form } = openForm(
      [
        { basis: 'resident_day', quantity: 2 },
        { basis: 'resident_day', quantity: 3 },
      ],
      true,
    );
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(form).getAllByText('已存在')).toHaveLength(1));
    expect(done).toEqual([]);
  });
});
