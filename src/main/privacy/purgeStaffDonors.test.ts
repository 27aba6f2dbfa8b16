import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURGE_PHRASES } from '../../shared/privacy';
import {
  buildSite,
  makeDesk,
  setDeskClock,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { REDACTED } from './auditRedaction';

/** Staff and donors are people too: their contact details go once they are long gone. */
describe('purge of staff phones, staff time off and individual donors’ contacts', () => {
  let desk: Desk;
  let site: BuiltSite;
  const at = (iso: string) => setDeskClock(desk, iso);
  const row = (sql: string, id: number) => desk.t.ctx.db.prepare(sql).get(id);
  let gone: number;
  let working: number;
  let citizen: number;
  let company: number;

  beforeEach(async () => {
    desk = makeDesk();
    at('2026-09-01T02:00:00Z');
    site = buildSite(desk.t.ctx, [
      { level: 1, rooms: [{ number: 'P-101', capacity: 1, type: 'single' }] },
    ]);
    gone = (
      await desk.call('staff.create', { fullName: '赵离岗', role: 'nurse', phone: '13611112222' })
    ).id;
    working = (
      await desk.call('staff.create', { fullName: '钱在岗', role: 'nurse', phone: '13633334444' })
    ).id;
    await desk.call('staff.addUnavailability', {
      staffId: working,
      startsAt: '2026-09-02T00:00:00Z',
      endsAt: '2026-09-05T00:00:00Z',
      reason: '居家隔离',
    });
    await desk.call('staff.setActive', { id: gone, active: false });
    const item = await desk.call('stock.createItem', {
      name: '口罩',
      category: 'ppe',
      baseUnit: '只',
    });
    const receive = (party: { kind: 'individual' | 'company'; name: string; phone: string }) =>
      desk.call('stock.receive', {
        siteId: site.siteId,
        occurredAt: desk.tr.clock.now.toISOString(),
        source: 'donation',
        party: { ...party, contact: party.name },
        lines: [{ itemId: item.id, quantity: 100, unit: '只' }],
      });
    const citizenDoc = await receive({ kind: 'individual', name: '孙市民', phone: '13755556666' });
    const companyDoc = await receive({ kind: 'company', name: '某某公司', phone: '051388889999' });
    citizen = (
      desk.t.ctx.db
        .prepare('SELECT party_id FROM stock_documents WHERE id = ?')
        .get(citizenDoc.id) as { party_id: number }
    ).party_id;
    company = (
      desk.t.ctx.db
        .prepare('SELECT party_id FROM stock_documents WHERE id = ?')
        .get(companyDoc.id) as { party_id: number }
    ).party_id;
    at(TEST_NOW.toISOString());
  });
  afterEach(() => desk.t.close());

  it('erases the phone of inactive staff and individual donors, deletes past time off, keeps the rest', async () => {
    const preview = await desk.call('privacy.purgePreview', {});
    expect(preview.counts).toMatchObject({
      people: 0,
      staffPhones: 1,
      staffUnavailability: 1,
      donorContacts: 1,
    });
    await desk.call('privacy.purge', { cutoffDay: preview.cutoffDay, phrase: PURGE_PHRASES.en });

    expect(row('SELECT full_name, phone FROM staff WHERE id = ?', gone)).toEqual({
      full_name: '赵离岗',
      phone: '',
    });
    expect(row('SELECT phone FROM staff WHERE id = ?', working)).toEqual({ phone: '13633334444' });
    expect(desk.t.ctx.db.prepare('SELECT count(*) FROM staff_unavailability').pluck().get()).toBe(
      0,
    );
    // The donation register keeps the donor's name; the contact details go.
    expect(row('SELECT name, contact, phone FROM stock_parties WHERE id = ?', citizen)).toEqual({
      name: '孙市民',
      contact: '',
      phone: '',
    });
    expect(row('SELECT phone FROM stock_parties WHERE id = ?', company)).toEqual({
      phone: '051388889999',
    });

    // In the audit trail only those fields are redacted: the staff member's name stays.
    const staffCreated = JSON.parse(
      desk.t.ctx.db
        .prepare(
          "SELECT changes FROM audit_log WHERE entity = 'staff' AND entity_id = ? AND detail = 'insert'",
        )
        .pluck()
        .get(gone) as string,
    ) as Record<string, [unknown, unknown]>;
    expect(staffCreated.full_name).toEqual([null, '赵离岗']);
    expect(staffCreated.phone).toEqual([null, REDACTED]);
    const timeOff = desk.t.ctx.db
      .prepare("SELECT changes FROM audit_log WHERE entity = 'staff_unavailability'")
      .pluck()
      .all() as string[];
    expect(timeOff.join()).not.toContain('居家隔离');
    expect(await desk.call('audit.verify', {})).toMatchObject({ ok: true });

    // The append-only guard is back in place after the purge.
    expect(() =>
      desk.t.ctx.db.prepare("UPDATE audit_log SET detail = 'x' WHERE id = 1").run(),
    ).toThrow(/append-only/);
  });
});
