import { DESTINATION_KINDS, RECEIPT_SOURCES } from '../../src/shared/stock';
import type { Db } from '../../src/main/db/open';
import { between, prng } from '../../src/main/testing/prng';
import { SCALE, dayOfMs, iso, msOfDay } from './shape';

const DAYS = 1_200;
const PER_DOCUMENT = 50;

/**
 * 500,000 movements over 1,200 days at site 1's store: each day's receipts, then its issues (never
 * more than on hand), item 1 the busiest. Balances and daily sums are summed here and written once,
 * exactly what the ledger would have kept movement by movement.
 */
export function seedStock(
  db: Db,
  input: { siteId: number; store: number; itemIds: number[]; recordedBy: number },
  progress: (label: string, done: number, total: number) => void,
): number {
  const random = prng(2026);
  const insertDocument = db.prepare(
    `INSERT INTO stock_documents (kind, site_id, occurred_at, source, destination_kind, destination, reason, recorded_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO stock_movements (document_id, item_id, lot_id, location_id, quantity, at, kind, channel)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const balance = new Map<number, number>(input.itemIds.map((id) => [id, 0]));
  const daily = new Map<string, number>();
  const perDay = Math.ceil(SCALE.movements / DAYS);
  const lastDay = dayOfMs(msOfDay(SCALE.today, -1440));
  let made = 0;
  for (let d = DAYS - 1; d >= 0 && made < SCALE.movements; d--) {
    const day = dayOfMs(msOfDay(lastDay, -d * 1440));
    const base = msOfDay(day, 8 * 60);
    let documentId = 0;
    for (let k = 0; k < perDay && made < SCALE.movements; k++, made++) {
      const receipt = k < perDay / 2;
      const at = iso(base + k * 60_000);
      const channel = receipt
        ? RECEIPT_SOURCES[Math.floor(k / PER_DOCUMENT) % RECEIPT_SOURCES.length]!
        : DESTINATION_KINDS[Math.floor(k / PER_DOCUMENT) % DESTINATION_KINDS.length]!;
      if (k % PER_DOCUMENT === 0 || k === Math.ceil(perDay / 2)) {
        documentId = Number(
          insertDocument.run(
            receipt ? 'receipt' : 'issue',
            input.siteId,
            at,
            receipt ? channel : null,
            receipt ? null : channel,
            receipt ? null : `${between(random, 1, 17)}F`,
            input.recordedBy,
            at,
          ).lastInsertRowid,
        );
      }
      let itemId =
        k % 7 === 0
          ? input.itemIds[0]!
          : input.itemIds[between(random, 0, input.itemIds.length - 1)]!;
      let quantity: number;
      if (receipt) {
        quantity = between(random, 50, 500);
      } else {
        // Never below nothing: an item with none on hand passes the issue to the next that has some.
        for (let step = 0; balance.get(itemId)! === 0; step++) {
          if (step > input.itemIds.length) throw new Error(`Nothing on hand on ${day}`);
          itemId = input.itemIds[(input.itemIds.indexOf(itemId) + 1) % input.itemIds.length]!;
        }
        quantity = -Math.min(between(random, 1, 100), balance.get(itemId)!);
      }
      balance.set(itemId, balance.get(itemId)! + quantity);
      insertMovement.run(
        documentId,
        itemId,
        input.store,
        quantity,
        at,
        receipt ? 'receipt' : 'issue',
        channel,
      );
      const key = `${itemId}|${day}|${receipt ? 'receipt' : 'issue'}|${channel}`;
      daily.set(key, (daily.get(key) ?? 0) + quantity);
    }
    if (d % 200 === 0) progress('stock', made, SCALE.movements);
  }
  const insertBalance = db.prepare(
    'INSERT INTO stock_balances (item_id, lot_id, location_id, quantity) VALUES (?, 0, ?, ?)',
  );
  for (const [itemId, quantity] of balance) insertBalance.run(itemId, input.store, quantity);
  const insertDaily = db.prepare(
    'INSERT INTO stock_daily (location_id, item_id, day, kind, channel, quantity) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [key, quantity] of daily) {
    const [itemId, day, kind, channel] = key.split('|') as [string, string, string, string];
    insertDaily.run(input.store, Number(itemId), day, kind, channel, quantity);
  }
  progress('stock', made, SCALE.movements);
  return made;
}
