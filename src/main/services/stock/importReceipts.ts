import type { ReceiptImportPreview, ReceiptImportRow, StockDocument } from '../../../shared/stock';
import type { ServiceContext } from '../context';
import { Deferred } from '../deferred';
import { DomainError } from '../errors';
import { normalizeHeader, readSheet, toDay } from '../importPeople';
import { listItems, toBaseUnits, getItem } from './catalogue';
import { receive, type ReceiptInput } from './movements';

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
  const sheet = await readSheet(input);
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

/**
 * Posts a donation list as one receipt after the coordinator mapped its unknown names: each name
 * mapped to an item is remembered as that item's alias, so the next list matches it. All or
 * nothing: a bad line refuses the whole list, naming its row.
 */
export function importReceipt(
  ctx: ServiceContext,
  input: Omit<ReceiptInput, 'lines'> & {
    lines: {
      row: number;
      name: string;
      itemId: number;
      quantity: number;
      unit: string;
      lotCode?: string | undefined;
      expiry?: string | undefined;
    }[];
  },
  userId: number | null,
): StockDocument {
  input.lines.forEach((line, i) => {
    const item = getItem(ctx, line.itemId);
    toBaseUnits(item, line.quantity, line.unit, `lines.${i}.unit`);
    const known = item.name === line.name || item.aliases.includes(line.name);
    const taken = ctx.db
      .prepare<[string], { item_id: number }>(
        'SELECT item_id FROM stock_item_aliases WHERE alias = ?',
      )
      .get(line.name);
    if (!known && line.name.trim() && !taken)
      ctx.db
        .prepare('INSERT INTO stock_item_aliases (alias, item_id) VALUES (?, ?)')
        .run(line.name.trim(), item.id);
  });
  return receive(
    ctx,
    {
      ...input,
      lines: input.lines.map((l) => ({
        itemId: l.itemId,
        quantity: l.quantity,
        unit: l.unit,
        ...(l.lotCode ? { lotCode: l.lotCode } : {}),
        ...(l.expiry ? { expiry: l.expiry } : {}),
      })),
    },
    userId,
  );
}
