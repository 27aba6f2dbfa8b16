import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDialogFor } from './saveDialog';

describe('the save dialog of an export', () => {
  it('suggests the export name in Documents, filtered to its type, in the desk language', () => {
    expect(saveDialogFor('物资报表_2026-11-29.xlsx', '/home/desk/Documents', 'zh-CN')).toEqual({
      title: '保存文件',
      defaultPath: join('/home/desk/Documents', '物资报表_2026-11-29.xlsx'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    expect(saveDialogFor('report.PDF', '/d', 'en').filters).toEqual([
      { name: 'PDF document', extensions: ['pdf'] },
    ]);
    expect(saveDialogFor('notes', '/d', 'en').filters).toEqual([]);
  });
});
