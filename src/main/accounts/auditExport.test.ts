import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/accounts';
import type { Building } from '../../shared/domain';
import type { SessionHandle } from './sessionStore';
import { auditRows, sessionFor, valueOf } from '../testing/authTesting';
import { buildRoomThrough } from '../testing/auditTesting';
import {
  addUser,
  countRows,
  makeTestContext,
  makeTestRouter,
  TEST_NOW,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';

const CSV_HEADER = [
  'id',
  'at (UTC)',
  'user',
  'method',
  'outcome',
  'entity',
  'entity id',
  'changes',
  'detail',
];

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows), enough to read our own export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('audit trail', () => {
  let t: TestContext;
  let tr: TestRouter;
  let chiefId: number;
  /** Administrator and coordinator: may do everything. */
  let chief: SessionHandle;

  const call = async <T>(method: string, input: unknown, handle: SessionHandle = chief) =>
    valueOf<T>(await tr.router.invoke(method, input, handle));
  const buildRoom = () => buildRoomThrough(call);

  beforeEach(() => {
    t = makeTestContext();
    tr = makeTestRouter(t);
    chiefId = addUser(t, 'chief', ['administrator', 'coordinator']);
    chief = sessionFor(tr, chiefId);
  });
  afterEach(() => {
    try {
      expect(tr.logger.entries).toEqual([]);
    } finally {
      t.close();
    }
  });

  describe('export', () => {
    let ids: Awaited<ReturnType<typeof buildRoom>>;
    let buildingId: number;

    beforeEach(async () => {
      ids = await buildRoom();
      // A username may start with '-', which a spreadsheet reads as a formula.
      const odd = sessionFor(tr, addUser(t, '-cmd', ['coordinator']));
      buildingId = (
        await call<Building>(
          'buildings.create',
          { siteId: ids.site, code: 'B', name: '=HYPERLINK("x")' },
          odd,
        )
      ).id;
    });

    it('writes a CSV with a BOM and a header, where no cell can run as a formula', async () => {
      const rowsBefore = countRows(t.ctx, 'audit_log');
      const file = await call<ExportedFile>('audit.export', { format: 'csv' });
      expect(file.mime).toBe('text/csv');
      expect(file.filename).toMatch(/^audit-.*\.csv$/);
      const text = Buffer.from(file.base64, 'base64').toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);

      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(CSV_HEADER);
      expect(rows).toHaveLength(rowsBefore);
      for (const row of rows) {
        expect(row).toHaveLength(CSV_HEADER.length);
        for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\0]/);
      }

      const building = rows.find(
        (r) => r[3] === 'buildings.create' && r[6] === String(buildingId),
      )!;
      expect(building).toEqual([
        expect.any(String),
        TEST_NOW.toISOString(),
        "'-cmd",
        'buildings.create',
        'ok',
        'building',
        String(buildingId),
        expect.any(String),
        'insert',
      ]);
      const changes = JSON.parse(building[7]!) as Record<string, [unknown, unknown]>;
      expect(changes.name).toEqual([null, '=HYPERLINK("x")']);

      // The export is itself on the record.
      const last = auditRows(t).at(-1)!;
      expect(last).toMatchObject({
        id: rowsBefore + 1,
        method: 'audit.export',
        outcome: 'ok',
        user_id: chiefId,
        username: 'chief',
      });
      expect(last.detail).toContain(`${rowsBefore} rows as csv`);
    });

    it('exports only what the filter selects', async () => {
      const file = await call<ExportedFile>('audit.export', {
        format: 'csv',
        filter: { method: 'buildings' },
      });
      const [, ...rows] = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8').slice(1));
      expect(rows.map((r) => r[3])).toEqual(['buildings.create', 'buildings.create']);
      expect(auditRows(t).at(-1)!.detail).toContain('"method":"buildings"');
    });

    it('writes an XLSX with the same header and rows', async () => {
      const rowsBefore = auditRows(t);
      const file = await call<ExportedFile>('audit.export', { format: 'xlsx' });
      expect(file.filename).toMatch(/^audit-.*\.xlsx$/);
      expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        Buffer.from(file.base64, 'base64') as unknown as Parameters<typeof workbook.xlsx.load>[0],
      );
      const sheet = workbook.getWorksheet('audit')!;
      expect(sheet).toBeDefined();
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual(CSV_HEADER);
      expect(sheet.rowCount).toBe(rowsBefore.length + 1);

      const index = rowsBefore.findIndex(
        (r) => r.method === 'buildings.create' && r.entity_id === buildingId,
      );
      const raw = rowsBefore[index]!;
      expect(values(index + 2)).toEqual([
        raw.id,
        raw.at,
        "'-cmd",
        'buildings.create',
        'ok',
        'building',
        buildingId,
        raw.changes,
        'insert',
      ]);
      expect(JSON.parse(values(index + 2)[7] as string)).toMatchObject({
        name: [null, '=HYPERLINK("x")'],
      });
      const first = rowsBefore[0]!;
      expect(values(2).slice(0, 5)).toEqual([first.id, first.at, 'chief', 'sites.create', 'ok']);
      expect(auditRows(t).at(-1)).toMatchObject({ method: 'audit.export', user_id: chiefId });
      expect(auditRows(t).at(-1)!.detail).toContain('as xlsx');
    });
  });
});
