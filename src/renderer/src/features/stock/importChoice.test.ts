import { describe, expect, it } from 'vitest';
import { previewedReceiptRow, type ReceiptRowRead } from '@shared/receiptImport';
import type { ReceiptImportRow } from '@shared/stock';
import { groupRows, importLine, initialChoice, problemsLeft, registerLine } from './importChoice';
import { stockItem } from '@renderer/testing/stockItem';

const gowns = stockItem({ id: 7, name: '医用防护服', baseUnit: '件' });
const row = (change: Partial<ReceiptRowRead>): ReceiptImportRow =>
  previewedReceiptRow({
    row: 2,
    name: '防护服',
    spec: '',
    quantity: 5,
    unit: '箱',
    lotCode: '',
    expiry: null,
    itemId: null,
    problems: ['unknown_item'],
    serial: '',
    donor: '',
    donorKind: null,
    receivedOn: null,
    purpose: '',
    note: '',
    quantityText: '5箱',
    approximate: false,
    expectedUnits: [],
    duplicateOf: null,
    ...change,
  });

describe('a donation-list row as the coordinator decides it', () => {
  it('an unknown name needs an item; mapped to one without the unit, it needs a conversion', () => {
    const r = row({});
    const c = initialChoice(r);
    expect(c.include).toBe(true);
    expect(problemsLeft(r, c, [gowns])).toEqual(['unknown_item']);
    const mapped = { ...c, itemId: gowns.id };
    expect(problemsLeft(r, mapped, [gowns])).toEqual(['unknown_unit']);
    expect(problemsLeft(r, { ...mapped, factor: '0' }, [gowns])).toEqual(['unknown_unit']);
    // 1 is another word for the base unit (1 个 = 1 只), no longer refused.
    expect(problemsLeft(r, { ...mapped, factor: '1' }, [gowns])).toEqual([]);
    const converted = { ...mapped, factor: '20' };
    expect(problemsLeft(r, converted, [gowns])).toEqual([]);
    expect(importLine(r, converted, [gowns])).toMatchObject({ itemId: 7, unitFactor: 20 });
  });

  it('a new item whose base unit is the row unit needs no conversion; other problems stay', () => {
    const r = row({ problems: ['unknown_item', 'quantity_value'], quantity: null });
    const c = { ...initialChoice(r), itemId: 'new' as const, category: 'ppe' as const };
    expect(c.baseUnit).toBe('箱');
    expect(problemsLeft(r, c, [])).toEqual(['quantity_value']);
    expect(importLine(r, c, [])).toEqual({
      row: 2,
      name: '防护服',
      spec: '',
      newItem: { category: 'ppe', baseUnit: '箱', tracksLots: false },
      quantity: 0,
      unit: '箱',
    });
    expect(initialChoice(r).include).toBe(false);
  });

  it('a repeated line is left out until ticked, and then goes in like any other', () => {
    const r = row({ itemId: 7, unit: '件', problems: ['duplicate_row'], duplicateOf: 3 });
    const c = initialChoice(r);
    expect(c.include).toBe(false);
    expect(problemsLeft(r, { ...c, include: true }, [gowns])).toEqual([]);
  });

  it('a register line carries its donor, day, purpose, and the estimate in its note', () => {
    const r = row({
      itemId: 7,
      unit: '件',
      problems: [],
      donor: '卢女士',
      donorKind: null,
      receivedOn: '2026-11-26',
      purpose: '街道、社区',
      note: '自费购买',
      quantity: 2000,
      quantityText: '2000余件',
      approximate: true,
    });
    const defaults = { donorKind: 'individual' as const, aboutNote: (w: string) => `原文${w}` };
    expect(registerLine(r, initialChoice(r), [gowns], defaults)).toMatchObject({
      itemId: 7,
      quantity: 2000,
      donor: '卢女士',
      donorKind: 'individual',
      receivedOn: '2026-11-26',
      purpose: '街道、社区',
      note: '自费购买；原文2000余件',
    });
    // A list without donor or day columns leaves them to the form.
    const plain = registerLine(
      row({ itemId: 7, unit: '件' }),
      initialChoice(row({})),
      [gowns],
      defaults,
    );
    expect(plain).not.toHaveProperty('donor');
    expect(plain).not.toHaveProperty('receivedOn');
  });

  it('groups rows by donor and day in the list’s order', () => {
    const rows = [
      row({ row: 3, donor: '王志美', receivedOn: '2026-11-26' }),
      row({ row: 4, donor: '卢女士', receivedOn: '2026-11-26' }),
      row({ row: 5, donor: '王志美', receivedOn: '2026-11-26' }),
      row({ row: 6, donor: '王志美', receivedOn: '2026-11-27' }),
    ];
    expect(groupRows(rows).map((g) => [g.donor, g.receivedOn, g.rows.map((r) => r.row)])).toEqual([
      ['王志美', '2026-11-26', [3, 5]],
      ['卢女士', '2026-11-26', [4]],
      ['王志美', '2026-11-27', [6]],
    ]);
  });
});
