import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../testing/authTesting';
import {
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  type RosterWeek,
  SUNDAY,
} from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let period: RosterWeek['period'];

  beforeEach(async () => {
    ({ desk, period } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('exports the roster to Excel: the grid and one typed row per shift, audited', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const before = lastAuditId(desk.t);
    const file = await desk.call('roster.export', { periodId: p.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排班表', '值班明细']);
    const grid = workbook.worksheets[0]!;
    expect(grid.getRow(1).values).toEqual([
      undefined,
      '岗位',
      '班次',
      MONDAY,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      SUNDAY,
    ]);
    expect(grid.rowCount).toBe(1 + 4);
    // Each shift with its hours, start–end, as the printed roster shows them.
    expect(grid.getColumn(2).values.slice(2)).toEqual([
      '夜班 00:00–08:00',
      '白班 08:00–16:00',
      '中班 16:00–24:00',
      '白班 08:00–16:00',
    ]);
    const detail = workbook.worksheets[1]!;
    expect(detail.rowCount).toBe(1 + 28);
    expect(detail.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(detail.getRow(2).getCell(4).value).toEqual(new Date('2026-11-29T16:00:00.000Z'));
    expect(auditRows(desk.t, before).map((a) => a.method)).toEqual(['roster.export']);
  });
});
