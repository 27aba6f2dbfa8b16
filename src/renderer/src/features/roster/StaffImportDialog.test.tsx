import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Staff, StaffImportPreview, StaffImportRow } from '@shared/roster';
import { inputsOf, installFakeApi, Refusal, type FakeAnswers } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { StaffImportDialog } from './StaffImportDialog';

/** Main's answer for a list of three: a police auxiliary, a nurse, and a mobile a digit short. */
const ROWS: StaffImportRow[] = [
  {
    line: 3,
    label: '1',
    name: '吴海峰',
    ok: true,
    reasons: [],
    roleText: '辅警',
    unit: '城东街道派出所',
    staff: {
      fullName: '吴海峰',
      role: 'security',
      unit: '城东街道派出所',
      phone: '13962810107',
      skills: [],
      maxHoursWeek: 56,
    },
  },
  {
    line: 4,
    label: '2',
    name: '顾晓燕',
    ok: true,
    reasons: [],
    roleText: '护士',
    unit: '文峰街道社区卫生服务中心',
    staff: {
      fullName: '顾晓燕',
      role: 'nurse',
      unit: '文峰街道社区卫生服务中心',
      phone: '13962810103',
      skills: ['采样'],
      maxHoursWeek: 48,
    },
  },
  {
    line: 5,
    label: '3',
    name: '许文斌',
    ok: false,
    reasons: [{ field: 'phone', code: 'mobile_format' }],
    roleText: '志愿者',
    unit: '钟秀街道',
  },
];

const LIST = '序号,姓名,岗位\r\n1,吴海峰,辅警\r\n';
const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

const summed = (rows: StaffImportRow[]): StaffImportPreview => ({
  rows,
  labels: 'serial',
  ok: rows.filter((r) => r.ok).length,
  refused: rows.filter((r) => !r.ok).length,
  ignoredColumns: ['备注'],
});

async function openWithFile(answers: FakeAnswers) {
  const closed: number[] = [];
  const fake = installFakeApi({ 'staff.importPreview': () => summed(ROWS), ...answers });
  const user = userEvent.setup();
  renderUi(<StaffImportDialog open onClose={() => closed.push(1)} />);
  const dialog = screen.getByRole('dialog');
  const input = within(dialog).getByLabelText<HTMLInputElement>('选择文件（.xlsx 或 .csv）');
  expect(input.accept).toBe('.xlsx,.csv');
  await user.upload(input, new File([LIST], '工作人员名单.csv', { type: 'text/csv' }));
  await within(dialog).findByRole('table', { name: '导入人员名单' });
  return { ...fake, user, dialog, closed };
}

describe('StaffImportDialog', () => {
  it('previews the file, shows roles as the list wrote them, imports the rows chosen', async () => {
    const { calls, user, dialog, closed } = await openWithFile({
      'staff.import': ({ rows }) => rows.map((r, i) => ({ id: i + 1 }) as Staff),
    });
    expect(inputsOf(calls, 'staff.importPreview')).toEqual([
      { fileName: '工作人员名单.csv', base64: utf8Base64(LIST) },
    ]);
    expect(within(dialog).getByText('文件：工作人员名单.csv')).toBeTruthy();
    const table = within(dialog).getByRole('table', { name: '导入人员名单' });
    expect(within(table).getByRole('row', { name: /吴海峰/ }).textContent).toContain(
      '安保/民警（辅警）',
    );
    expect(within(table).getByRole('row', { name: /许文斌/ }).textContent).toContain(
      '手机：手机号应为 11 位',
    );
    // Every sound row is chosen at first; the refused one cannot be.
    within(dialog).getByRole('button', { name: '导入所选 2 人' });
    await user.click(within(dialog).getByRole('checkbox', { name: '选择第 1 行' }));
    await user.click(within(dialog).getByRole('button', { name: '导入所选 1 人' }));
    await waitFor(() => expect(closed).toEqual([1]));
    expect(inputsOf(calls, 'staff.import')).toEqual([{ rows: [{ line: 4, ...ROWS[1]!.staff! }] }]);
    expect(await screen.findByText('已导入 1 名人员')).toBeTruthy();
  });

  it('when main refuses a row because the list changed, checks the file again and says why', async () => {
    let previews = 0;
    const { calls, user, dialog, closed } = await openWithFile({
      'staff.importPreview': () => {
        previews += 1;
        if (previews === 1) return summed(ROWS);
        const taken: StaffImportRow = {
          ...ROWS[0]!,
          ok: false,
          reasons: [{ field: 'phone', code: 'mobile_on_staff', params: { name: '刘浩' } }],
        };
        delete taken.staff;
        return summed([taken, ...ROWS.slice(1)]);
      },
      'staff.import': () => {
        throw new Refusal({
          code: 'INVALID_INPUT',
          message: 'rows repeat a mobile',
          fields: { 'rows.0.phone': 'mobile_on_staff' },
          params: { lines: '3' },
        });
      },
    });
    await user.click(within(dialog).getByRole('button', { name: '导入所选 2 人' }));
    await within(dialog).findByText(/人员名单在预览后有变化/);
    const table = within(dialog).getByRole('table', { name: '导入人员名单' });
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /吴海峰/ }).textContent).toContain(
        '手机：该手机号已登记在人员名单中（刘浩）',
      ),
    );
    expect(inputsOf(calls, 'staff.importPreview')).toHaveLength(2);
    expect(within(dialog).getByRole('button', { name: '导入所选 1 人' })).toBeTruthy();
    expect(closed).toEqual([]);
  });

  it('a file main refuses shows why; the template is fetched from main and saved', async () => {
    const { calls, user, dialog } = await openWithFile({
      'staff.importTemplate': () => ({
        filename: '人员名单模板.xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: btoa('PK'),
      }),
    });
    await user.click(within(dialog).getByRole('button', { name: '下载模板' }));
    expect(await screen.findByText('已导出 人员名单模板.xlsx')).toBeTruthy();
    expect(inputsOf(calls, 'staff.importTemplate')).toEqual([{}]);

    installFakeApi({
      'staff.importPreview': () => {
        throw new Refusal({
          code: 'INVALID_INPUT',
          message: 'no role column',
          fields: { base64: 'staff_columns_missing' },
        });
      },
    });
    await user.upload(
      within(dialog).getByLabelText('选择文件（.xlsx 或 .csv）'),
      new File(['姓名\r\n陈志刚\r\n'], '名单.csv', { type: 'text/csv' }),
    );
    expect(await within(dialog).findByText('文件中找不到“姓名”或“岗位”列')).toBeTruthy();
    expect(within(dialog).queryByRole('table')).toBeNull();
  });
});
