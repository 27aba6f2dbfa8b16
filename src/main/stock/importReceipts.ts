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
import { headerRowOf } from '../services/fileReading/headerColumns';
import { clean, toDay } from '../services/fileReading/sheetCells';
import { siteDay } from '../../shared/siteDate';
import { readQuantityText } from '../../shared/quantityText';
import { previewedReceiptRow, receiptListPreview } from '../../shared/receiptImport';
import {
  donorKindByName,
  donorKindOf,
  isTotalLine,
  REGISTER_HEADERS,
  registerColumns,
  type RegisterField,
} from './registerColumns';
import { activeItemNamed, createItem, getItem, listItems, toBaseUnits } from './catalogue';
import { receive, type ReceiptInput } from './receive';
import { tooLongAgo } from './receivedDate';

/**
 * Reads a donation list (CSV or XLSX): one donor's list, or a register of many donors and days as
 * it is printed. Finds the header row, reads each line, and matches its name to an item by name
 * (with its specification when given) or by an alias donors used before. A register's donor, kind
 * and date left blank under a filled one (merged cells of a printed register) are the row above's.
 */
export async function previewReceiptImport(
  ctx: ActingContext,
  input: { fileName: string; base64: string },
): Promise<ReceiptImportPreview> {
  const sheet = readSheet(input);
  const headerAt = headerRowOf(sheet, REGISTER_HEADERS);
  const header = sheet[headerAt]?.cells ?? [];
  const at = registerColumns(header);
  if (at.name < 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'No column names the items',
      {},
      { base64: 'no_item_column' },
    );
  }
  const today = siteDay(ctx.now());
  const items = listItems(ctx, { includeArchived: false });
  const byAlias = new Map(items.flatMap((i) => i.aliases.map((a) => [a, i.id] as const)));
  const seen = new Map<string, number>();
  const above = { donor: '', donorKind: '', date: '' };
  const rows: ReceiptImportRow[] = [];
  for (const r of sheet.slice(headerAt + 1)) {
    if (isTotalLine(r.cells)) continue;
    const cell = (f: RegisterField) => (at[f] < 0 ? '' : clean(r.cells[at[f]] ?? ''));
    const carried = (f: 'donor' | 'donorKind' | 'date') => (above[f] = cell(f) || above[f]);
    const donor = carried('donor');
    const kindText = carried('donorKind');
    const dateText = carried('date');
    const name = cell('name');
    const spec = cell('spec');
    const quantityText = cell('quantity');
    const read = readQuantityText(quantityText);
    const unit = cell('unit') || read.unit;
    const expiryText = cell('expiry');
    const expiry = expiryText ? toDay(expiryText) : null;
    const received = dateText ? toDay(dateText) : null;
    const donorKind = kindText ? donorKindOf(kindText) : donor ? donorKindByName(donor) : null;
    const candidates = items.filter((i) => i.name === name);
    const match =
      candidates.find((i) => i.spec === spec) ??
      (candidates.length === 1 ? candidates[0] : undefined) ??
      items.find((i) => i.id === byAlias.get(name));
    const problems: string[] = [];
    if (!name) problems.push('required_name');
    if (read.quantity === null) problems.push('quantity_value');
    if (expiry && 'error' in expiry) problems.push('date_value');
    if (received && 'error' in received) problems.push('received_on_value');
    else if (received && received.value > today) problems.push('received_in_future');
    else if (received && tooLongAgo(ctx, received.value)) problems.push('received_before_limit');
    if (kindText && !donorKind) problems.push('donor_kind_value');
    const knownUnit =
      !unit || !match || unit === match.baseUnit || match.units.some((u) => u.unit === unit);
    if (!match) problems.push('unknown_item');
    else if (!knownUnit) problems.push('unknown_unit');
    else if (match.tracksLots && !cell('lotCode')) problems.push('lot_required');
    const receivedOn = received && 'value' in received ? received.value : null;
    const key = JSON.stringify([donor, receivedOn, name, spec, read.quantity, unit]);
    const duplicateOf = seen.get(key) ?? null;
    if (duplicateOf === null) seen.set(key, r.row);
    else problems.push('duplicate_row');
    const serial = cell('serial');
    rows.push(
      previewedReceiptRow({
        row: r.row,
        serial,
        name,
        spec,
        quantity: read.quantity,
        quantityText,
        approximate: read.approximate,
        unit: unit || (match?.baseUnit ?? ''),
        expectedUnits:
          match && !knownUnit ? [match.baseUnit, ...match.units.map((u) => u.unit)] : [],
        lotCode: cell('lotCode'),
        expiry: expiry && 'value' in expiry ? expiry.value : null,
        itemId: match?.id ?? null,
        donor,
        donorKind,
        receivedOn,
        purpose: cell('purpose'),
        note: cell('note'),
        duplicateOf,
        problems,
      }),
    );
  }
  const used = new Set(Object.values(at));
  return {
    ...receiptListPreview(
      rows,
      header.map(clean).filter((h, column) => h !== '' && !used.has(column)),
    ),
    columns: { donor: at.donor >= 0, date: at.date >= 0 },
  };
}

export function previewReceiptImportDeferred(
  ctx: ActingContext,
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
  receivedField?: string,
): StockDocument {
  const itemIds = input.lines.map((line, i) => {
    const item = learnUnit(ctx, itemOfLine(ctx, line, i), line);
    toBaseUnits(item, line.quantity, line.unit, `lines.${i}`);
    rememberAlias(ctx, item, line.name);
    return item.id;
  });
  return receive(
    ctx,
    {
      ...input,
      lines: input.lines.map((l, i) => ({
        itemId: itemIds[i]!,
        quantity: l.quantity,
        unit: l.unit,
        ...(l.lotCode ? { lotCode: l.lotCode } : {}),
        ...(l.expiry ? { expiry: l.expiry } : {}),
      })),
    },
    receivedField,
  );
}
