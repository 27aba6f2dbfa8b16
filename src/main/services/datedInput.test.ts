import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addYears, businessDateProblem } from '../../shared/businessDates';
import { errorOf } from '../testing/authTesting';
import { buildSite, makeDesk, person, snapshot, type Desk } from '../testing/peopleTesting';

/** TEST_NOW is 29 November 2026 (site day): a year ahead is 29 November 2027. */
const LAST_DAY = '2027-11-29';

describe('business dates: 2000-01-01 … a year from today', () => {
  it('adds years on the calendar and reads instants on the site clock', () => {
    expect(addYears('2026-11-29', 1)).toBe('2027-11-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
    expect(businessDateProblem('2000-01-01', '2026-11-29')).toBeNull();
    expect(businessDateProblem('1999-12-31', '2026-11-29')).toBe('date_before_2000');
    expect(businessDateProblem('2027-11-29', '2026-11-29')).toBeNull();
    expect(businessDateProblem('2027-11-30', '2026-11-29')).toBe('date_too_late');
    // 23:30 UTC on 31 December 1999 is already 1 January 2000 at the site.
    expect(businessDateProblem('1999-12-31T23:30:00Z', '2026-11-29')).toBeNull();
    expect(businessDateProblem('1999-12-31T15:59:00Z', '2026-11-29')).toBe('date_before_2000');
    expect(businessDateProblem('2036-11-29', '2026-11-29', 10)).toBeNull();
  });

  describe('through the router', () => {
    let desk: Desk;
    let siteId: number;
    let roomId: number;
    const state = () => snapshot(desk.t.ctx.db, ['audit_log', 'audit_pending']);

    beforeEach(() => {
      desk = makeDesk();
      const site = buildSite(desk.t.ctx, [
        { level: 1, rooms: [{ number: 'D-101', capacity: 1, type: 'single' }] },
      ]);
      siteId = site.siteId;
      roomId = site.rooms['D-101']!;
    });
    afterEach(() => desk.t.close());

    it('an arrival batch is dated 2000 … a year ahead', async () => {
      const batch = (arrivedAt: string) =>
        desk.invoke('arrivals.create', { siteId, label: '大巴', arrivedAt });
      const before = state();
      expect(errorOf(await batch('1999-12-31T12:00:00+08:00'))).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { arrivedAt: 'date_before_2000' },
      });
      expect(errorOf(await batch('2027-11-30T08:00:00+08:00'))).toMatchObject({
        fields: { arrivedAt: 'date_too_late' },
      });
      expect(state()).toBe(before);
      expect((await batch('2000-01-01T08:00:00+08:00')).ok).toBe(true);
      expect((await batch(`${LAST_DAY}T23:00:00+08:00`)).ok).toBe(true);
    });

    it('an exposure is dated from 2000, a birth from 1900', async () => {
      const batch = await desk.call('arrivals.create', {
        siteId,
        label: '大巴',
        arrivedAt: '2026-11-29T08:00:00+08:00',
      });
      const register = (spec: Parameters<typeof person>[0]) =>
        desk.invoke('arrivals.register', { batchId: batch.id, people: [person(spec)] });
      expect(errorOf(await register({ lastExposureDate: '1999-12-31' })).fields).toEqual({
        'people.0.lastExposureDate': 'date_before_2000',
      });
      expect((await register({ birthDate: '1931-05-01', lastExposureDate: '2026-11-20' })).ok).toBe(
        true,
      );
    });

    it('a disinfection is dated 2000 … a year ahead', async () => {
      const disinfect = (performedAt: string) =>
        desk.invoke('rooms.disinfect', {
          roomId,
          operator: '王师傅',
          performedAt,
          agent: '含氯消毒剂',
          concentration: '500 mg/L',
        });
      expect(errorOf(await disinfect('2062-11-29T10:00:00+08:00')).fields).toEqual({
        performedAt: 'date_too_late',
      });
    });

    it('a roster period and staff time off are dated 2000 … a year ahead', async () => {
      expect(
        errorOf(
          await desk.invoke('roster.createPeriod', {
            siteId,
            startsOn: '2027-11-29',
            endsOn: '2027-12-05',
          }),
        ).fields,
      ).toEqual({ endsOn: 'date_too_late' });
      const staff = await desk.call('staff.create', {
        fullName: '李护士',
        role: 'nurse',
        phone: '13812345678',
      });
      expect(
        errorOf(
          await desk.invoke('staff.addUnavailability', {
            staffId: staff.id,
            startsAt: '1999-12-01T08:00:00+08:00',
            endsAt: '2026-12-01T08:00:00+08:00',
            reason: '休假',
          }),
        ).fields,
      ).toEqual({ startsAt: 'date_before_2000' });
    });

    it('a stock movement is dated 2000 … a year ahead; a lot may expire up to 10 years ahead', async () => {
      const item = await desk.call('stock.createItem', {
        name: '医用口罩',
        category: 'ppe',
        baseUnit: '只',
        tracksLots: true,
      });
      const receive = (occurredAt: string, expiry: string) =>
        desk.invoke('stock.receive', {
          siteId,
          occurredAt,
          source: 'allocation',
          lines: [{ itemId: item.id, quantity: 10, unit: '只', lotCode: 'L1', expiry }],
        });
      const before = state();
      expect(errorOf(await receive('1999-06-01T08:00:00+08:00', '2027-01-01')).fields).toEqual({
        occurredAt: 'date_before_2000',
      });
      expect(errorOf(await receive('2027-12-01T08:00:00+08:00', '2027-01-01')).fields).toEqual({
        occurredAt: 'date_too_late',
      });
      expect(errorOf(await receive('2026-11-29T08:00:00+08:00', '2036-11-30')).fields).toEqual({
        'lines.0.expiry': 'date_too_late',
      });
      expect(errorOf(await receive('2026-11-29T08:00:00+08:00', '1999-01-01')).fields).toEqual({
        'lines.0.expiry': 'date_before_2000',
      });
      expect(state()).toBe(before);
      expect((await receive('2026-11-29T08:00:00+08:00', '2036-11-29')).ok).toBe(true);
      const issue = errorOf(
        await desk.invoke('stock.issue', {
          siteId,
          occurredAt: '2207-11-29T08:00:00+08:00',
          destinationKind: 'floor',
          destination: '一楼',
          lines: [{ itemId: item.id, quantity: 1, unit: '只' }],
        }),
      );
      expect(issue.fields).toEqual({ occurredAt: 'date_too_late' });
    });
  });
});
