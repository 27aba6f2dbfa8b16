import { beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { DAY, LATE_ROUND, healthDeskPerTest } from '../testing/healthTesting';
import { person, snapshot, type Desk } from '../testing/peopleTesting';

describe('health: fever (through the router)', () => {
  const f = healthDeskPerTest();
  const { checkIn, record, openCases, minutesLater } = f;
  let desk: Desk;
  beforeEach(() => {
    ({ desk } = f);
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
            expectedVersion: 0,
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
});
