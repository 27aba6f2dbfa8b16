import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '@shared/contract';
import type { ImportMapping, ImportPreview, ImportRow } from '@shared/imports';
import type { BatchMember } from '@shared/people';
import { inputsOf, installFakeApi, Refusal, type FakeAnswers } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { ImportDialog } from './ImportDialog';

/** The district's list, with the headers as districts write them. */
const CSV =
  '姓名,身份证号,联系电话,人员类别\r\n张三,11010519491231002X,13800000000,close_contact\r\n';

/** What main suggests from those headers: the category column is one it does not recognise. */
const SUGGESTED: ImportMapping = { fullName: 0, documentNumber: 1, phone: 2 };

/** Main's preview of the file's one row under a mapping: the category is required. */
function previewLikeMain(input: MethodInput<'arrivals.importPreview'>): ImportPreview {
  const text = new TextDecoder().decode(
    Uint8Array.from(atob(input.base64), (c) => c.charCodeAt(0)),
  );
  const [header, ...lines] = text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
  const mapping = input.mapping ?? SUGGESTED;
  const rows: ImportRow[] = lines.map((cells, i) => {
    const cell = (field: keyof ImportMapping) =>
      mapping[field] === undefined ? undefined : cells[mapping[field]];
    const category = cell('category');
    const name = cell('fullName') ?? '';
    if (category !== 'close_contact') {
      return {
        line: i + 2,
        label: String(i + 2),
        name,
        ok: false,
        reasons: [{ field: 'category', code: 'required' }],
      };
    }
    return {
      line: i + 2,
      label: String(i + 2),
      name,
      ok: true,
      reasons: [],
      person: {
        fullName: cell('fullName') ?? '',
        gender: 'female',
        birthDate: '1949-12-31',
        documentType: 'resident_id',
        documentNumber: cell('documentNumber') ?? '',
        phone: cell('phone') ?? '',
        category,
        pregnant: false,
        chronicIllness: false,
        disability: false,
        emergencyContact: '',
        emergencyPhone: '',
        notes: '',
        originPlace: '',
        registeredResidence: '',
        travel: '',
      },
    };
  });
  const ok = rows.filter((r) => r.ok).length;
  return {
    headers: header ?? [],
    headerRow: 1,
    mapping,
    serialColumn: null,
    rows,
    labels: 'line',
    ok,
    refused: rows.length - ok,
    ignoredColumns: (header ?? []).filter((_, column) => !Object.values(mapping).includes(column)),
  };
}

/**
 * The dialog over a main that previews with `preview` and registers everyone it is sent (unless
 * `answers` says otherwise), with `file` picked.
 */
async function openWithFile(
  preview: NonNullable<FakeAnswers['arrivals.importPreview']>,
  file: File,
  answers: FakeAnswers = {},
) {
  const fake = installFakeApi({
    'arrivals.importPreview': preview,
    'arrivals.register': ({ people }) =>
      people.map((p, i) => ({ stayId: i + 1, fullName: p.fullName }) as BatchMember),
    ...answers,
  });
  const user = userEvent.setup();
  renderUi(<ImportDialog open batchId={3} onClose={() => undefined} />);
  const dialog = screen.getByRole('dialog');
  await user.upload(within(dialog).getByLabelText('选择文件（.xlsx 或 .csv）'), file);
  return { ...fake, user, dialog };
}

async function pickFile() {
  const opened = await openWithFile(
    previewLikeMain,
    new File([CSV], '名单.csv', { type: 'text/csv' }),
  );
  await within(opened.dialog).findByText('列对应关系');
  return opened;
}

/** A district list with a 序号 column, as the preview below answers for it. */
const districtFile = () => new File(['序号,姓名\r\n'], '转运名单.csv', { type: 'text/csv' });

const chosen = (select: HTMLElement) =>
  (select as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('the import dialog maps the file headers to fields', () => {
  it('shows the mapping main suggested from the Chinese headers, and the rows it refuses', async () => {
    const { calls, dialog } = await pickFile();

    expect(inputsOf(calls, 'arrivals.importPreview')[0]).toMatchObject({
      batchId: 3,
      fileName: '名单.csv',
    });
    expect(inputsOf(calls, 'arrivals.importPreview')[0]).not.toHaveProperty('mapping');
    expect(chosen(within(dialog).getByLabelText('姓名'))).toBe('A 列：姓名');
    expect(chosen(within(dialog).getByLabelText('证件号码'))).toBe('B 列：身份证号');
    expect(chosen(within(dialog).getByLabelText('手机'))).toBe('C 列：联系电话');
    expect(chosen(within(dialog).getByLabelText('人员类别'))).toBe('（不导入）');

    const rows = within(dialog).getByRole('table', { name: '文件中的人员' });
    expect(within(rows).getByText('人员类别：必填')).toBeTruthy();
    // The refused row cannot be chosen, so nobody can be registered.
    expect(within(rows).getByRole('checkbox', { name: '选择第 2 行' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(within(dialog).getByRole('button', { name: '导入所选 0 人' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('a changed mapping is sent with the file again, and the rows it makes valid are registered', async () => {
    const { calls, dialog, user } = await pickFile();

    await user.selectOptions(within(dialog).getByLabelText('人员类别'), '3');
    await waitFor(() => expect(inputsOf(calls, 'arrivals.importPreview')).toHaveLength(2));
    expect(inputsOf(calls, 'arrivals.importPreview')[1]?.mapping).toEqual({
      ...SUGGESTED,
      category: 3,
    });
    await within(dialog).findByText(/共 1 行：1 行可导入，0 行不导入。/);

    await user.click(within(dialog).getByRole('button', { name: '导入所选 1 人' }));
    await waitFor(() => expect(inputsOf(calls, 'arrivals.register')).toHaveLength(1));
    expect(inputsOf(calls, 'arrivals.register')[0]).toMatchObject({
      batchId: 3,
      people: [
        { fullName: '张三', documentNumber: '11010519491231002X', category: 'close_contact' },
      ],
    });
  });

  it('unmapping a field sends the mapping without it', async () => {
    const { calls, dialog, user } = await pickFile();
    await user.selectOptions(within(dialog).getByLabelText('手机'), '');
    await waitFor(() => expect(inputsOf(calls, 'arrivals.importPreview')).toHaveLength(2));
    expect(inputsOf(calls, 'arrivals.importPreview')[1]?.mapping).toEqual({
      fullName: 0,
      documentNumber: 1,
    });
  });
});

describe('the import dialog shows a district list’s problems as the coordinator finds them on paper', () => {
  /** Main's answer for a list with a 序号 column, a repeated number, a bad ID and extra columns. */
  const DISTRICT: ImportPreview = {
    headers: ['序号', '姓名', '证件号码', '来源街道', '健康码', '核酸检测结果'],
    headerRow: 2,
    mapping: { fullName: 1, documentNumber: 2, originPlace: 3 },
    serialColumn: 0,
    labels: 'serial',
    ignoredColumns: ['健康码', '核酸检测结果'],
    rows: [
      {
        line: 3,
        label: '1',
        name: '王允俊',
        ok: true,
        reasons: [],
        person: {
          fullName: '王允俊',
          gender: 'male',
          birthDate: '1958-03-02',
          documentType: 'resident_id',
          documentNumber: '320602195803020115',
          phone: '',
          category: 'close_contact',
          pregnant: false,
          chronicIllness: false,
          disability: false,
          emergencyContact: '',
          emergencyPhone: '',
          notes: '',
          originPlace: '和平桥街道',
          registeredResidence: '',
          travel: 'G7012',
        },
      },
      {
        line: 6,
        label: '4',
        name: '钱锁梅',
        ok: false,
        reasons: [{ field: 'documentNumber', code: 'id_check_digit' }],
      },
      {
        line: 7,
        label: '5',
        name: '王允俊',
        ok: false,
        reasons: [
          {
            field: 'documentNumber',
            code: 'duplicate_in_file_serial',
            params: { line: 3, serial: '1', name: '王允俊' },
          },
        ],
      },
    ],
    ok: 1,
    refused: 2,
  };

  it('shows the shared table: each row by its 序号, name and file line, the reasons, the columns not imported', async () => {
    const { dialog } = await openWithFile(() => DISTRICT, districtFile());
    await within(dialog).findByText('列对应关系');

    expect(within(dialog).getByText(/未导入的列：健康码、核酸检测结果/)).toBeTruthy();
    const table = within(dialog).getByRole('table', { name: '文件中的人员' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(header).toEqual(['', '序号', '姓名', '行号', '检查结果']);
    const lines = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(lines).toEqual([
      ['', '1', '王允俊', '3', '可导入'],
      ['', '4', '钱锁梅', '6', '不导入证件号码：身份证号校验位不对'],
      ['', '5', '王允俊', '7', '不导入证件号码：与第 3 行（序号 1，王允俊）重复'],
    ]);
    expect(within(dialog).getByRole('status').textContent).toContain(
      '共 3 行：1 行可导入，2 行不导入。',
    );
  });

  it('downloads the template main makes', async () => {
    const fake = installFakeApi({
      'arrivals.importTemplate': () => ({
        filename: '到达人员名单模板.xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: 'UEsDBA==',
      }),
    });
    const user = userEvent.setup();
    renderUi(<ImportDialog open batchId={3} onClose={() => undefined} />);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '下载模板' }));
    await waitFor(() => expect(inputsOf(fake.calls, 'arrivals.importTemplate')).toHaveLength(1));
    await screen.findByText(/到达人员名单模板\.xlsx/);
  });

  it('a row main refuses at registering is named by its line and name', async () => {
    const { dialog, user } = await openWithFile(() => DISTRICT, districtFile(), {
      'arrivals.register': () => {
        throw new Refusal({
          code: 'OPEN_STAY_EXISTS',
          message: 'open stay',
          params: { name: '王允俊', room: 'A-801', batch: '第 2 车', stayId: 9 },
          fields: { 'people.0.documentNumber': 'open_stay' },
        });
      },
    });
    await user.click(await within(dialog).findByRole('button', { name: '导入所选 1 人' }));
    expect(
      await within(dialog).findByText('第 3 行（王允俊） 证件号码：已有未结束的隔离记录'),
    ).toBeTruthy();
  });

  it('registers only the chosen sound rows: none, all, then one taken out', async () => {
    const sun = {
      ...DISTRICT.rows[0]!.person!,
      fullName: '孙海燕',
      gender: 'female' as const,
      birthDate: null,
      documentType: 'passport' as const,
      documentNumber: 'E12345678',
    };
    const list: ImportPreview = {
      ...DISTRICT,
      rows: [
        ...DISTRICT.rows,
        { line: 8, label: '6', name: '孙海燕', ok: true, reasons: [], person: sun },
      ],
      ok: 2,
    };
    const { calls, dialog, user } = await openWithFile(() => list, districtFile());
    // Every sound row is chosen at first.
    expect(await within(dialog).findByRole('button', { name: '导入所选 2 人' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '全不选' }));
    expect(within(dialog).getByRole('button', { name: '导入所选 0 人' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(within(dialog).getByRole('button', { name: '全选' }));
    await user.click(within(dialog).getByRole('checkbox', { name: '选择第 1 行' }));
    await user.click(within(dialog).getByRole('button', { name: '导入所选 1 人' }));

    await waitFor(() => expect(inputsOf(calls, 'arrivals.register')).toHaveLength(1));
    expect(inputsOf(calls, 'arrivals.register')[0]).toEqual({ batchId: 3, people: [sun] });
  });
});
