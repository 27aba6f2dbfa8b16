import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BatchMember } from '@shared/people';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { RegisterGrid } from './RegisterGrid';

/** A resident ID with a valid check digit: born 1949-12-31, sequence digit 2 → female. */
const ID_NUMBER = '11010519491231002X';

const cell = (row: number, field: string) => screen.getByLabelText(`第 ${row} 行 ${field}`);
const focused = () => document.activeElement;

describe('RegisterGrid (typing in a bus of arrivals)', () => {
  it('Enter and Tab move to the next cell; Enter past the last cell opens a new row there', async () => {
    installFakeApi({});
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.click(cell(1, '姓名'));
    await user.keyboard('张三{Enter}');
    expect(focused()).toBe(cell(1, '证件类型'));
    await user.tab();
    expect(focused()).toBe(cell(1, '证件号码'));
    await user.keyboard('{Enter}');
    expect(focused()).toBe(cell(1, '性别'));

    expect(screen.getAllByRole('row')).toHaveLength(4); // the header and three empty rows
    await user.click(cell(3, 'disability')); // the grid's last cell
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe(cell(4, '姓名')));
    expect(screen.getAllByRole('row')).toHaveLength(5);
  });

  it('a resident ID fills in birth date and gender; another document type does not', async () => {
    installFakeApi({});
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.type(cell(1, '证件号码'), ID_NUMBER);
    expect(cell(1, '出生日期')).toHaveProperty('value', '1949-12-31');
    expect(cell(1, '性别')).toHaveProperty('value', 'female');

    await user.selectOptions(cell(2, '证件类型'), 'passport');
    await user.type(cell(2, '证件号码'), ID_NUMBER);
    expect(cell(2, '出生日期')).toHaveProperty('value', '');
    expect(cell(2, '性别')).toHaveProperty('value', 'male');
  });

  it('sends only the typed rows in one call, then clears the grid', async () => {
    const { calls } = installFakeApi({
      'arrivals.register': ({ people }) =>
        people.map((p, i) => ({ stayId: i + 1, fullName: p.fullName }) as BatchMember),
    });
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.type(cell(2, '姓名'), '李四');
    await user.type(cell(2, '证件号码'), ID_NUMBER);
    await user.click(screen.getByRole('button', { name: '提交登记' }));

    await screen.findByText('已登记 1 人');
    const [sent] = inputsOf(calls, 'arrivals.register');
    expect(sent?.batchId).toBe(7);
    expect(sent?.people).toEqual([
      expect.objectContaining({
        fullName: '李四',
        documentNumber: ID_NUMBER,
        birthDate: '1949-12-31',
        gender: 'female',
        household: undefined,
      }),
    ]);
    expect(cell(2, '姓名')).toHaveProperty('value', '');
  });

  it("shows main's field refusal under the grid cell it names, keeping the typed rows", async () => {
    installFakeApi({
      'arrivals.register': () => {
        throw new Refusal({
          code: 'INVALID_INPUT',
          message: 'invalid',
          fields: { 'people.0.phone': 'invalid_format' },
        });
      },
    });
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.type(cell(3, '姓名'), '王五');
    await user.type(cell(3, '手机'), '12');
    await user.click(screen.getByRole('button', { name: '提交登记' }));

    const phone = cell(3, '手机');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('格式不正确')).toBeTruthy();
    expect(cell(3, '姓名')).toHaveProperty('value', '王五');
  });
});
