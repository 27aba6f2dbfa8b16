import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalBatch, BatchMember } from '../../shared/people';
import type { ResidentView } from '../../shared/residents';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  deskOver,
  makeDesk,
  occupancyViolations,
  person,
  snapshot,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';

/**
 * Floor 1: P-101 (1 bed), P-102 (2), P-103 (family of 4); floor 2: P-201 (1), P-202 (2).
 * Check-ins happen on 29 November 2026 (site day), 14 days of observation → 13 December.
 */
describe('residents, person history, prints (through the router)', () => {
  let desk: Desk;
  let site: BuiltSite;
  let batch: ArrivalBatch;
  const room = (n: string) => site.rooms[n]!;

  const checkIn = (placements: [PersonPayload, string][]): Promise<BatchMember[]> =>
    checkInto(desk, batch.id, site, placements);
  const list = (
    view: ResidentView,
    extra: { search?: string; sort?: 'room' | 'observation_end' | 'check_in' } = {},
  ) => desk.call('residents.page', { siteId: site.siteId, view, ...extra });
  const names = async (view: ResidentView, extra: Parameters<typeof list>[1] = {}) =>
    (await list(view, extra)).rows.map((r) => r.fullName);

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 2, type: 'double' },
          { number: 'P-103', capacity: 4, type: 'family' },
        ],
      },
      {
        level: 2,
        rooms: [
          { number: 'P-201', capacity: 1, type: 'single' },
          { number: 'P-202', capacity: 2, type: 'double' },
        ],
      },
    ]);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '火车站大巴 14:20',
      arrivedAt: TEST_NOW.toISOString(),
    });
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
      expect(occupancyViolations(desk.t.ctx.db)).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  describe('residents.page', () => {
    it('lists the residents by room with masked numbers, days left and derived flags', async () => {
      await checkIn([
        [person({ fullName: '张伟', birthDate: '1950-03-01' }), 'P-201'],
        [person({ fullName: '李娜', gender: 'female', household: 'L' }), 'P-102'],
        [person({ fullName: '王芳', gender: 'female', household: 'L' }), 'P-102'],
      ]);
      const page = await list('in_residence');
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => [r.roomNumber, r.fullName])).toEqual([
        ['P-102', '李娜'],
        ['P-102', '王芳'],
        ['P-201', '张伟'],
      ]);
      const zhang = page.rows[2]!;
      expect(zhang).toMatchObject({
        status: 'active',
        age: 76,
        vulnerable: ['elderly'],
        observationEnd: '2026-12-13',
        daysLeft: 14,
      });
      expect(zhang.documentMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(JSON.stringify(page)).not.toMatch(/\d{17}[\dX]/);
    });

    it('finds people by part of the name, the room label, or the visible ends of the masked number', async () => {
      const [, b] = await checkIn([
        [person({ fullName: '张伟' }), 'P-101'],
        [person({ fullName: '张小燕', gender: 'female' }), 'P-201'],
      ]);
      await checkIn([[person({ fullName: '陈静', gender: 'female' }), 'P-202']]);
      expect(await names('in_residence', { search: '张' })).toEqual(['张伟', '张小燕']);
      expect(await names('in_residence', { search: 'p-20' })).toEqual(['张小燕', '陈静']);
      const masked = (await list('in_residence')).rows.find(
        (r) => r.stayId === b!.stayId,
      )!.documentMasked;
      expect(await names('in_residence', { search: masked })).toEqual(['张小燕']);
      expect(await names('in_residence', { search: masked.slice(-4).toLowerCase() })).toEqual([
        '张小燕',
      ]);
      // LIKE wildcards typed by the user match themselves only.
      expect(await names('in_residence', { search: '%' })).toEqual([]);
      expect(await names('in_residence', { search: '_' })).toEqual([]);
    });

    it('shows who is due today (or overdue) and tomorrow, following extensions', async () => {
      const [early] = await checkIn([
        [person({ fullName: '早', lastExposureDate: '2026-11-15' }), 'P-101'],
        [person({ fullName: '明', lastExposureDate: '2026-11-16' }), 'P-201'],
        [person({ fullName: '晚' }), 'P-202'],
      ]);
      expect(await names('due_today')).toEqual(['早']);
      expect(await names('due_tomorrow')).toEqual(['明']);
      await desk.call('stays.extend', { id: early!.stayId, days: 1, reason: '复核' });
      expect(await names('due_today')).toEqual([]);
      expect(await names('due_tomorrow', { sort: 'observation_end' })).toEqual(['早', '明']);
    });

    it('lists the departed with how they left, and no longer lists them as residents', async () => {
      const [a, b] = await checkIn([
        [person({ fullName: '出院' }), 'P-101'],
        [person({ fullName: '转运' }), 'P-201'],
      ]);
      await desk.call('stays.checkOut', { id: a!.stayId, kind: 'release' });
      await desk.call('stays.checkOut', {
        id: b!.stayId,
        kind: 'transfer',
        hospital: '南通市第三人民医院',
      });
      expect(await names('in_residence')).toEqual([]);
      const departed = await list('departed');
      expect(departed.rows.map((r) => [r.fullName, r.status, r.checkoutKind, r.daysLeft])).toEqual([
        ['出院', 'released', 'release', null],
        ['转运', 'transferred', 'transfer', null],
      ]);
    });

    it('pages by keyset: every resident exactly once, in order, in both directions', async () => {
      const placements: [PersonPayload, string][] = [];
      for (const n of ['P-103', 'P-103', 'P-103', 'P-103', 'P-102', 'P-102', 'P-202'])
        placements.push([person({ household: n === 'P-202' ? undefined : n }), n]);
      await checkIn(placements.filter(([, n]) => n === 'P-103'));
      await checkIn(placements.filter(([, n]) => n === 'P-102'));
      await checkIn(placements.filter(([, n]) => n === 'P-202'));
      for (const direction of ['asc', 'desc'] as const) {
        const all = (
          await desk.call('residents.page', { siteId: site.siteId, direction, limit: 100 })
        ).rows.map((r) => r.stayId);
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await desk.call('residents.page', {
            siteId: site.siteId,
            direction,
            limit: 3,
            ...(cursor ? { cursor } : {}),
          });
          expect(page.total).toBe(7);
          seen.push(...page.rows.map((r) => r.stayId));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(all);
        expect(new Set(seen).size).toBe(7);
      }
      const bad = errorOf(
        await desk.invoke('residents.page', { siteId: site.siteId, cursor: 'not-a-cursor' }),
      );
      expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: { cursor: 'invalid' } });
    });

    it('keeps sites apart, and lists a registration that never checked in as departed once closed', async () => {
      const other = buildSite(
        desk.t.ctx,
        [{ level: 1, rooms: [{ number: 'Q-101', capacity: 1, type: 'single' }] }],
        'Other',
        'Q',
      );
      await checkIn([[person({ fullName: '本点' }), 'P-101']]);
      const [waiting] = await desk
        .call('arrivals.register', {
          batchId: batch.id,
          people: [person({ fullName: '未到' })],
        })
        .then((ms) => ms.filter((m) => m.status === 'registered'));
      expect(
        (await desk.call('residents.page', { siteId: other.siteId })).total,
        'nobody at the other site',
      ).toBe(0);
      await desk.call('stays.cancel', { id: waiting!.stayId, reason: '未到达，已由社区居家隔离' });
      expect(await names('departed')).toEqual(['未到']);
      expect((await list('departed')).rows[0]).toMatchObject({
        roomNumber: null,
        checkoutKind: 'other',
      });
    });
  });

  describe('stays.cancel', () => {
    it('closes a registration with its reason; the person may be registered again', async () => {
      const spec = person({ fullName: '重复' });
      const [m] = await desk.call('arrivals.register', { batchId: batch.id, people: [spec] });
      const closed = await desk.call('stays.cancel', { id: m!.stayId, reason: '未到达' });
      expect(closed).toMatchObject({
        status: 'checked_out',
        checkoutKind: 'other',
        checkoutReason: '未到达',
        roomId: null,
      });
      const again = await desk.call('arrivals.register', { batchId: batch.id, people: [spec] });
      expect(again.filter((x) => x.status === 'registered')).toHaveLength(1);
    });

    it('refuses a stay already checked in (use check-out), changing nothing', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      const before = snapshot(desk.t.ctx.db);
      const error = errorOf(await desk.invoke('stays.cancel', { id: m!.stayId, reason: 'x' }));
      expect(error.code).toBe('STAY_NOT_OPEN');
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    });

    it('needs a reason', async () => {
      const [m] = await desk.call('arrivals.register', { batchId: batch.id, people: [person()] });
      const error = errorOf(await desk.invoke('stays.cancel', { id: m!.stayId, reason: '  ' }));
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { reason: expect.any(String) },
      });
    });
  });

  describe('people.history', () => {
    it('tells the whole story: check-in, move, extension, release, then a second stay', async () => {
      const spec = person({ fullName: '赵磊', birthDate: '2015-06-01', gender: 'male' });
      const [m] = await checkIn([[spec, 'P-101']]);
      await desk.call('stays.move', { id: m!.stayId, roomId: room('P-201'), reason: '空调故障' });
      await desk.call('stays.extend', { id: m!.stayId, days: 3, reason: '复检' });
      await desk.call('stays.checkOut', { id: m!.stayId, kind: 'release' });
      await desk.call('rooms.disinfect', {
        roomId: room('P-101'),
        operator: '王师傅',
        performedAt: '2026-11-29T17:00:00+08:00',
        agent: '含氯消毒剂',
        concentration: '500 mg/L',
      });
      const [second] = await checkIn([[spec, 'P-101']]);
      const history = await desk.call('people.history', { personId: m!.personId });
      expect(history.person).toMatchObject({
        fullName: '赵磊',
        age: 11,
        vulnerable: ['child'],
        category: 'close_contact',
      });
      expect(history.person.documentMasked).toMatch(/\*{10}/);
      expect(history.person.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
      expect(history.stays.map((s) => [s.id, s.status, s.roomNumber])).toEqual([
        [second!.stayId, 'active', 'P-101'],
        [m!.stayId, 'released', 'P-201'],
      ]);
      const first = history.stays[1]!;
      expect(first).toMatchObject({ batchLabel: '火车站大巴 14:20', observationDays: 17 });
      expect(first.events.map((e) => [e.kind, e.fromRoom, e.toRoom, e.days, e.reason])).toEqual([
        ['check_in', null, 'P-101', null, null],
        ['move', 'P-101', 'P-201', null, '空调故障'],
        ['extend', null, null, 3, '复检'],
        ['check_out', 'P-201', null, null, null],
      ]);
      expect(JSON.stringify(history)).not.toContain(spec.documentNumber);
    });

    it('answers NOT_FOUND for an unknown person', async () => {
      expect(errorOf(await desk.invoke('people.history', { personId: 999 })).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('people.reveal', () => {
    it('shows the full numbers to a coordinator and writes an audit row without them', async () => {
      const notes = '家属电话 138-1234-5678，邻居 139 1234 5678';
      const spec = person({ notes, emergencyContact: '王五 +86 150-0000-1111' });
      const [m] = await checkIn([[spec, 'P-101']]);
      // The page shows the numbers inside free text masked, whoever looks.
      const { person: shown } = await desk.call('people.history', { personId: m!.personId });
      expect(shown.notes).toBe('家属电话 138-****-5678，邻居 139 **** 5678');
      expect(shown.emergencyContact).toBe('王五 +86 150-****-1111');
      const before = lastAuditId(desk.t);
      expect(await desk.call('people.reveal', { personId: m!.personId })).toEqual({
        documentNumber: spec.documentNumber,
        phone: spec.phone,
        emergencyPhone: '',
        notes,
        emergencyContact: '王五 +86 150-0000-1111',
      });
      const audit = auditRows(desk.t, before);
      expect(audit.map((a) => [a.method, a.entity, a.entity_id])).toEqual([
        ['people.reveal', 'person', m!.personId],
      ]);
      expect(JSON.stringify(audit)).not.toContain(spec.documentNumber);
      expect(JSON.stringify(audit)).not.toContain('1234-5678');
    });

    it('is refused to a doctor or a viewer, and the refusal is audited', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      for (const role of ['medical', 'viewer'] as const) {
        const other = deskOver(desk.t, [role], role);
        const error = errorOf(await other.invoke('people.reveal', { personId: m!.personId }));
        expect(error.code).toBe('FORBIDDEN');
        expect(auditRows(desk.t).at(-1)).toMatchObject({
          method: 'people.reveal',
          outcome: 'denied',
        });
      }
    });
  });

  describe('prints.releaseNotice', () => {
    it('prepares the notice on the day observation ends, and after the release', async () => {
      const spec = person({ fullName: '孙丽', gender: 'female', lastExposureDate: '2026-11-15' });
      const [m] = await checkIn([[spec, 'P-101']]);
      const notice = await desk.call('prints.releaseNotice', { stayId: m!.stayId });
      expect(notice).toMatchObject({
        siteName: 'Test site',
        fullName: '孙丽',
        gender: 'female',
        roomNumber: 'P-101',
        observationEnd: '2026-11-29',
        releasedAt: null,
        documentNumber: spec.documentNumber,
        documentRevealed: true,
      });
      await desk.call('stays.checkOut', { id: m!.stayId, kind: 'release' });
      const after = await desk.call('prints.releaseNotice', { stayId: m!.stayId });
      expect(after.releasedAt).toBe(TEST_NOW.toISOString());
      expect(auditRows(desk.t).filter((a) => a.method === 'prints.releaseNotice')).toHaveLength(2);
    });

    it('masks the number for a doctor, who may print it too', async () => {
      const spec = person({ lastExposureDate: '2026-11-10' });
      const [m] = await checkIn([[spec, 'P-101']]);
      const doctor = deskOver(desk.t, ['medical'], 'doctor');
      const notice = await doctor.call('prints.releaseNotice', { stayId: m!.stayId });
      expect(notice.documentRevealed).toBe(false);
      expect(notice.documentNumber).toMatch(/\*{10}/);
      expect(notice.documentNumber).not.toBe(spec.documentNumber);
    });

    it('refuses a stay still in observation, a transfer and a registration (NOT_RELEASABLE / NOT_FOUND)', async () => {
      const [inObservation, transferred] = await checkIn([
        [person(), 'P-101'],
        [person(), 'P-201'],
      ]);
      await desk.call('stays.checkOut', {
        id: transferred!.stayId,
        kind: 'transfer',
        hospital: '定点医院',
      });
      for (const stay of [inObservation!, transferred!]) {
        const error = errorOf(await desk.invoke('prints.releaseNotice', { stayId: stay.stayId }));
        expect(error.code).toBe('NOT_RELEASABLE');
      }
      const [registered] = (
        await desk.call('arrivals.register', { batchId: batch.id, people: [person()] })
      ).filter((x) => x.status === 'registered');
      expect(
        errorOf(await desk.invoke('prints.releaseNotice', { stayId: registered!.stayId })).code,
      ).toBe('NOT_FOUND');
    });
  });

  describe('prints.occupancy', () => {
    it('lists a building floor by floor, room by room, with totals', async () => {
      await checkIn([
        [person({ fullName: '甲' }), 'P-101'],
        [person({ fullName: '乙', gender: 'female', household: 'Y' }), 'P-202'],
        [person({ fullName: '丙', gender: 'female', household: 'Y' }), 'P-202'],
      ]);
      const list = await desk.call('prints.occupancy', { buildingId: site.buildingId });
      expect(list).toMatchObject({
        siteName: 'Test site',
        buildingCode: 'P',
        occupants: 3,
        capacity: 10,
      });
      expect(
        list.floors.map((f) => [
          f.level,
          f.rooms.map((r) => [r.number, r.occupants.map((o) => o.fullName)]),
        ]),
      ).toEqual([
        [
          1,
          [
            ['P-101', ['甲']],
            ['P-102', []],
            ['P-103', []],
          ],
        ],
        [
          2,
          [
            ['P-201', []],
            ['P-202', ['乙', '丙']],
          ],
        ],
      ]);
      const floor2 = await desk.call('prints.occupancy', {
        buildingId: site.buildingId,
        floorId: site.floorIds[1]!,
      });
      expect(floor2.floors.map((f) => f.level)).toEqual([2]);
      expect(floor2.occupants).toBe(2);
    });

    it('refuses a floor of another building', async () => {
      const other = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }], 'Other', 'Q');
      const error = errorOf(
        await desk.invoke('prints.occupancy', {
          buildingId: site.buildingId,
          floorId: other.floorIds[0]!,
        }),
      );
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { floorId: 'invalid' } });
    });
  });
});
