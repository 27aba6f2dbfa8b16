import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { ItemForm } from './ItemForm';

function openForm() {
  const done: number[] = [];
  const fake = installFakeApi({
    'stock.createItem': (input) => ({
      spec: '',
      lowThreshold: 0,
      tracksLots: false,
      units: [],
      aliases: [],
      ...input,
      id: 3,
      archived: false,
      version: 1,
    }),
  });
  renderUi(<ItemForm onClose={() => undefined} onDone={() => done.push(1)} />);
  return { ...fake, done, form: screen.getByRole('button', { name: '保存' }).closest('form')! };
}

describe('the item form checks the contract before the round trip', () => {
  it("refuses an empty pack and a missing base unit in main's words, sending nothing", async () => {
    const { calls, form } = openForm();
    await retype(form, '物资', '口罩');
    await retype(form, '包装换算', '箱=0');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(within(form).getAllByText('太短或太小')).toHaveLength(2));
    expect(inputsOf(calls, 'stock.createItem')).toEqual([]);
  });

  it('creates the item with packs and aliases split from their lines', async () => {
    const { calls, done, form } = openForm();
    await retype(form, '物资', '口罩');
    await retype(form, '基本单位', '只');
    await retype(form, '包装换算', '箱=50, 包＝10, 个=1');
    await retype(form, '预警下限', '100');
    await retype(form, '别名', 'N95，防护口罩');
    await userEvent.click(within(form).getByRole('checkbox'));
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'stock.createItem')).toEqual([
      {
        name: '口罩',
        category: 'ppe',
        spec: '',
        baseUnit: '只',
        lowThreshold: 100,
        tracksLots: true,
        units: [
          { unit: '箱', factor: 50 },
          { unit: '包', factor: 10 },
          // Another word for the base unit: 1 个 = 1 只.
          { unit: '个', factor: 1 },
        ],
        aliases: ['N95', '防护口罩'],
      },
    ]);
  });
});
