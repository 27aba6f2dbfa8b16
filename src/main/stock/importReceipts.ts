import type {
  ReceiptImportPreview,
  ReceiptImportRow,
  StockCategory,
  StockDocument,
  StockItem,
} from '../../shared/stock';
import type { ActingContext, ServiceContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { readSheet } from '../services/fileReading/readSheet';
import { normalizeHeader, toDay } from '../services/fileReading/sheetCells';
import { activeItemNamed, createItem, getItem, listItems, toBaseUnits } from './catalogue';
import { receive, type ReceiptInput } from './receive';

type Field = 'name' | 'spec' | 'quantity' | 'unit' | 'lotCode' | 'expiry';

/** Header words of a district or donor list, compared after normalizeHeader. */
const HEADERS: Record<Field, readonly string[]> = {
  name: ['物资名称', '物资', '品名', '名称', '物品', '物品名称', 'item', 'name'],
  spec: ['规格', '规格型号', '型号', 'spec', 'specification'],
  quantity: ['数量', '捐赠数量', 'qty', 'quantity'],
  unit: ['单位', '计量单位', 'unit'],
  lotCode: ['批号', '批次', 'lot', 'batch'],
  expiry: ['有效期', '有效期至', '失效日期', 'expiry', 'expirydate'],
};

/** "2000", "2000余", "2000余只", "250件": the number, and a unit written after it. */
export function readQuantity(text: string): { quantity: number | null; unit: string } {
  const m = /^\s*(\d+)\s*(?:余|多)?\s*(\D*?)\s*$/.exec(text.normalize('NFKC'));
  if (!m) return { quantity: null, unit: '' };
  return { quantity: Number(m[1]), unit: m[2] ?? '' };
}

/**
 * Reads a donation list (CSV or XLSX): finds the header row, reads each line, and matches its
 * name to an item by name (with its specification when given) or by an alias donors used before.
 */
export async function previewReceiptImport(
  ctx: ServiceContext,
  input: { fileName: string; base64: string },
): Promise<ReceiptImportPreview> {
  const sheet = readSheet(input);
  const headerAt = sheet.findIndex((r) =>
    r.cells.some((c) => HEADERS.name.includes(normalizeHeader(c))),
  );
  if (headerAt < 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'No column names the items',
      {},
      { base64: 'no_item_column' },
    );
  }
  const headers = sheet[headerAt]!.cells.map(normalizeHeader);
  const column = (f: Field) => headers.findIndex((h) => HEADERS[f].includes(h));
  const at = Object.fromEntries(
    (Object.keys(HEADERS) as Field[]).map((f) => [f, column(f)]),
  ) as Record<Field, number>;
  const items = listItems(ctx, { includeArchived: false });
  const byAlias = new Map(items.flatMap((i) => i.aliases.map((a) => [a, i.id] as const)));
  const rows: ReceiptImportRow[] = sheet.slice(headerAt + 1).map((r) => {
    const cell = (f: Field) => (at[f] < 0 ? '' : (r.cells[at[f]] ?? '').trim());
    const name = cell('name');
    const spec = cell('spec');
    const read = readQuantity(cell('quantity'));
    const unit = cell('unit') || read.unit;
    const expiryText = cell('expiry');
    const expiry = expiryText ? toDay(expiryText) : null;
    const candidates = items.filter((i) => i.name === name);
    const match =
      candidates.find((i) => i.spec === spec) ??
      (candidates.length === 1 ? candidates[0] : undefined) ??
      items.find((i) => i.id === byAlias.get(name));
    const problems: string[] = [];
    if (!name) problems.push('required_name');
    if (read.quantity === null || read.quantity <= 0) problems.push('quantity_value');
    if (expiry && 'error' in expiry) problems.push('date_value');
    if (!match) problems.push('unknown_item');
    else if (unit && unit !== match.baseUnit && !match.units.some((u) => u.unit === unit))
      problems.push('unknown_unit');
    else if (match.tracksLots && !cell('lotCode')) problems.push('lot_required');
    return {
      row: r.row,
      name,
      spec,
      quantity: read.quantity,
      unit: unit || (match?.baseUnit ?? ''),
      lotCode: cell('lotCode'),
      expiry: expiry && 'value' in expiry ? expiry.value : null,
      itemId: match?.id ?? null,
      problems,
    };
  });
  return { rows };
}

export function previewReceiptImportDeferred(
  ctx: ServiceContext,
  input: { fileName: string; base64: string },
): Deferred<ReceiptImportPreview> {
  return new Deferred(() => previewReceiptImport(ctx, input));
}

export interface ImportLine {
  row: number;
  name: string;
  spec?: string | undefined;
  /** An item the name was matched or mapped to… */
  itemId?: number | undefined;
  /** …or a new item made from the name in the list. */
  newItem?: { category: StockCategory; baseUnit: string; tracksLots: boolean } | undefined;
  /** How many base units one `unit` holds, for a unit the item did not know. */
  unitFactor?: number | undefined;
  quantity: number;
  unit: string;
  lotCode?: string | undefined;
  expiry?: string | undefined;
}

/**
 * The item a line goes to: the one chosen, or one made from its name — once per name and spec,
 * since a second line of the list finds the item the first one made (same transaction).
 */
function itemOfLine(ctx: ServiceContext, line: ImportLine, i: number) {
  if ((line.itemId === undefined) === (line.newItem === undefined)) {
    throw new DomainError(
      'INVALID_INPUT',
      `Row ${line.row}: choose an item or make a new one`,
      { row: line.row },
      { [`lines.${i}.itemId`]: 'unknown_item' },
    );
  }
  if (line.itemId !== undefined) return getItem(ctx, line.itemId);
  if (!line.name) {
    throw new DomainError(
      'INVALID_INPUT',
      `Row ${line.row} names no item`,
      { row: line.row },
      { [`lines.${i}.name`]: 'required_name' },
    );
  }
  const spec = line.spec ?? '';
  const existing = activeItemNamed(ctx, line.name, spec);
  if (existing !== undefined) return getItem(ctx, existing);
  return createItem(ctx, {
    name: line.name,
    spec,
    category: line.newItem!.category,
    baseUnit: line.newItem!.baseUnit,
    lowThreshold: 0,
    tracksLots: line.newItem!.tracksLots,
    units: [],
    aliases: [],
  });
}

/** A pack unit the list uses and the item did not know, with the conversion typed in the preview. */
function learnUnit(ctx: ServiceContext, item: StockItem, line: ImportLine): StockItem {
  const known = line.unit === item.baseUnit || item.units.some((u) => u.unit === line.unit);
  if (known || line.unitFactor === undefined) return item;
  ctx.db
    .prepare('INSERT INTO stock_item_units (item_id, unit, factor) VALUES (?, ?, ?)')
    .run(item.id, line.unit, line.unitFactor);
  return getItem(ctx, item.id);
}

function rememberAlias(ctx: ServiceContext, item: StockItem, name: string): void {
  const known = item.name === name || item.aliases.includes(name);
  const taken = ctx.db
    .prepare<[string], { item_id: number }>(
      'SELECT item_id FROM stock_item_aliases WHERE alias = ?',
    )
    .get(name);
  if (!known && name.trim() && !taken)
    ctx.db
      .prepare('INSERT INTO stock_item_aliases (alias, item_id) VALUES (?, ?)')
      .run(name.trim(), item.id);
}

/**
 * Posts a donation list as one receipt after the coordinator dealt with what was unknown: a name
 * mapped to an item is remembered as that item's alias, a name may instead become a new item, and
 * a unit the item did not know is learnt with the conversion given. All or nothing: a bad line
 * refuses the whole list (new items and units included), naming its row.
 */
export function importReceipt(
  ctx: ActingContext,
  input: Omit<ReceiptInput, 'lines'> & { lines: ImportLine[] },
): StockDocument {
  const itemIds = input.lines.map((line, i) => {
    const item = learnUnit(ctx, itemOfLine(ctx, line, i), line);
    toBaseUnits(item, line.quantity, line.unit, `lines.${i}`);
    rememberAlias(ctx, item, line.name);
    return item.id;
  });
  return receive(ctx, {
    ...input,
    lines: input.lines.map((l, i) => ({
      itemId: itemIds[i]!,
      quantity: l.quantity,
      unit: l.unit,
      ...(l.lotCode ? { lotCode: l.lotCode } : {}),
      ...(l.expiry ? { expiry: l.expiry } : {}),
    })),
  });
}
