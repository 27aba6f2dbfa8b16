import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import { auditRows } from '../testing/authTesting';
import { buildSite, makeDesk, type Desk } from '../testing/peopleTesting';
import { maskPersonalNumbers } from './masking';

/** One mobile number in every way people write it, and how the masked text must read. */
const WRITTEN: [string, string][] = [
  ['13812345678', '138****5678'],
  ['138-1234-5678', '138-****-5678'],
  ['139 1234 5678', '139 **** 5678'],
  ['138 1234-5678', '138 ****-5678'],
  ['1381-234-5678', '138*-***-5678'],
  ['+86 138-1234-5678', '+86 138-****-5678'],
  ['86-139 1234 5678', '86-139 **** 5678'],
];

describe('mobile numbers written with dashes or spaces', () => {
  let desk: Desk | undefined;
  afterEach(() => desk?.t.close());

  it('are masked in free text like eleven digits in a row', () => {
    for (const [written, masked] of WRITTEN) {
      expect(maskPersonalNumbers(`联系 ${written}。`), written).toBe(`联系 ${masked}。`);
      expect(maskPersonalNumbers(`电话${written}`), written).toBe(`电话${masked}`);
    }
    // Not eleven digits, or two separators in a row: left alone.
    for (const text of ['138-1234-567', '138--1234-5678', '2026-11-29 13:20', 'A-201, 12 rooms']) {
      expect(maskPersonalNumbers(text), text).toBe(text);
    }
  });

  it('are masked in the donor contact of the donation register', async () => {
    desk = makeDesk();
    const siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    const item = await desk.call('stock.createItem', {
      name: '矿泉水',
      category: 'food_water',
      baseUnit: '瓶',
    });
    await desk.call('stock.receive', {
      siteId,
      occurredAt: '2026-11-29T09:00:00+08:00',
      source: 'donation',
      party: { kind: 'individual', name: '热心市民', contact: '张先生 138-1234-5678', phone: '' },
      lines: [{ itemId: item.id, quantity: 24, unit: '瓶' }],
    });
    const register = await desk.call('stock.donations', {
      siteId,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(register.entries.map((e) => e.contact)).toEqual(['张先生 138-****-5678']);
  });

  it('never reach the audit trail or its exports in full', async () => {
    desk = makeDesk();
    const address = WRITTEN.map(([written]) => written).join('；');
    await desk.call('sites.create', { name: '隔离点', address });
    const trail = JSON.stringify(auditRows(desk.t));
    for (const [written, masked] of WRITTEN) {
      expect(trail).not.toContain(written);
      expect(trail).toContain(masked);
    }
    const exported = async (format: 'csv' | 'xlsx'): Promise<Buffer> => {
      const file: ExportedFile = await desk!.call('audit.export', { format, filter: {} });
      return Buffer.from(file.base64, 'base64');
    };
    const csv = (await exported('csv')).toString('utf8');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exported('xlsx')) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const cells: string[] = [];
    workbook
      .getWorksheet('audit')!
      .eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    for (const text of [csv, cells.join('\n')]) {
      expect(text).toContain(WRITTEN[1]![1]);
      for (const [written] of WRITTEN) expect(text).not.toContain(written);
    }
  });
});
