import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, lastAuditId } from '../testing/authTesting';
import { makeForecastSite, type ForecastSite } from '../testing/forecastTesting';
import { buildSite, rows } from '../testing/peopleTesting';

describe('consumption norms (through the router)', () => {
  let s: ForecastSite;
  beforeEach(async () => {
    s = await makeForecastSite();
  });
  afterEach(() => s.desk.t.close());

  const norms = () => s.desk.call('supply.norms', { siteId: s.siteId });
  const normOf = async (itemId: number) => (await norms()).find((n) => n.itemId === itemId)!;
  const stored = () =>
    rows<{ n: number }>(s.desk.t.ctx.db, 'SELECT count(*) AS n FROM stock_norms')[0]!.n;

  it('proposes defaults by the item’s name without saving them', async () => {
    expect(await normOf(s.masks.id)).toMatchObject({
      lines: [],
      suggested: [
        { basis: 'resident_day', quantity: 2 },
        { basis: 'staff_shift', quantity: 1 },
      ],
    });
    // Protective suits: one per shift of the site's medical post.
    expect((await normOf(s.suits.id)).suggested).toEqual([
      { basis: 'staff_shift', quantity: 1, postId: s.medical.id },
    ]);
    expect((await normOf(s.disinfectant.id)).suggested).toEqual([
      { basis: 'room_day', quantity: 0.1 },
    ]);
    // Ear thermometer covers: one per resident per temperature round (two rounds a day).
    expect((await normOf(s.thermometerCovers.id)).suggested).toEqual([
      { basis: 'resident_day', quantity: 2 },
    ]);
    expect(stored()).toBe(0);
  });

  it('replaces an item’s lines, audited row by row; a saved norm has no suggestion', async () => {
    const before = lastAuditId(s.desk.t);
    await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.masks.id,
      lines: [
        { basis: 'resident_day', quantity: 2 },
        { basis: 'staff_shift', quantity: 1 },
      ],
    });
    const saved = await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.masks.id,
      lines: [
        { basis: 'resident_day', quantity: 2.5 },
        { basis: 'staff_shift', quantity: 1, role: 'security' },
      ],
    });
    expect(saved).toMatchObject({
      lines: [
        { basis: 'resident_day', quantity: 2.5 },
        { basis: 'staff_shift', quantity: 1, role: 'security' },
      ],
      suggested: [],
    });
    expect(stored()).toBe(2);
    const audit = rows<{ method: string; changes: string }>(
      s.desk.t.ctx.db,
      "SELECT method, changes FROM audit_log WHERE id > ? AND method = 'supply.setNorms'",
      before,
    );
    // Two lines inserted, then both deleted and two inserted: one audit row for each.
    expect(audit).toHaveLength(6);
    expect(audit.filter((a) => a.changes.includes('2.5'))).toHaveLength(1);
    // An empty list removes the norm.
    await s.desk.call('supply.setNorms', { siteId: s.siteId, itemId: s.masks.id, lines: [] });
    expect(stored()).toBe(0);
  });

  it('refuses a repeated line, another site’s post, a scoped non-shift line and three decimals, writing nothing', async () => {
    const set = (lines: unknown) =>
      s.desk.invoke('supply.setNorms', {
        siteId: s.siteId,
        itemId: s.suits.id,
        lines: lines as never,
      });
    const repeated = errorOf(
      await set([
        { basis: 'staff_shift', quantity: 1, postId: s.medical.id },
        { basis: 'staff_shift', quantity: 2, postId: s.medical.id },
      ]),
    );
    expect(repeated).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'lines.1.basis': 'duplicate' },
    });

    const other = buildSite(s.desk.t.ctx, [{ level: 1, rooms: [] }], '另一隔离点', 'Q');
    const foreign = await s.desk.call('posts.create', {
      siteId: other.siteId,
      name: '门岗',
      roles: ['security'],
      headCount: 1,
    });
    expect(
      errorOf(await set([{ basis: 'staff_shift', quantity: 1, postId: foreign.id }])),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { 'lines.0.postId': 'invalid_value' } });
    expect(
      errorOf(await set([{ basis: 'resident_day', quantity: 1, role: 'nurse' }])).fields,
    ).toEqual({ 'lines.0.basis': 'shift_scope_only' });
    expect(
      errorOf(
        await set([{ basis: 'staff_shift', quantity: 1, role: 'nurse', postId: s.medical.id }]),
      ).fields,
    ).toEqual({ 'lines.0.role': 'post_or_role' });
    expect(errorOf(await set([{ basis: 'room_day', quantity: 0.125 }])).fields).toEqual({
      'lines.0.quantity': 'two_decimals',
    });
    expect(stored()).toBe(0);
  });

  it('keeps another site’s post lines when this site replaces its own, and refuses an archived item', async () => {
    const other = buildSite(s.desk.t.ctx, [{ level: 1, rooms: [] }], '另一隔离点', 'Q');
    const theirs = await s.desk.call('posts.create', {
      siteId: other.siteId,
      name: '医疗点',
      roles: ['doctor'],
      headCount: 1,
    });
    await s.desk.call('supply.setNorms', {
      siteId: other.siteId,
      itemId: s.suits.id,
      lines: [{ basis: 'staff_shift', quantity: 2, postId: theirs.id }],
    });
    await s.desk.call('supply.setNorms', {
      siteId: s.siteId,
      itemId: s.suits.id,
      lines: [{ basis: 'staff_shift', quantity: 1, postId: s.medical.id }],
    });
    expect((await normOf(s.suits.id)).lines).toEqual([
      { basis: 'staff_shift', quantity: 1, postId: s.medical.id },
    ]);
    const theirNorms = await s.desk.call('supply.norms', { siteId: other.siteId });
    expect(theirNorms.find((n) => n.itemId === s.suits.id)!.lines).toEqual([
      { basis: 'staff_shift', quantity: 2, postId: theirs.id },
    ]);

    await s.desk.call('stock.archiveItem', { id: s.gloves.id });
    expect(
      errorOf(
        await s.desk.invoke('supply.setNorms', {
          siteId: s.siteId,
          itemId: s.gloves.id,
          lines: [{ basis: 'staff_shift', quantity: 2 }],
        }),
      ).code,
    ).toBe('RETIRED');
  });

  it('is read by every stock role and changed only by those who manage stock', async () => {
    const { deskOver } = await import('../testing/peopleTesting');
    const viewer = deskOver(s.desk.t, ['viewer'], 'viewer');
    expect((await viewer.call('supply.norms', { siteId: s.siteId })).length).toBeGreaterThan(0);
    expect(
      errorOf(
        await viewer.invoke('supply.setNorms', { siteId: s.siteId, itemId: s.masks.id, lines: [] }),
      ).code,
    ).toBe('FORBIDDEN');
  });
});
