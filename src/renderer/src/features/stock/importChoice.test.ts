import { describe, expect, it } from 'vitest';
import type { ReceiptImportRow, StockItem } from '@shared/stock';
import { importLine, initialChoice, problemsLeft } from './importChoice';

const gowns: StockItem = {
  id: 7,
  name: '医用防护服',
  category: 'ppe',
  spec: '',
  baseUnit: '件',
  lowThreshold: 0,
  tracksLots: false,
  units: [],
  aliases: [],
  archived: false,
};
const row = (change: Partial<ReceiptImportRow>): ReceiptImportRow => ({
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
    expect(problemsLeft(r, { ...mapped, factor: '1' }, [gowns])).toEqual(['unknown_unit']);
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
});
