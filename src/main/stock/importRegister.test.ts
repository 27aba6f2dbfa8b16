import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../shared/siteDate';
import type { ReceiptImportRow, StockItem } from '../../shared/stock';
import { errorOf } from '../testing/authTesting';
import { buildSite, deskOver, makeDesk, snapshot, type Desk } from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import {
  REGISTER_CATALOGUE,
  registerCsv,
  weekRegister,
  type RegisterEntry,
} from '../testing/donationRegister';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const TODAY = siteDay(TEST_NOW);
const WEEK_REGISTER = weekRegister(TODAY);

const CATALOGUE = REGISTER_CATALOGUE;

describe('a donation register as printed: many donors and days in one file', () => {
  let desk: Desk;
  let siteId: number;
  let items: StockItem[];

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    items = [];
    for (const item of CATALOGUE) items.push(await desk.call('stock.createItem', item));
  });
  afterEach(() => desk.t.close());

  const preview = (entries: readonly RegisterEntry[]) =>
    desk.call('stock.importPreview', {
      fileName: '捐赠登记表.csv',
      base64: base64(registerCsv(entries)),
    });

  /** What the coordinator posts from the preview: duplicates left out, 个 taught as 1 只, new names made. */
  const linesOf = (rows: ReceiptImportRow[]) =>
    rows
      .filter((r) => r.duplicateOf === null)
      .map((r) => {
        const made = r.itemId === null;
        return {
          row: r.row,
          name: r.name,
          spec: r.spec,
          ...(made
            ? { newItem: { category: 'ppe' as const, baseUnit: r.unit, tracksLots: false } }
            : { itemId: r.itemId! }),
          ...(r.problems.includes('unknown_unit') ? { unitFactor: 1 } : {}),
          quantity: r.quantity!,
          unit: r.unit,
          donor: r.donor,
          ...(r.donorKind ? { donorKind: r.donorKind } : {}),
          ...(r.receivedOn ? { receivedOn: r.receivedOn } : {}),
          purpose: r.purpose,
          note: r.note,
        };
      });

  it('reads donors, kinds, days, 序号, estimates and units as written, and flags the repeated line', async () => {
    const { rows, columns } = await preview(WEEK_REGISTER);
    expect(columns).toEqual({ donor: true, date: true });
    const written = WEEK_REGISTER.filter((e) => !e.total);
    expect(rows.map((r) => r.serial)).toEqual(written.map((e) => e.serial));
    // Blank donor and date cells under a filled one (merged cells) are the row above's.
    const donorOf = (i: number): RegisterEntry =>
      written[i]!.donor ? written[i]! : donorOf(i - 1);
    expect(rows.map((r) => r.donor)).toEqual(written.map((_, i) => donorOf(i).donor));
    expect(rows.map((r) => r.receivedOn)).toEqual(written.map((_, i) => donorOf(i).day));
    expect(rows.map((r) => r.donorKind)).toEqual(written.map((_, i) => donorOf(i).kind));
    expect(rows.filter((r) => r.approximate).map((r) => r.quantityText)).toEqual(
      written.filter((e) => /余|多/.test(e.quantity)).map((e) => e.quantity),
    );
    const repeated = rows.filter((r) => r.duplicateOf !== null);
    expect(repeated).toHaveLength(1);
    expect(repeated[0]!.problems).toContain('duplicate_row');
    const first = rows.find((r) => r.row === repeated[0]!.duplicateOf)!;
    expect([first.donor, first.name, first.quantity]).toEqual([
      repeated[0]!.donor,
      repeated[0]!.name,
      repeated[0]!.quantity,
    ]);
    // 个 for masks counted in 只: the preview names the unit it expected.
    const ge = rows.find((r) => r.unit === '个' && r.name === '医用防护口罩')!;
    expect(ge.problems).toEqual(['unknown_unit']);
    expect(ge.expectedUnits).toEqual(['只']);
    // A row with no unit anywhere takes the item's base unit; one written in the quantity cell keeps it.
    const noUnit = written.find((e) => !e.unit && !/\D$/.test(e.quantity))!;
    expect(rows.find((r) => r.serial === noUnit.serial)!.unit).toBe(
      CATALOGUE.find((c) => c.name === noUnit.item)!.baseUnit,
    );
  });

  it('posts one receipt per donor and day, each in the donation register under its own date, with item totals', async () => {
    const { rows } = await preview(WEEK_REGISTER);
    const lines = linesOf(rows);
    const docs = await desk.call('stock.importRegister', {
      siteId,
      source: 'donation',
      receivedOn: TODAY,
      lines,
    });
    const receipts = new Set(lines.map((l) => `${l.donor}|${l.receivedOn}`));
    expect(docs).toHaveLength(receipts.size);
    expect(docs.map((d) => `${d.party}|${siteDay(new Date(d.occurredAt))}`)).toEqual([...receipts]);

    const register = await desk.call('stock.donations', {
      siteId,
      from: '2026-11-01',
      to: TODAY,
    });
    expect(register.entries.map((e) => [e.donor, siteDay(new Date(e.occurredAt))])).toEqual(
      [...receipts].map((k) => k.split('|')),
    );
    // Totals item by item, computed from the register's own lines (个 = 1 只).
    const expected = new Map<string, number>();
    for (const l of lines) expected.set(l.name, (expected.get(l.name) ?? 0) + l.quantity);
    const onHand = await desk.call('stock.onHand', { siteId });
    for (const [name, quantity] of expected) {
      expect(onHand.find((r) => r.name === name)?.onHand, name).toBe(quantity);
    }
    // The estimate and the purpose are kept on the receipt.
    const estimated = rows.find((r) => r.approximate)!;
    const entry = register.entries.find((e) => e.donor === estimated.donor)!;
    expect(entry.reason).toContain(estimated.purpose);
    // 个 is now another word for 只 on the masks.
    const masks = (await desk.call('stock.items', {})).find((i) => i.name === '医用防护口罩')!;
    expect(masks.units).toEqual([{ unit: '个', factor: 1 }]);
  });

  it('refuses the whole register for one bad line, naming that line, and writes nothing', async () => {
    const { rows } = await preview(WEEK_REGISTER);
    const lines = linesOf(rows);
    const bad = lines.length - 2;
    lines[bad] = { ...lines[bad]!, unit: '桶' };
    const before = snapshot(desk.t.ctx.db);
    const refused = errorOf(
      await desk.invoke('stock.importRegister', {
        siteId,
        source: 'donation',
        receivedOn: TODAY,
        lines,
      }),
    );
    expect(refused).toMatchObject({ fields: { [`lines.${bad}.unit`]: 'unknown_unit' } });
    expect(snapshot(desk.t.ctx.db)).toBe(before);
  });

  it('offers a template (xlsx and csv) that the import reads back as it is', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await desk.call('stock.registerTemplate', { format });
      const { rows, columns } = await desk.call('stock.importPreview', {
        fileName: file.filename,
        base64: file.base64,
      });
      expect(columns).toEqual({ donor: true, date: true });
      expect(rows.length).toBeGreaterThan(2);
      expect(new Set(rows.map((r) => r.receivedOn))).toEqual(new Set([TODAY]));
      expect(new Set(rows.map((r) => r.donorKind))).toEqual(
        new Set(['company', 'individual', 'organisation']),
      );
      expect(rows.every((r) => r.donor && r.quantity && r.serial)).toBe(true);
      expect(rows.some((r) => r.approximate)).toBe(true);
    }
  });

  it('returns the shared list preview: 序号 labels, refusals in words, flags left tickable, columns not read', async () => {
    const old = addDays(TODAY, -61);
    // Headers as a district office writes them: 捐赠单位（盖章） names the donor by containing it,
    // 经手人 and 联系电话 are not read; a blank quantity refuses its row, a repeat and a day past
    // the back-entry limit only flag theirs.
    const csv = [
      '崇川区疫情防控捐赠物资登记表',
      '序号,捐赠日期,捐赠单位（盖章）,物资名称,数量,单位,经手人,联系电话',
      `1,${TODAY},南通普济药房连锁有限公司,医用防护服,250,件,陈志刚,13962812345`,
      `2,${TODAY},南通普济药房连锁有限公司,医用防护服,250,件,陈志刚,13962812345`,
      `3,${TODAY},卢女士,医用防护服,,件,朱煜,`,
      `4,${old},卢女士,医用防护服,5,件,朱煜,`,
    ].join('\n');
    // A coordinator: an administrator may enter the late line, and it is not flagged for them.
    const coordinator = deskOver(desk.t, ['coordinator'], 'coordinator');
    const list = await coordinator.call('stock.importPreview', {
      fileName: '登记表.csv',
      base64: base64(csv),
    });
    expect(list.rows.map((r) => r.donor)).toEqual([
      '南通普济药房连锁有限公司',
      '南通普济药房连锁有限公司',
      '卢女士',
      '卢女士',
    ]);
    expect(list.labels).toBe('serial');
    expect(list.rows.map((r) => [r.line, r.label, r.name, r.ok, r.reasons])).toEqual([
      [3, '1', '医用防护服', true, []],
      [4, '2', '医用防护服', true, []],
      [5, '3', '医用防护服', false, [{ code: 'quantity_value' }]],
      [6, '4', '医用防护服', true, []],
    ]);
    expect(list.rows.map((r) => r.problems)).toEqual([
      [],
      ['duplicate_row'],
      ['quantity_value'],
      ['received_before_limit'],
    ]);
    expect([list.ok, list.refused]).toEqual([3, 1]);
    expect(list.ignoredColumns).toEqual(['经手人', '联系电话']);
  });

  it('takes the donor and day from the form for a list without those columns', async () => {
    const csv = ['物资名称,数量,单位', '医用防护服,250,件', '测温枪,2,支'].join('\n');
    const { rows, columns } = await desk.call('stock.importPreview', {
      fileName: 'list.csv',
      base64: base64(csv),
    });
    expect(columns).toEqual({ donor: false, date: false });
    const docs = await desk.call('stock.importRegister', {
      siteId,
      source: 'donation',
      party: { kind: 'company', name: '南通市纺针品有限公司', contact: '', phone: '' },
      receivedOn: '2026-11-25',
      lines: rows.map((r) => ({
        row: r.row,
        name: r.name,
        itemId: r.itemId!,
        quantity: r.quantity!,
        unit: r.unit,
      })),
    });
    expect(docs.map((d) => [d.party, siteDay(new Date(d.occurredAt)), d.lines.length])).toEqual([
      ['南通市纺针品有限公司', '2026-11-25', 2],
    ]);
    const noDonor = errorOf(
      await desk.invoke('stock.importRegister', {
        siteId,
        source: 'donation',
        receivedOn: TODAY,
        lines: [{ row: 2, name: '测温枪', itemId: rows[1]!.itemId!, quantity: 1, unit: '支' }],
      }),
    );
    expect(noDonor).toMatchObject({ fields: { 'lines.0.donor': 'required' } });
  });
});

describe('receipts dated the day the goods arrived', () => {
  let desk: Desk;
  let siteId: number;
  let gowns: StockItem;

  const receiveOn = (d: Desk, day: string, time = '10:00') =>
    d.invoke('stock.receive', {
      siteId,
      occurredAt: `${day}T${time}:00+08:00`,
      source: 'donation',
      party: { kind: 'individual', name: '葛秀智', contact: '', phone: '' },
      lines: [{ itemId: gowns.id, quantity: 1, unit: '件' }],
    });

  beforeEach(async () => {
    desk = makeDesk(['coordinator']);
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    gowns = await desk.call('stock.createItem', {
      name: '医用防护服',
      category: 'ppe',
      baseUnit: '件',
    });
  });
  afterEach(() => desk.t.close());

  it('allows the setting’s days back, refuses earlier for anyone but an administrator, and never a day ahead', async () => {
    expect((await desk.call('settings.get', {})).receiptBackdateDays).toBe(60);
    expect((await receiveOn(desk, '2026-09-30')).ok).toBe(true); // 60 days before 11-29
    expect(errorOf(await receiveOn(desk, '2026-09-29'))).toMatchObject({
      code: 'RECEIVED_TOO_LONG_AGO',
      params: { day: '2026-09-29', limit: 60 },
      fields: { occurredAt: 'received_before_limit' },
    });
    expect(errorOf(await receiveOn(desk, '2026-11-30', '00:30'))).toMatchObject({
      fields: { occurredAt: 'received_in_future' },
    });
    const admin = deskOver(desk.t, ['administrator', 'coordinator'], 'admin');
    expect((await receiveOn(admin, '2026-09-29')).ok).toBe(true);
    await admin.call('settings.updateReceiptBackdate', { receiptBackdateDays: 90 });
    expect((await receiveOn(desk, '2026-09-01')).ok).toBe(true);
  });

  it('audits the receipt with the day the goods arrived and the moment it was entered', async () => {
    expect((await receiveOn(desk, '2026-11-20')).ok).toBe(true);
    const changes = desk.t.ctx.db
      .prepare(
        "SELECT changes FROM audit_log WHERE method = 'stock.receive' AND entity = 'stock_document'",
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(changes)).toMatchObject({
      occurred_at: [null, '2026-11-20T02:00:00.000Z'],
      created_at: [null, TEST_NOW.toISOString()],
    });
  });

  it('flags in the preview a line older than the limit, except for an administrator', async () => {
    const old = addDays(TODAY, -61);
    const file = {
      fileName: 'late.csv',
      base64: base64(
        `捐赠日期,捐赠人,物资名称,数量,单位\n${old},卢女士,医用防护服,1,件\n${TODAY},卢女士,医用防护服,1,件\n`,
      ),
    };
    const rows = (await desk.call('stock.importPreview', file)).rows;
    expect(rows.map((r) => r.problems)).toEqual([['received_before_limit'], []]);
    const admin = deskOver(desk.t, ['administrator', 'coordinator'], 'admin');
    expect((await admin.call('stock.importPreview', file)).rows.map((r) => r.problems)).toEqual([
      [],
      [],
    ]);
  });

  it('names the register line whose day is too long ago', async () => {
    const refused = errorOf(
      await desk.invoke('stock.importRegister', {
        siteId,
        source: 'donation',
        receivedOn: TODAY,
        lines: [
          {
            row: 2,
            name: '医用防护服',
            itemId: gowns.id,
            quantity: 1,
            unit: '件',
            donor: '卢女士',
          },
          {
            row: 3,
            name: '医用防护服',
            itemId: gowns.id,
            quantity: 1,
            unit: '件',
            donor: '王志美',
            receivedOn: '2026-08-01',
          },
        ],
      }),
    );
    expect(refused).toMatchObject({
      code: 'RECEIVED_TOO_LONG_AGO',
      fields: { 'lines.1.receivedOn': 'received_before_limit' },
    });
  });
});
