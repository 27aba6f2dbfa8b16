import { beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { DAY, healthDeskPerTest } from '../testing/healthTesting';
import { person, type Desk, type BuiltSite } from '../testing/peopleTesting';

describe('health: rounds (through the router)', () => {
  const f = healthDeskPerTest();
  const { checkIn, record, sheet, minutesLater } = f;
  let desk: Desk;
  let site: BuiltSite;
  beforeEach(() => {
    ({ desk, site } = f);
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
