import type { StockItem } from '@shared/stock';

/** A catalogue item as main answers it: no packs, no aliases, no lots unless given. */
export const stockItem = (
  item: Pick<StockItem, 'id' | 'name' | 'baseUnit'> & Partial<StockItem>,
): StockItem => ({
  category: 'ppe',
  spec: '',
  lowThreshold: 0,
  tracksLots: false,
  units: [],
  aliases: [],
  archived: false,
  version: 1,
  ...item,
});
