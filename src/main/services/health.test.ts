import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalBatch, BatchMember } from '../../shared/people';
import type { SessionHandle } from '../accounts/sessionStore';
import { auditRows, errorOf, lastAuditId, sessionFor } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  deskOver,
  makeDesk,
  occupancyViolations,
  person,
  rows,
  snapshot,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { temperatureTenths } from './temperature';
import { DomainError } from './errors';

/**
 * TEST_NOW is 29 November 2026 08:00 UTC = 16:00 at the site. Default rounds: 08:00 (closed at
 * 10:00) and 15:00 (open until 17:00). People check in at 16:00, so the 15:00 round is theirs.
 * Floor 1: P-101 (1 bed), P-102 (1), P-103 (family of 4); floor 2: P-201 (1).
 */
const DAY = '2026-11-29';
const LATE_ROUND = 1;

describe('health: rounds, readings, fever, transfer (through the router)', () => {
  let desk: Desk;
  let site: BuiltSite;
  let batch: ArrivalBatch;
  const checkIn = (placements: [PersonPayload, string][]): Promise<BatchMember[]> =>
    checkInto(desk, batch.id, site, placements);
  const record = (
    stayId: number,
    temperature: number,
    extra: { slot?: number; day?: string } = {},
  ) =>
    desk.invoke('readings.record', {
      stayId,
      day: extra.day ?? DAY,
      slot: extra.slot ?? LATE_ROUND,
      temperature,
      symptoms: [],
    });
  const sheet = (extra: { floorId?: number; slot?: number } = {}) =>
    desk.call('rounds.sheet', { siteId: site.siteId, day: DAY, slot: LATE_ROUND, ...extra });
  const openCases = () => desk.call('fever.list', { siteId: site.siteId });
  /** Moves the clock by minutes; returns a fresh session (the old one may have gone idle). */
  const minutesLater = (minutes: number): SessionHandle => {
    desk.tr.clock.now = new Date(desk.tr.clock.now.getTime() + minutes * 60_000);
    desk.t.ctx.now = () => new Date(desk.tr.clock.now);
    desk.handle = sessionFor(desk.tr, desk.userId);
    return desk.handle;
  };

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 1, type: 'single' },
          { number: 'P-103', capacity: 4, type: 'family' },
        ],
      },
      { level: 2, rooms: [{ number: 'P-201', capacity: 1, type: 'single' }] },
    ]);
    batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
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

  describe('temperatureTenths', () => {
    it('takes one decimal in 34.0–42.5 and suggests what 373 or 3.73 meant', () => {
      expect(temperatureTenths(36.5)).toBe(365);
      expect(temperatureTenths(34)).toBe(340);
      expect(temperatureTenths(42.5)).toBe(425);
      const refusal = (t: number) => {
        try {
          temperatureTenths(t);
        } catch (e) {
          if (e instanceof DomainError)
            return { code: e.code, hint: e.params?.hint, fields: e.fields };
        }
        return null;
      };
      expect(refusal(373)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '37.3' });
      expect(refusal(3.73)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '37.3' });
      expect(refusal(33.9)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE', hint: '' });
      expect(refusal(42.6)).toMatchObject({ code: 'TEMPERATURE_OUT_OF_RANGE' });
      expect(refusal(37.35)).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { temperature: 'one_decimal' },
      });
    });
  });

  describe('round sheet', () => {
    it('lists who the round concerns in room order, and who is still to be measured', async () => {
      await checkIn([
        [person({ fullName: '二楼' }), 'P-201'],
        [person({ fullName: '一楼' }), 'P-101'],
      ]);
      const late = await sheet();
      expect(late.round).toMatchObject({
        day: DAY,
        slot: 1,
        time: '15:00',
        startsAt: '2026-11-29T07:00:00.000Z',
        closesAt: '2026-11-29T09:00:00.000Z',
        closed: false,
      });
      expect(late.rows.map((r) => [r.roomNumber, r.fullName, r.reading])).toEqual([
        ['P-101', '一楼', null],
        ['P-201', '二楼', null],
      ]);
      expect(late).toMatchObject({ expected: 2, recorded: 0, missing: 2, fevers: 0 });
      // They arrived after the morning round closed: it does not concern them.
      expect((await sheet({ slot: 0 })).expected).toBe(0);
      expect((await sheet({ floorId: site.floorIds[1]! })).rows.map((r) => r.fullName)).toEqual([
        '二楼',
      ]);
    });

    it('counts the missed once the round closes, in the day summary too', async () => {
      const [a] = await checkIn([
        [person({ fullName: '量了' }), 'P-101'],
        [person({ fullName: '漏了' }), 'P-102'],
      ]);
      expect((await record(a!.stayId, 36.6)).ok).toBe(true);
      minutesLater(90); // 17:30 at the site
      const late = await sheet();
      expect(late.round.closed).toBe(true);
      expect(late).toMatchObject({ expected: 2, recorded: 1, missing: 1 });
      expect(late.rows.find((r) => r.reading === null)?.fullName).toBe('漏了');
      const summary = await desk.call('rounds.summary', { siteId: site.siteId, day: DAY });
      expect(summary.map((s) => [s.time, s.expected, s.recorded, s.missing, s.closed])).toEqual([
        ['08:00', 0, 0, 0, true],
        ['15:00', 2, 1, 1, true],
      ]);
    });

    it('refuses a round the settings do not have', async () => {
      const error = errorOf(
        await desk.invoke('rounds.sheet', { siteId: site.siteId, day: DAY, slot: 2 }),
      );
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { slot: 'no_such_round' } });
    });
  });

  describe('readings', () => {
    it('saves who and when; a correction updates the reading and the audit keeps the old value', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      const first = await desk.call('readings.record', {
        stayId: m!.stayId,
        day: DAY,
        slot: LATE_ROUND,
        temperature: 36.4,
        symptoms: ['cough', 'cough', 'fatigue'],
      });
      expect(first).toMatchObject({
        kind: 'round',
        temperatureTenths: 364,
        symptoms: ['cough', 'fatigue'],
        recordedBy: 'chief',
        recordedAt: TEST_NOW.toISOString(),
        fever: false,
      });
      const before = lastAuditId(desk.t);
      minutesLater(5);
      const corrected = await desk.call('readings.record', {
        stayId: m!.stayId,
        day: DAY,
        slot: LATE_ROUND,
        temperature: 36.8,
      });
      expect(corrected).toMatchObject({ id: first.id, temperatureTenths: 368, symptoms: [] });
      const audit = auditRows(desk.t, before).filter((a) => a.entity === 'reading');
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.changes)).toMatchObject({ temperature_tenths: [364, 368] });
      expect(rows(desk.t.ctx.db, 'SELECT count(*) AS n FROM readings')).toEqual([{ n: 1 }]);
    });

    it('refuses 373 with the hint, and writes nothing', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      const before = snapshot(desk.t.ctx.db);
      const error = errorOf(await record(m!.stayId, 373));
      expect(error).toMatchObject({
        code: 'TEMPERATURE_OUT_OF_RANGE',
        params: { hint: '37.3', min: '34.0', max: '42.5' },
        fields: { temperature: 'temperature_range' },
      });
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    });

    it('refuses someone who has checked out, a round not yet begun, and a nurse-less viewer', async () => {
      const [gone, here] = await checkIn([
        [person(), 'P-101'],
        [person(), 'P-102'],
      ]);
      await desk.call('stays.checkOut', { id: gone!.stayId, kind: 'release' });
      expect(errorOf(await record(gone!.stayId, 36.5)).code).toBe('STAY_NOT_OPEN');
      const tomorrow = errorOf(await record(here!.stayId, 36.5, { day: '2026-11-30', slot: 0 }));
      expect(tomorrow).toMatchObject({ code: 'ROUND_NOT_STARTED', params: { time: '08:00' } });
      const viewer = deskOver(desk.t, ['viewer'], 'viewer');
      expect(
        errorOf(
          await viewer.invoke('readings.record', {
            stayId: here!.stayId,
            day: DAY,
            slot: LATE_ROUND,
            temperature: 36.5,
          }),
        ).code,
      ).toBe('FORBIDDEN');
      const doctor = deskOver(desk.t, ['medical'], 'doctor');
      expect(
        (
          await doctor.invoke('readings.record', {
            stayId: here!.stayId,
            day: DAY,
            slot: LATE_ROUND,
            temperature: 36.5,
          })
        ).ok,
      ).toBe(true);
    });
  });

  describe('fever', () => {
    it('a reading at the threshold opens one case, due for re-check in 30 minutes', async () => {
      const [m] = await checkIn([[person({ fullName: '发热' }), 'P-101']]);
      expect(
        (
          await desk.call('readings.record', {
            stayId: m!.stayId,
            day: DAY,
            slot: LATE_ROUND,
            temperature: 37.3,
            symptoms: ['cough'],
          })
        ).fever,
      ).toBe(true);
      const [fever] = await openCases();
      expect(fever).toMatchObject({
        fullName: '发热',
        roomNumber: 'P-101',
        status: 'open',
        firstTenths: 373,
        latestTenths: 373,
        symptoms: ['cough'],
        recheckDueAt: '2026-11-29T08:30:00.000Z',
        recheckDue: false,
      });
      // A higher correction does not open a second case.
      await record(m!.stayId, 38.1);
      expect(await openCases()).toHaveLength(1);
      minutesLater(31);
      expect((await openCases())[0]).toMatchObject({ recheckDue: true, latestTenths: 381 });
    });

    it('a normal re-check clears the case; a feverish one keeps it open with the next re-check due', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      await record(m!.stayId, 38.0);
      const [fever] = await openCases();
      minutesLater(30);
      const still = await desk.call('fever.recheck', { caseId: fever!.id, temperature: 37.9 });
      expect(still).toMatchObject({
        status: 'open',
        latestTenths: 379,
        recheckDueAt: '2026-11-29T09:00:00.000Z',
      });
      minutesLater(30);
      const cleared = await desk.call('fever.recheck', { caseId: fever!.id, temperature: 36.9 });
      expect(cleared).toMatchObject({
        status: 'cleared',
        latestTenths: 369,
        note: 'recheck normal',
      });
      expect(await openCases()).toEqual([]);
      expect(
        errorOf(await desk.invoke('fever.recheck', { caseId: fever!.id, temperature: 37 })).code,
      ).toBe('FEVER_CASE_CLOSED');
      expect(
        (await desk.call('readings.ofStay', { stayId: m!.stayId })).map((r) => [
          r.kind,
          r.temperatureTenths,
        ]),
      ).toEqual([
        ['round', 380],
        ['recheck', 379],
        ['recheck', 369],
      ]);
    });

    it('correcting the only fever reading of a case clears it; a release waits while a case is open', async () => {
      const [a, b] = await checkIn([
        [person(), 'P-101'],
        [person(), 'P-102'],
      ]);
      await record(a!.stayId, 37.8);
      await record(a!.stayId, 36.8);
      expect(await openCases()).toEqual([]);
      await record(b!.stayId, 38.2);
      const before = snapshot(desk.t.ctx.db);
      const refused = errorOf(
        await desk.invoke('stays.checkOut', { id: b!.stayId, kind: 'release' }),
      );
      expect(refused.code).toBe('FEVER_CASE_OPEN');
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    });
  });

  describe('transfer', () => {
    const transferInput = (caseId: number) => ({
      caseId,
      hospital: '南通市第三人民医院',
      departedAt: '2026-11-29T16:40:00+08:00',
      escort: '医生 陈',
      vehicle: '苏F·120救护车',
    });

    it('in one step: the case and stay close, the roommates are flagged and their observation restarts', async () => {
      const family = [
        person({ fullName: '父', household: 'H', lastExposureDate: '2026-11-20' }),
        person({
          fullName: '母',
          household: 'H',
          gender: 'female',
          lastExposureDate: '2026-11-20',
        }),
        person({ fullName: '子', household: 'H', lastExposureDate: '2026-11-20' }),
      ];
      const [father, mother, son] = await checkIn(family.map((p) => [p, 'P-103']));
      await record(father!.stayId, 38.5);
      const [fever] = await openCases();
      minutesLater(40);
      const transfer = await desk.call('fever.transfer', transferInput(fever!.id));
      expect(transfer.roommates).toEqual([
        { stayId: mother!.stayId, fullName: '母', observationRestarted: true },
        { stayId: son!.stayId, fullName: '子', observationRestarted: true },
      ]);
      expect(await desk.call('stays.get', { id: father!.stayId })).toMatchObject({
        status: 'transferred',
        hospital: '南通市第三人民医院',
      });
      expect(await desk.call('stays.get', { id: mother!.stayId })).toMatchObject({
        status: 'active',
        observationEnd: '2026-12-13',
        observationDays: 23,
      });
      expect(await openCases()).toEqual([]);
      expect(rows(desk.t.ctx.db, "SELECT status FROM rooms WHERE number = 'P-103'")).toEqual([
        { status: 'occupied' },
      ]);
      const history = await desk.call('people.history', { personId: mother!.personId });
      expect(history.stays[0]!.events.at(-1)).toMatchObject({
        kind: 'extend',
        days: 9,
        reason: 'roommate transferred to hospital (fever)',
      });
      expect(rows(desk.t.ctx.db, 'SELECT hospital, escort, vehicle FROM transfers')).toEqual([
        { hospital: '南通市第三人民医院', escort: '医生 陈', vehicle: '苏F·120救护车' },
      ]);
    });

    it('empties a single room into awaiting disinfection; with the setting off roommates are only flagged', async () => {
      await desk.call('settings.updateHealth', {
        roundTimes: ['08:00', '15:00'],
        roundWindowMinutes: 120,
        feverThresholdTenths: 373,
        recheckMinutes: 30,
        restartRoommatesObservation: false,
      });
      const [alone] = await checkIn([[person(), 'P-101']]);
      const [a, b] = await checkIn([
        [person({ household: 'K' }), 'P-103'],
        [person({ household: 'K' }), 'P-103'],
      ]);
      await record(alone!.stayId, 39.0);
      await record(a!.stayId, 38.0);
      const cases = await openCases();
      await desk.call(
        'fever.transfer',
        transferInput(cases.find((c) => c.stayId === alone!.stayId)!.id),
      );
      expect(rows(desk.t.ctx.db, "SELECT status FROM rooms WHERE number = 'P-101'")).toEqual([
        { status: 'awaiting_disinfection' },
      ]);
      const t2 = await desk.call(
        'fever.transfer',
        transferInput(cases.find((c) => c.stayId === a!.stayId)!.id),
      );
      expect(t2.roommates).toEqual([
        { stayId: b!.stayId, fullName: expect.any(String), observationRestarted: false },
      ]);
      expect(await desk.call('stays.get', { id: b!.stayId })).toMatchObject({
        observationDays: 14,
      });
    });

    it('refuses a closed case and writes nothing', async () => {
      const [m] = await checkIn([[person(), 'P-101']]);
      await record(m!.stayId, 38.0);
      const [fever] = await openCases();
      await desk.call('fever.recheck', { caseId: fever!.id, temperature: 36.5 });
      const before = snapshot(desk.t.ctx.db);
      expect(errorOf(await desk.invoke('fever.transfer', transferInput(fever!.id))).code).toBe(
        'FEVER_CASE_CLOSED',
      );
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    });
  });

  describe('settings.updateHealth', () => {
    it('keeps rounds in order and within limits', async () => {
      const bad = errorOf(
        await desk.invoke('settings.updateHealth', {
          roundTimes: ['15:00', '08:00'],
          roundWindowMinutes: 120,
          feverThresholdTenths: 373,
          recheckMinutes: 30,
          restartRoommatesObservation: true,
        }),
      );
      expect(bad).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { roundTimes: 'times_in_order' },
      });
      const saved = await desk.call('settings.updateHealth', {
        roundTimes: ['07:30', '12:00', '19:00'],
        roundWindowMinutes: 90,
        feverThresholdTenths: 375,
        recheckMinutes: 60,
        restartRoommatesObservation: true,
      });
      expect(saved).toMatchObject({
        roundTimes: ['07:30', '12:00', '19:00'],
        feverThresholdTenths: 375,
      });
      expect((await desk.call('rounds.summary', { siteId: site.siteId, day: DAY })).length).toBe(3);
    });
  });
});
