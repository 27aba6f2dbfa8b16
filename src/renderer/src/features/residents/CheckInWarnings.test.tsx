import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { personInput } from '@shared/contract/people';
import type { RoomBoard, Settings } from '@shared/domain';
import type { ImportPreview } from '@shared/imports';
import { checkInWarning } from '@shared/observation';
import type { AllocationPlan } from '@shared/people';
import { addDays, siteDay } from '@shared/siteDate';
import { installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { AllocationPanel } from './AllocationPanel';
import { ImportDialog } from './ImportDialog';

const today = siteDay(new Date());
/** Only what these screens read of the settings: the observation period. */
const settings = { observationDays: 14 } as Settings;

/** Main's preview of a district list: three valid rows, exposed 20, 14 and 3 days ago. */
function preview(): ImportPreview {
  const row = (row: number, fullName: string, lastExposureDate: string) => ({
    line: row,
    label: String(row - 1),
    name: fullName,
    ok: true,
    reasons: [],
    // The contract fills in what the list leaves out, as main's preview does.
    person: personInput.parse({
      fullName,
      gender: 'male',
      birthDate: '1970-01-02',
      documentType: 'passport',
      documentNumber: `E${row}0000000`,
      category: 'close_contact',
      lastExposureDate,
    }),
  });
  return {
    headers: ['序号', '姓名', '末次接触日期'],
    headerRow: 1,
    mapping: { fullName: 1, lastExposureDate: 2 },
    serialColumn: 0,
    labels: 'serial',
    ignoredColumns: [],
    rows: [
      row(2, '钱卫东', addDays(today, -20)),
      row(3, '孙海燕', addDays(today, -14)),
      row(4, '李明', addDays(today, -3)),
    ],
    ok: 3,
    refused: 0,
  };
}

describe('warnings when the observation is over at check-in', () => {
  it('the import preview names each row whose observation is over on arrival, with the dates', async () => {
    installFakeApi({ 'arrivals.importPreview': preview, 'settings.get': () => settings });
    const user = userEvent.setup();
    renderUi(
      <ImportDialog open batchId={3} arrivedAt={new Date().toISOString()} onClose={() => {}} />,
    );
    const dialog = screen.getByRole('dialog');
    await user.upload(
      within(dialog).getByLabelText('选择文件（.xlsx 或 .csv）'),
      new File(['序号,姓名,末次接触日期\r\n'], '名单.csv', { type: 'text/csv' }),
    );

    const warnings = await within(dialog).findByTestId('check-in-warnings');
    expect(warnings.textContent).toContain('2 人入住时观察期已满');
    const lines = [...warnings.querySelectorAll('div > div')].map((d) => d.textContent);
    expect(lines.filter((l) => l?.startsWith('第 '))).toEqual([
      expect.stringMatching(/^第 2 行 钱卫东：末次暴露 .+ \+ 14 天：.*已超期 6 天$/),
      expect.stringMatching(/^第 3 行 孙海燕：末次暴露 .+ \+ 14 天：观察期在入住当日（.+）期满$/),
    ]);
    expect(warnings.textContent).not.toContain('李明');
  });

  it('the allocation step shows 年龄不详 for an unknown age, and the warning on its line', async () => {
    const warning = checkInWarning({
      lastExposureDate: addDays(today, -20),
      observationDays: 14,
      checkInDay: today,
    });
    const plan: AllocationPlan = {
      unplaced: 0,
      lines: [
        {
          stayId: 1,
          fullName: 'Anna Smith',
          age: null,
          household: null,
          roomId: 11,
          roomNumber: 'B-101',
          reasons: [
            { code: 'single', params: { type: 'accessible' } },
            { code: 'lower_floor', params: { level: 1, flag: 'disability' } },
          ],
          checkInWarning: null,
        },
        {
          stayId: 2,
          fullName: '钱卫东',
          age: 56,
          household: null,
          roomId: 12,
          roomNumber: 'A-803',
          reasons: [{ code: 'single', params: { type: 'single' } }],
          checkInWarning: warning,
        },
      ],
    };
    const board: RoomBoard = {
      counts: {} as RoomBoard['counts'],
      totalRooms: 0,
      totalBeds: 0,
      freeBeds: 0,
      floors: [],
    };
    installFakeApi({ 'allocation.suggest': () => plan, 'rooms.board': () => board });
    const user = userEvent.setup();
    renderUi(<AllocationPanel batchId={3} siteId={1} />);
    await user.click(screen.getByRole('button', { name: '生成分配建议' }));

    const table = await screen.findByRole('table', { name: '生成分配建议' });
    const anna = within(table).getByRole('row', { name: /Anna Smith/ });
    expect(anna.textContent).toContain('年龄不详');
    expect(anna.textContent).toContain('1 层：照顾残疾（年龄不详）');
    const qian = within(table).getByRole('row', { name: /钱卫东/ });
    expect(qian.textContent).toContain('56 岁');
    expect(qian.textContent).toContain('已超期 6 天');
    expect(screen.getByTestId('check-in-warnings').textContent).toContain('1 人入住时观察期已满');
  });
});
