import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '@shared/imports';
import { zhCN } from '@shared/i18n/zh-CN';
import type { BatchMember } from '@shared/people';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { RegisterGrid } from './RegisterGrid';

/** A resident ID with a valid check digit: born 1949-12-31, sequence digit 2 → female. */
const ID_NUMBER = '11010519491231002X';

const cell = (row: number, field: string) => screen.getByLabelText(`第 ${row} 行 ${field}`);
const focused = () => document.activeElement;
/** Main's answer to arrivals.register, as the grid reads it: the people registered. */
const acceptRegistrations = () =>
  installFakeApi({
    'arrivals.register': ({ people }) =>
      people.map((p, i) => ({ stayId: i + 1, fullName: p.fullName }) as BatchMember),
  });

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
    await user.click(cell(3, '备注')); // the grid's last cell
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
    const { calls } = acceptRegistrations();
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
      }),
    ]);
    // Nothing typed, nothing sent: no empty household, phone or last exposure.
    expect(sent?.people[0]).not.toHaveProperty('household');
    expect(sent?.people[0]).not.toHaveProperty('lastExposureDate');
    expect(cell(2, '姓名')).toHaveProperty('value', '');
  });

  it('a passport holder typed without a birth date goes with it unknown (null), to fill in later', async () => {
    const { calls } = acceptRegistrations();
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.type(cell(1, '姓名'), 'John Smith');
    await user.selectOptions(cell(1, '证件类型'), 'passport');
    await user.type(cell(1, '证件号码'), 'E12345678');
    await user.click(screen.getByRole('button', { name: '提交登记' }));

    await screen.findByText('已登记 1 人');
    const [sent] = inputsOf(calls, 'arrivals.register');
    expect(sent?.people).toEqual([
      expect.objectContaining({
        fullName: 'John Smith',
        documentType: 'passport',
        documentNumber: 'E12345678',
        birthDate: null,
      }),
    ]);
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

  it('has a cell for every field the import fills, the last exposure among them', () => {
    installFakeApi({});
    renderUi(<RegisterGrid batchId={7} />);
    for (const field of IMPORT_FIELDS) expect(cell(1, zhCN.import.field[field])).toBeTruthy();
  });

  it('sends the typed last exposure and the other import fields, so the observation ends as for the bus', async () => {
    const { calls } = acceptRegistrations();
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    await user.type(cell(1, '姓名'), '周玉珍');
    await user.type(cell(1, '证件号码'), ID_NUMBER);
    await user.type(cell(1, '末次接触日期'), '2026-11-20');
    await user.type(cell(1, '紧急联系人'), '周建军');
    await user.type(cell(1, '紧急联系电话'), '13912345678');
    await user.type(cell(1, '备注'), '行动不便');
    await user.click(cell(1, '残疾'));
    await user.click(screen.getByRole('button', { name: '提交登记' }));

    await screen.findByText('已登记 1 人');
    expect(inputsOf(calls, 'arrivals.register')[0]?.people).toEqual([
      {
        fullName: '周玉珍',
        documentType: 'resident_id',
        documentNumber: ID_NUMBER,
        gender: 'female',
        birthDate: '1949-12-31',
        category: 'close_contact',
        lastExposureDate: '2026-11-20',
        pregnant: false,
        chronicIllness: false,
        disability: true,
        emergencyContact: '周建军',
        emergencyPhone: '13912345678',
        notes: '行动不便',
      },
    ]);
  });

  it('pastes rows copied from a spreadsheet from the cell they land on, adding rows as needed', async () => {
    const { calls } = acceptRegistrations();
    const user = userEvent.setup();
    renderUi(<RegisterGrid batchId={7} />);

    // 姓名, 证件类型, 证件号码 (gender and birth date follow from it): four lines, one more than the grid.
    const lines = [
      ['钱卫东', '居民身份证', ID_NUMBER],
      ['Anna Smith', '护照', 'E12345678'],
      ['孙海燕', 'resident_id', '320602196208170023'],
      ['李明', '居民身份证', ''],
    ];
    await user.click(cell(1, '姓名'));
    await user.paste(lines.map((l) => l.join('\t')).join('\r\n') + '\r\n');

    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(cell(1, '姓名')).toHaveProperty('value', '钱卫东');
    expect(cell(1, '出生日期')).toHaveProperty('value', '1949-12-31');
    expect(cell(2, '证件类型')).toHaveProperty('value', 'passport');
    expect(cell(2, '证件号码')).toHaveProperty('value', 'E12345678');
    expect(cell(2, '出生日期')).toHaveProperty('value', '');
    expect(cell(3, '性别')).toHaveProperty('value', 'female');
    expect(cell(3, '出生日期')).toHaveProperty('value', '1962-08-17');
    expect(cell(4, '姓名')).toHaveProperty('value', '李明');

    // A second paste lands on the last exposure column of row 2 and fills it down.
    await user.click(cell(2, '末次接触日期'));
    await user.paste('2026-11-21\n2026-11-22\n');
    expect(cell(2, '末次接触日期')).toHaveProperty('value', '2026-11-21');
    expect(cell(3, '末次接触日期')).toHaveProperty('value', '2026-11-22');

    await user.type(cell(2, '出生日期'), '1980-02-02');
    await user.type(cell(4, '证件号码'), '320602197501010031');
    await user.click(screen.getByRole('button', { name: '提交登记' }));
    await screen.findByText('已登记 4 人');
    const [sent] = inputsOf(calls, 'arrivals.register');
    expect(sent?.people.map((p) => [p.fullName, p.documentType, p.lastExposureDate])).toEqual([
      ['钱卫东', 'resident_id', undefined],
      ['Anna Smith', 'passport', '2026-11-21'],
      ['孙海燕', 'resident_id', '2026-11-22'],
      ['李明', 'resident_id', undefined],
    ]);
  });
});
