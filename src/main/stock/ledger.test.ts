import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../testing/tempDb';
import { createItem } from './catalogue';
import { adjust, issue, planIssue } from './movements';
import { receive } from './receive';
import { reverse } from './reverse';
import { onHand } from './onHand';
import { createSite } from '../registry/sites';

describe('stock ledger under random operations (fast-check)', () => {
  it('on hand never negative, equal to the ledger, lots out first-expiry-first, expired never issued', () => {
    const expiries = ['2026-11-20', '2026-12-01', '2026-12-15', '2027-01-10', null] as const;
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('receive' as const),
        lot: fc.integer({ min: 0, max: 4 }),
        qty: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({ kind: fc.constant('issue' as const), qty: fc.integer({ min: 1, max: 80 }) }),
      fc.record({
        kind: fc.constant('adjust' as const),
        lot: fc.integer({ min: 0, max: 4 }),
        qty: fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
      }),
      fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const t = makeTestContext();
        try {
          const { ctx } = t;
          const site = createSite(ctx, { name: 'S', address: '' }).id;
          const item = createItem(ctx, {
            name: '口罩',
            category: 'ppe',
            spec: '',
            baseUnit: '只',
            lowThreshold: 0,
            tracksLots: true,
            units: [],
            aliases: [],
          });
          const today = '2026-11-29';
          const docs: number[] = [];
          const lotIdOf = (i: number): number | undefined =>
            ctx.db.prepare('SELECT id FROM stock_lots WHERE code = ?').pluck().get(`L${i}`) as
              number | undefined;
          for (const o of ops) {
            // Each operation in its own transaction, as the router runs it: a refusal rolls back.
            try {
              ctx.db.transaction(() => {
                if (o.kind === 'receive') {
                  docs.push(
                    receive(ctx, {
                      siteId: site,
                      occurredAt: '2026-11-29T10:00:00+08:00',
                      source: 'allocation',
                      reason: '',
                      lines: [
                        {
                          itemId: item.id,
                          quantity: o.qty,
                          unit: '只',
                          lotCode: `L${o.lot}`,
                          expiry: expiries[o.lot] ?? undefined,
                        },
                      ],
                    }).id,
                  );
                } else if (o.kind === 'issue') {
                  const plan = planIssue(ctx, { siteId: site, itemId: item.id, quantity: o.qty });
                  const doc = issue(ctx, {
                    siteId: site,
                    occurredAt: '2026-11-29T11:00:00+08:00',
                    destinationKind: 'floor',
                    destination: '3F',
                    reason: '',
                    lines: [{ itemId: item.id, quantity: o.qty, unit: '只' }],
                  });
                  // FEFO: taken lots are never expired, in expiry order, and match the plan.
                  const taken = doc.lines.map((l) => l.expiry ?? '9999');
                  expect(taken).toEqual([...taken].sort());
                  for (const l of doc.lines)
                    expect(l.expiry === null || l.expiry >= today).toBe(true);
                  expect(doc.lines.map((l) => -l.quantity)).toEqual(
                    plan.picks.map((p) => p.quantity),
                  );
                  docs.push(doc.id);
                } else if (o.kind === 'adjust') {
                  const lotId = lotIdOf(o.lot);
                  if (lotId === undefined) return;
                  docs.push(
                    adjust(ctx, {
                      siteId: site,
                      occurredAt: '2026-11-29T12:00:00+08:00',
                      reason: 'count',
                      lines: [{ itemId: item.id, lotId, quantity: o.qty }],
                    }).id,
                  );
                } else if (docs.length > 0) {
                  reverse(ctx, { documentId: docs[o.pick % docs.length]!, reason: 'undo' });
                }
              })();
            } catch (error) {
              const code = (error as { code?: string }).code;
              expect(['INSUFFICIENT_STOCK', 'DUPLICATE', 'INVALID_INPUT']).toContain(code);
            }
            const balances = ctx.db
              .prepare('SELECT lot_id, quantity FROM stock_balances ORDER BY lot_id')
              .all() as { lot_id: number; quantity: number }[];
            for (const b of balances) expect(b.quantity).toBeGreaterThanOrEqual(0);
            const ledger = ctx.db
              .prepare(
                'SELECT coalesce(lot_id, 0) AS lot_id, sum(quantity) AS quantity FROM stock_movements GROUP BY 1 ORDER BY 1',
              )
              .all() as { lot_id: number; quantity: number }[];
            expect(
              balances.filter((b) => b.quantity !== 0 || ledger.some((l) => l.lot_id === b.lot_id)),
            ).toEqual(ledger);
            expect(onHand(ctx, { siteId: site })[0]!.onHand).toBe(
              ledger.reduce((s, l) => s + l.quantity, 0),
            );
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
