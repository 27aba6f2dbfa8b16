import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalBatch } from '../../../shared/people';
import { errorOf, lastAuditId } from '../../testing/authTesting';
import { rowsBomb, SHEET, workbook } from '../../testing/hostileFiles/parts';
import { goodWorkbook } from '../../testing/hostileFiles/goodList';
import { sheetXml } from '../../testing/hostileFiles/zip';
import { buildSite, makeDesk, type Desk } from '../../testing/peopleTesting';
import { countRows, TEST_NOW } from '../../testing/tempDb';

describe('a hostile file sent to either import, through the router', () => {
  let desk: Desk;
  let batch: ArrivalBatch;
  beforeEach(async () => {
    desk = makeDesk();
    const site = buildSite(desk.t.ctx, [
      { level: 1, rooms: [{ number: 'A-101', capacity: 2, type: 'double' }] },
    ]);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '崇川区和平桥街道 第 1 车',
      arrivedAt: TEST_NOW.toISOString(),
    });
  });
  afterEach(() => desk.t.close());

  const kept = () => ({
    people: countRows(desk.t.ctx, 'people'),
    stays: countRows(desk.t.ctx, 'stays'),
    items: countRows(desk.t.ctx, 'stock_items'),
    audit: lastAuditId(desk.t),
  });

  it('is refused by both with its reason, keeps nothing, and the next good import works', async () => {
    const bomb = await rowsBomb();
    const files: [string, Buffer, string][] = [
      ['bomb.xlsx', workbook({ [SHEET]: { deflated: bomb } }), 'zip_total_mb'],
      [
        'bomb.xlsx',
        workbook({ [SHEET]: { deflated: bomb, declaredSize: 9 << 20 } }),
        'zip_damaged',
      ],
      [
        'deep.xlsx',
        workbook({ [SHEET]: { content: sheetXml('<a>'.repeat(100_000)) } }),
        'xml_depth',
      ],
      ['wide.csv', Buffer.from(`物资名称${',口罩'.repeat(200_000)}\r\n`), 'columns'],
    ];
    const before = kept();
    for (const [fileName, bytes, reason] of files) {
      const base64 = bytes.toString('base64');
      for (const result of [
        await desk.invoke('arrivals.importPreview', { batchId: batch.id, fileName, base64 }),
        await desk.invoke('stock.importPreview', { fileName, base64 }),
      ]) {
        const error = errorOf(result);
        expect([fileName, error.code, error.params?.reason]).toEqual([
          fileName,
          'FILE_REFUSED',
          reason,
        ]);
      }
    }
    expect(kept()).toEqual(before);

    const preview = await desk.call('arrivals.importPreview', {
      batchId: batch.id,
      fileName: '密接名单.xlsx',
      base64: (await goodWorkbook()).toString('base64'),
    });
    expect(preview.rows.map((r) => [r.line, r.ok])).toEqual([
      [3, true],
      [4, true],
    ]);
    const people = preview.rows.map((r) => r.person!);
    const members = await desk.call('arrivals.register', { batchId: batch.id, people });
    expect(members.map((m) => m.fullName)).toEqual(['陈静', '周建国']);
    expect(kept().people).toBe(2);

    const donation = await desk.call('stock.importPreview', {
      fileName: '捐赠清单.csv',
      base64: Buffer.from('物资名称,规格,数量,单位\r\n医用外科口罩,,2000余只,只\r\n').toString(
        'base64',
      ),
    });
    expect(donation.rows.map((r) => [r.name, r.quantity])).toEqual([['医用外科口罩', 2000]]);
  });
});
