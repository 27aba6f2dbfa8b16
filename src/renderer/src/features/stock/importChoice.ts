import type { PartyKind, ReceiptImportRow, StockCategory, StockItem } from '@shared/stock';
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
    // A repeated line is left out until ticked: the same donor may truly have given twice.
    include:
      r.duplicateOf === null &&
      r.problems.every((p) => p === 'unknown_item' || p === 'unknown_unit'),
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

/** A pack (≥ 2 base units) or, as 1, another counting word for the base unit (1 个 = 1 只). */
function factorOf(c: ImportChoice): number | null {
  const n = numberOrNaN(c.factor);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The row's problems left after the choices: an item still to choose, a conversion to type. */
export function problemsLeft(r: ReceiptImportRow, c: ImportChoice, items: StockItem[]): string[] {
  // A repeated line is a warning: ticking it is the decision.
  const rest = r.problems.filter(
    (p) => p !== 'unknown_item' && p !== 'unknown_unit' && p !== 'duplicate_row',
  );
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

/** What a line takes from the form when the list does not say: the donor's kind, a note's words. */
export interface RegisterDefaults {
  donorKind: PartyKind;
  /** The note kept for an estimate (2000余只), in the reader's words. */
  aboutNote: (written: string) => string;
}

/** One line of stock.importRegister: the import line with the row's donor, day, purpose and note. */
export function registerLine(
  r: ReceiptImportRow,
  c: ImportChoice,
  items: StockItem[],
  defaults: RegisterDefaults,
) {
  const note = [r.note, r.approximate ? defaults.aboutNote(r.quantityText) : '']
    .filter(Boolean)
    .join('；');
  return {
    ...importLine(r, c, items),
    ...(r.donor ? { donor: r.donor, donorKind: r.donorKind ?? defaults.donorKind } : {}),
    ...(r.receivedOn ? { receivedOn: r.receivedOn } : {}),
    ...(r.purpose ? { purpose: r.purpose } : {}),
    ...(note ? { note } : {}),
  };
}

export interface RowGroup {
  key: string;
  /** '' where the list has no donor or day: the form's apply. */
  donor: string;
  /** As the list or the donor's name says; null: the form's kind applies. */
  donorKind: PartyKind | null;
  receivedOn: string;
  rows: ReceiptImportRow[];
}

/** The rows by donor and day, in the list's order: each group becomes one receipt. */
export function groupRows(rows: readonly ReceiptImportRow[]): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const r of rows) {
    const key = JSON.stringify([r.donor, r.receivedOn ?? '']);
    const group = groups.get(key) ?? {
      key,
      donor: r.donor,
      donorKind: r.donorKind,
      receivedOn: r.receivedOn ?? '',
      rows: [],
    };
    group.rows.push(r);
    groups.set(key, group);
  }
  return [...groups.values()];
}
