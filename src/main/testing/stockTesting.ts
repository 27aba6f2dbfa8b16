import type { ApiResult } from '../../shared/errors';
import type { OnHandRow, StockDocument, StockItem } from '../../shared/stock';
import { buildSite, makeDesk, type Desk } from './peopleTesting';

/** When the stock tests' documents happen (the site's morning of the test clock's day). */
export const STOCK_AT = '2026-11-29T09:00:00+08:00';

type ReceiptLine = {
  itemId: number;
  quantity: number;
  unit: string;
  lotCode?: string;
  expiry?: string;
};

/** A site with masks (lot-tracked, boxes of 50) and alcohol (no lots), through the router. */
export interface StockDesk {
  desk: Desk;
  siteId: number;
  masks: StockItem;
  alcohol: StockItem;
  /** A company's donation of these lines. */
  donate: (lines: ReceiptLine[]) => Promise<StockDocument>;
  /** An issue to a community; the envelope, so a refusal can be read. */
  issueTo: (itemId: number, quantity: number, unit: string) => Promise<ApiResult<StockDocument>>;
  onHandOf: (itemId: number) => Promise<OnHandRow>;
}

export async function makeStockDesk(): Promise<StockDesk> {
  const desk = makeDesk();
  const siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
  const masks = await desk.call('stock.createItem', {
    name: '医用外科口罩',
    category: 'ppe',
    spec: '一次性',
    baseUnit: '只',
    lowThreshold: 500,
    tracksLots: true,
    units: [{ unit: '箱', factor: 50 }],
    aliases: ['口罩'],
  });
  const alcohol = await desk.call('stock.createItem', {
    name: '医用酒精',
    category: 'disinfection',
    spec: '75%',
    baseUnit: '公斤',
    lowThreshold: 0,
  });
  return {
    desk,
    siteId,
    masks,
    alcohol,
    donate: (lines) =>
      desk.call('stock.receive', {
        siteId,
        occurredAt: STOCK_AT,
        source: 'donation',
        party: {
          kind: 'company',
          name: '南通某医疗器械公司',
          contact: '王经理',
          phone: '0513-12345678',
        },
        lines,
      }),
    issueTo: (itemId, quantity, unit) =>
      desk.invoke('stock.issue', {
        siteId,
        occurredAt: STOCK_AT,
        destinationKind: 'community',
        destination: '濠西社区',
        lines: [{ itemId, quantity, unit }],
      }),
    onHandOf: async (itemId) =>
      (await desk.call('stock.onHand', { siteId })).find((r) => r.itemId === itemId)!,
  };
}
