import type { ReceiptImportRow, StockCategory, StockItem } from '@shared/stock';
import { numberOrNaN } from '@renderer/components/numberInput';

/** What the coordinator decided for one row of a donation list. */
export interface ImportChoice {
  /** An existing item, a new item made from the row's name, or nothing chosen yet. */
  itemId: number | 'new' | '';
  include: boolean;
  category: StockCategory;
  baseUnit: string;
  /** Base units in one of the row's unit, when the item does not know that unit. */
  factor: string;
}

export function initialChoice(r: ReceiptImportRow): ImportChoice {
  return {
    itemId: r.itemId ?? '',
    include: r.problems.every((p) => p === 'unknown_item' || p === 'unknown_unit'),
    category: 'other',
    baseUnit: r.unit,
    factor: '',
  };
}

/** Whether the row's unit needs a conversion typed: the chosen item has no such unit. */
export function needsFactor(r: ReceiptImportRow, c: ImportChoice, items: StockItem[]): boolean {
  if (!r.unit || c.itemId === '') return false;
  if (c.itemId === 'new') return r.unit !== c.baseUnit;
  const item = items.find((i) => i.id === c.itemId);
  return !!item && r.unit !== item.baseUnit && !item.units.some((u) => u.unit === r.unit);
}

function factorOf(c: ImportChoice): number | null {
  const n = numberOrNaN(c.factor);
  return Number.isInteger(n) && n >= 2 ? n : null;
}

/** The row's problems left after the choices: an item still to choose, a conversion to type. */
export function problemsLeft(r: ReceiptImportRow, c: ImportChoice, items: StockItem[]): string[] {
  const rest = r.problems.filter((p) => p !== 'unknown_item' && p !== 'unknown_unit');
  if (c.itemId === '') rest.push('unknown_item');
  if (needsFactor(r, c, items) && factorOf(c) === null) rest.push('unknown_unit');
  return rest;
}

/** One line of stock.importReceipt; a row left without an item goes as 0, which main refuses. */
export function importLine(r: ReceiptImportRow, c: ImportChoice, items: StockItem[]) {
  const factor = needsFactor(r, c, items) ? factorOf(c) : null;
  return {
    row: r.row,
    name: r.name,
    spec: r.spec,
    ...(c.itemId === 'new'
      ? { newItem: { category: c.category, baseUnit: c.baseUnit, tracksLots: !!r.lotCode } }
      : { itemId: Number(c.itemId || 0) }),
    ...(factor ? { unitFactor: factor } : {}),
    quantity: r.quantity ?? 0,
    unit: r.unit,
    ...(r.lotCode ? { lotCode: r.lotCode } : {}),
    ...(r.expiry ? { expiry: r.expiry } : {}),
  };
}
