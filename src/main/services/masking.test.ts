import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import { auditRows } from '../testing/authTesting';
import { buildSite, makeDesk, type Desk } from '../testing/peopleTesting';
import { ID_MASKED, ID_NUMBER, MOBILE, MOBILE_MASKED } from '../testing/personalNumbers';
import { maskIdNumber, maskPersonalNumbers, maskPhone, spreadsheetSafe } from './masking';

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

describe('masking personal numbers', () => {
  it('masks resident IDs and mobile numbers', () => {
    expect(maskIdNumber(ID_NUMBER)).toBe(ID_MASKED);
    expect(maskIdNumber('320602199001011234')).toBe('3206**********1234');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone(MOBILE)).toBe(MOBILE_MASKED);
    expect(maskPhone('123')).toBe('***');

    expect(maskPersonalNumbers(`ID ${ID_NUMBER}, tel ${MOBILE}.`)).toBe(
      `ID ${ID_MASKED}, tel ${MOBILE_MASKED}.`,
    );
    expect(maskPersonalNumbers(`身份证${ID_NUMBER}手机${MOBILE}`)).toBe(
      `身份证${ID_MASKED}手机${MOBILE_MASKED}`,
    );
    expect(maskPersonalNumbers('32060219900101123x')).toBe('3206**********123x');
    expect(maskPersonalNumbers(`${MOBILE} and 15900001111`)).toBe(
      `${MOBILE_MASKED} and 159****1111`,
    );
    // Not personal numbers: too long, too short, not a mobile prefix, part of a code.
    for (const text of [
      '1381234567890123456789',
      '1381234567',
      '12812345678',
      'A-201',
      'room 1203, floor 12',
      '320602199001011234x',
    ]) {
      expect(maskPersonalNumbers(text), text).toBe(text);
    }
  });

  // Mobile numbers written with the country code are masked too.
  it('masks a mobile number written with the +86 country code', () => {
    expect(maskPersonalNumbers(`tel +86${MOBILE}`)).not.toContain(MOBILE);
    expect(maskPersonalNumbers(`tel +86 ${MOBILE}`)).toBe(`tel +86 ${MOBILE_MASKED}`);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    for (const text of ['+x', '-x', '@x', '\tx', '\rx', '\0x']) {
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(`'${text}`);
    }
    for (const text of ['abc', '', '1+1', 'a=b', "'=already"]) {
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(text);
    }
  });
});
