import { afterAll, bench, describe } from 'vitest';
import { addDays, siteInstant } from '../src/shared/siteDate';
import { DESTINATION_KINDS, RECEIPT_SOURCES } from '../src/shared/stock';
import { createSite } from '../src/main/registry/sites';
import { createItem } from '../src/main/stock/catalogue';
import { insertDocument, postMovement, siteStore } from '../src/main/stock/ledger';
import { stockCard } from '../src/main/stock/onHand';
import { stockReport } from '../src/main/stock/report';
import { makeTestContext } from '../src/main/testing/tempDb';

/**
 * Half a year of a busy store on a real database file: 300 items and 500,000 movements (receipts
 * and issues through the ledger, with their balances and daily sums). Goals: the period report
 * ≤ 20 ms; the stock card of the busiest item over a month ≤ 30 ms.
 */
const t = makeTestContext();
const { ctx } = t;
const ITEMS = 300;
const MOVEMENTS = 500_000;
const DAYS = 180;
const LAST_DAY = '2026-11-29';
const FIRST_DAY = addDays(LAST_DAY, -(DAYS - 1));

const siteId = ctx.db
  .transaction(() => {
    const site = createSite(ctx, { name: '物资基准', address: '' }).id;
    const location = siteStore(ctx, site);
    for (let i = 0; i < ITEMS; i++) {
      createItem(ctx, {
        name: `物资${i}`,
        category: 'ppe',
        spec: '',
        baseUnit: '件',
        lowThreshold: 0,
        tracksLots: false,
        units: [],
        aliases: [],
      });
    }
    const perDay = Math.ceil(MOVEMENTS / DAYS);
    let made = 0;
    for (let d = 0; d < DAYS && made < MOVEMENTS; d++) {
      const day = addDays(FIRST_DAY, d);
      const base = siteInstant(day, '08:00').getTime();
      // Each day: receipts first (so issues never overdraw), then issues; item 0 is the busiest.
      let documentId = 0;
      for (let k = 0; k < perDay && made < MOVEMENTS; k++, made++) {
        const receipt = k < perDay / 2;
        if (k % 50 === 0 || k === Math.ceil(perDay / 2)) {
          documentId = insertDocument(ctx, {
            kind: receipt ? 'receipt' : 'issue',
            siteId: site,
            occurredAt: new Date(base + k * 1000).toISOString(),
            source: receipt ? RECEIPT_SOURCES[k % 4]! : null,
            destinationKind: receipt ? null : DESTINATION_KINDS[k % 6]!,
            destination: receipt ? null : '3F',
            recordedBy: null,
          });
        }
        const itemId = k % 7 === 0 ? 1 : 1 + (k % ITEMS);
        const half = Math.floor(k / 2);
        postMovement(ctx, {
          documentId,
          itemId,
          lotId: null,
          locationId: location,
          quantity: receipt ? 10 : -((half % 5) + 1),
          at: new Date(base + k * 1000).toISOString(),
          kind: receipt ? 'receipt' : 'issue',
          channel: receipt ? RECEIPT_SOURCES[k % 4]! : DESTINATION_KINDS[k % 6]!,
        });
      }
    }
    // The change capture of the setup is not what is measured.
    ctx.db.prepare('DELETE FROM audit_pending').run();
    return site;
  })
  .immediate();
ctx.now = () => new Date(`${LAST_DAY}T12:00:00Z`);

afterAll(() => t.close());

describe('a busy store: 300 items, 500,000 movements over 180 days', () => {
  bench('stock.report for the last 30 days (goal ≤ 20 ms)', () => {
    stockReport(ctx, { siteId, from: addDays(LAST_DAY, -29), to: LAST_DAY });
  });
  bench('stock.card of the busiest item over a month (goal ≤ 30 ms)', () => {
    stockCard(ctx, {
      siteId,
      itemId: 1,
      from: siteInstant(addDays(LAST_DAY, -29), '00:00').toISOString(),
      to: siteInstant(addDays(LAST_DAY, 1), '00:00').toISOString(),
    });
  });
});
