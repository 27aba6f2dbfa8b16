import Alert from '@mui/material/Alert';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ListPreview } from '@shared/imports';
import { renderUi } from '@renderer/testing/renderUi';
import { ImportFileBar } from './ImportFileBar';
import { useListPreview, type PickedFile } from './useListPreview';

/** The file bar over the preview state, as a dialog puts them together. */
function Harness({ load }: { load: (file: PickedFile) => Promise<ListPreview> }) {
  const list = useListPreview(load);
  return (
    <>
      <ImportFileBar onPick={(f) => void list.pick(f)} fileName={list.file?.fileName} />
      {list.problem && <Alert severity="error">{list.problem}</Alert>}
      {list.preview && <p>{`chosen ${[...list.selected].join(',')}`}</p>}
    </>
  );
}

const PREVIEW: ListPreview = {
  rows: [
    { line: 2, label: '2', name: '陈志刚', ok: true, reasons: [] },
    {
      line: 3,
      label: '3',
      name: '',
      ok: false,
      reasons: [{ field: 'fullName', code: 'required' }],
    },
    { line: 4, label: '4', name: '朱煜', ok: true, reasons: [] },
  ],
  labels: 'line',
  ok: 2,
  refused: 1,
  ignoredColumns: [],
};

describe('ImportFileBar with useListPreview', () => {
  it('says in words what it takes; a picked file is read, every sound row chosen at first', async () => {
    const loaded: PickedFile[] = [];
    renderUi(
      <Harness
        load={(file) => {
          loaded.push(file);
          return Promise.resolve(PREVIEW);
        }}
      />,
    );
    expect(screen.getByText(/可导入 Excel \.xlsx（第一个工作表）或 CSV/)).toBeTruthy();
    await userEvent.upload(
      screen.getByLabelText('选择文件（.xlsx 或 .csv）'),
      new File(['name\r\n'], 'list.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText('chosen 2,4')).toBeTruthy();
    expect(screen.getByText('文件：list.csv')).toBeTruthy();
    expect(loaded).toEqual([{ fileName: 'list.csv', base64: btoa('name\r\n') }]);
  });

  it('a file over the size limit is refused in words without being sent', async () => {
    const loaded: PickedFile[] = [];
    renderUi(
      <Harness
        load={(file) => {
          loaded.push(file);
          return Promise.resolve(PREVIEW);
        }}
      />,
    );
    await userEvent.upload(
      screen.getByLabelText('选择文件（.xlsx 或 .csv）'),
      new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.xlsx'),
    );
    expect(await screen.findByText('文件不能超过 5 MB')).toBeTruthy();
    expect(loaded).toEqual([]);
  });
});
