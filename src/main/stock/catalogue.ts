import { MAX_LINE_QUANTITY, type StockCategory, type StockItem } from '../../shared/stock';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { assertVersion } from '../services/versions';

interface ItemRow {
  id: number;
  name: string;
  category: StockCategory;
  spec: string;
  base_unit: string;
  low_threshold: number;
  tracks_lots: number;
  archived_at: string | null;
  version: number;
}

export interface ItemInput {
  name: string;
  category: StockCategory;
  spec: string;
  baseUnit: string;
  lowThreshold: number;
  tracksLots: boolean;
  units: { unit: string; factor: number }[];
  aliases: string[];
}

function toItem(ctx: ServiceContext, r: ItemRow): StockItem {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    spec: r.spec,
    baseUnit: r.base_unit,
    lowThreshold: r.low_threshold,
    tracksLots: r.tracks_lots === 1,
    units: ctx.db
      .prepare<[number], { unit: string; factor: number }>(
        'SELECT unit, factor FROM stock_item_units WHERE item_id = ? ORDER BY factor, unit',
      )
      .all(r.id),
    aliases: ctx.db
      .prepare('SELECT alias FROM stock_item_aliases WHERE item_id = ? ORDER BY alias')
      .pluck()
      .all(r.id) as string[],
    archived: r.archived_at !== null,
    version: r.version,
  };
}

export function getItem(ctx: ServiceContext, id: number): StockItem {
  const row = ctx.db.prepare<[number], ItemRow>('SELECT * FROM stock_items WHERE id = ?').get(id);
  if (!row) throw notFound('stock_item', id);
  return toItem(ctx, row);
}

export function listItems(ctx: ServiceContext, input: { includeArchived: boolean }): StockItem[] {
  return ctx.db
    .prepare<[number], ItemRow>(
      'SELECT * FROM stock_items WHERE (? OR archived_at IS NULL) ORDER BY category, name, spec, id',
    )
    .all(input.includeArchived ? 1 : 0)
    .map((r) => toItem(ctx, r));
}

function writeUnitsAndAliases(ctx: ServiceContext, itemId: number, input: ItemInput): void {
  const units = new Map<string, number>();
  for (const u of input.units) {
    if (u.unit === input.baseUnit) {
      throw new DomainError(
        'INVALID_INPUT',
        'A pack cannot be the base unit',
        {},
        { units: 'base_unit_pack' },
      );
    }
    units.set(u.unit, u.factor);
  }
  ctx.db.prepare('DELETE FROM stock_item_units WHERE item_id = ?').run(itemId);
  const unit = ctx.db.prepare(
    'INSERT INTO stock_item_units (item_id, unit, factor) VALUES (?, ?, ?)',
  );
  for (const [name, factor] of units) unit.run(itemId, name, factor);
  ctx.db.prepare('DELETE FROM stock_item_aliases WHERE item_id = ?').run(itemId);
  for (const alias of new Set(input.aliases)) {
    const owner = ctx.db
      .prepare<[string], { item_id: number }>(
        'SELECT item_id FROM stock_item_aliases WHERE alias = ?',
      )
      .get(alias);
    if (owner) {
      throw new DomainError(
        'DUPLICATE',
        `"${alias}" already names another item`,
        { value: alias },
        { aliases: 'duplicate' },
      );
    }
    ctx.db
      .prepare('INSERT INTO stock_item_aliases (alias, item_id) VALUES (?, ?)')
      .run(alias, itemId);
  }
}

/** The active item of that name and specification (other than `exceptId`), if any. */
export function activeItemNamed(
  ctx: ServiceContext,
  name: string,
  spec: string,
  exceptId = 0,
): number | undefined {
  return ctx.db
    .prepare<[string, string, number], { id: number }>(
      'SELECT id FROM stock_items WHERE name = ? AND spec = ? AND archived_at IS NULL AND id <> ?',
    )
    .get(name, spec, exceptId)?.id;
}

function refuseDuplicate(ctx: ServiceContext, name: string, spec: string, exceptId = 0): void {
  if (activeItemNamed(ctx, name, spec, exceptId) !== undefined) {
    throw new DomainError(
      'DUPLICATE',
      `${name} ${spec} exists`,
      { value: `${name} ${spec}`.trim() },
      { name: 'duplicate' },
    );
  }
}

export function createItem(ctx: ServiceContext, input: ItemInput): StockItem {
  refuseDuplicate(ctx, input.name, input.spec);
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO stock_items (name, category, spec, base_unit, low_threshold, tracks_lots, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.category,
      input.spec,
      input.baseUnit,
      input.lowThreshold,
      input.tracksLots ? 1 : 0,
      isoNow(ctx),
    );
  const id = Number(lastInsertRowid);
  writeUnitsAndAliases(ctx, id, input);
  return getItem(ctx, id);
}

/** The base unit and lot tracking are fixed once the item has movements (they define its ledger). */
export function updateItem(
  ctx: ServiceContext,
  input: ItemInput & { id: number; expectedVersion: number },
): StockItem {
  const item = getItem(ctx, input.id);
  assertVersion(ctx, 'stock_item', item, input.expectedVersion);
  refuseDuplicate(ctx, input.name, input.spec, item.id);
  const moved = ctx.db
    .prepare('SELECT 1 FROM stock_movements WHERE item_id = ? LIMIT 1')
    .get(item.id);
  if (moved && (input.baseUnit !== item.baseUnit || input.tracksLots !== item.tracksLots)) {
    throw new DomainError(
      'IN_USE',
      'The item has movements: its base unit and lot tracking stay',
      {},
      {
        baseUnit: 'in_use',
      },
    );
  }
  ctx.db
    .prepare(
      'UPDATE stock_items SET version = version + 1, name = ?, category = ?, spec = ?, base_unit = ?, low_threshold = ?, tracks_lots = ? WHERE id = ?',
    )
    .run(
      input.name,
      input.category,
      input.spec,
      input.baseUnit,
      input.lowThreshold,
      input.tracksLots ? 1 : 0,
      item.id,
    );
  writeUnitsAndAliases(ctx, item.id, input);
  return getItem(ctx, item.id);
}

/** Items are archived, never deleted: their movements stay in the ledger. */
export function archiveItem(ctx: ServiceContext, input: { id: number }): StockItem {
  getItem(ctx, input.id);
  ctx.db
    .prepare(
      'UPDATE stock_items SET version = version + 1, archived_at = coalesce(archived_at, ?) WHERE id = ?',
    )
    .run(isoNow(ctx), input.id);
  return getItem(ctx, input.id);
}

/** Quantity in a unit of the item, as base units; an unknown unit is refused for that field. */
export function toBaseUnits(
  item: StockItem,
  quantity: number,
  unit: string,
  /** The line's input path (`lines.3`): where a refusal points. */
  line: string,
): number {
  const pack = unit === item.baseUnit ? { factor: 1 } : item.units.find((u) => u.unit === unit);
  if (!pack) {
    throw new DomainError(
      'INVALID_INPUT',
      `${item.name} has no unit ${unit}`,
      { unit, item: item.name },
      {
        [`${line}.unit`]: 'unknown_unit',
      },
    );
  }
  const base = quantity * pack.factor;
  if (Math.abs(base) > MAX_LINE_QUANTITY) {
    throw new DomainError(
      'QUANTITY_TOO_LARGE',
      `${quantity} ${unit} of ${item.name} is more than ${MAX_LINE_QUANTITY} ${item.baseUnit} in one line`,
      { item: item.name, max: MAX_LINE_QUANTITY, unit: item.baseUnit },
      { [`${line}.quantity`]: 'quantity_too_big' },
    );
  }
  return base;
}
