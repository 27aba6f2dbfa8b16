import { beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { healthDeskPerTest } from '../testing/healthTesting';
import { person, rows, snapshot, type Desk } from '../testing/peopleTesting';

describe('health: transfer (through the router)', () => {
  const f = healthDeskPerTest();
  const { checkIn, record, openCases, minutesLater } = f;
  let desk: Desk;
  beforeEach(() => {
    ({ desk } = f);
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
        reason: null,
        reasonCode: 'roommate_transferred',
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
});
