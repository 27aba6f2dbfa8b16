import { beforeEach, describe, expect, it } from 'vitest';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { DAY, LATE_ROUND, healthDeskPerTest } from '../testing/healthTesting';
import { deskOver, person, rows, snapshot, type Desk } from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';

describe('health: readings (through the router)', () => {
  const f = healthDeskPerTest();
  const { checkIn, record, minutesLater } = f;
  let desk: Desk;
  beforeEach(() => {
    ({ desk } = f);
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
        expectedVersion: 0,
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
        expectedVersion: first.version,
      });
      expect(corrected).toMatchObject({
        id: first.id,
        temperatureTenths: 368,
        symptoms: [],
        version: first.version + 1,
      });
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
            expectedVersion: 0,
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
            expectedVersion: 0,
          })
        ).ok,
      ).toBe(true);
    });
  });
});
