import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalBatch } from '../../shared/people';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import {
  buildSite,
  makeDesk,
  person,
  residentId,
  rows,
  withWrongCheckChar,
  type BuiltSite,
  type Desk,
  type PersonPayload,
} from '../testing/peopleTesting';
import { countRows, TEST_NOW } from '../testing/tempDb';
import { maskIdNumber, maskPhone } from '../services/masking';
import { updateSecuritySettings } from '../accounts/settings';

/** The tables a registration writes. */
const PEOPLE_TABLES = ['people', 'stays', 'stay_events'];

describe('arrivals (through the router)', () => {
  let desk: Desk;
  let site: BuiltSite;
  let batch: ArrivalBatch;

  const newBatch = (label: string) =>
    desk.call('arrivals.create', {
      siteId: site.siteId,
      label,
      arrivedAt: TEST_NOW.toISOString(),
    });
  const register = (people: PersonPayload[], batchId = batch.id) =>
    desk.invoke('arrivals.register', { batchId, people });
  const counts = () =>
    Object.fromEntries(PEOPLE_TABLES.map((table) => [table, countRows(desk.t.ctx, table)]));
  /** Refuses as `code`, and leaves no row anywhere (audit trail included). */
  const expectRefusedWithoutTrace = async (
    call: () => ReturnType<typeof register>,
    code: string,
  ): Promise<ReturnType<typeof errorOf>> => {
    // Before the call: the router runs the handler before its promise is even returned.
    const before = { ...counts(), audit: lastAuditId(desk.t) };
    const error = errorOf(await call());
    expect(error.code).toBe(code);
    expect({ ...counts(), audit: lastAuditId(desk.t) }).toEqual(before);
    return error;
  };
  const checkIn = (stayId: number, room: string, batchId = batch.id) =>
    desk.call('allocation.confirm', { batchId, lines: [{ stayId, roomId: site.rooms[room]! }] });

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'P-101', capacity: 1, type: 'single' },
          { number: 'P-102', capacity: 2, type: 'double' },
        ],
      },
    ]);
    batch = await newBatch('Bus 1');
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  describe('registering', () => {
    it('registers people into a batch and lists them with masked numbers and derived flags', async () => {
      const grandpa = person({
        fullName: '王建国',
        birthDate: '1946-03-08',
        household: '1',
        chronicIllness: true,
      });
      const child = person({
        fullName: '王小明',
        birthDate: '2018-07-01',
        gender: 'female',
        household: '1',
        phone: '',
      });
      const members = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [grandpa, child],
      });
      expect(members).toEqual([
        {
          stayId: expect.any(Number),
          personId: expect.any(Number),
          fullName: '王建国',
          gender: 'male',
          age: 80,
          documentType: 'resident_id',
          documentMasked: maskIdNumber(grandpa.documentNumber),
          phoneMasked: maskPhone(grandpa.phone!),
          category: 'close_contact',
          household: '1',
          vulnerable: ['elderly', 'chronic_illness'],
          status: 'registered',
          roomId: null,
          roomNumber: null,
          lastExposureDate: null,
          checkInWarning: null,
        },
        expect.objectContaining({
          fullName: '王小明',
          gender: 'female',
          age: 8,
          phoneMasked: '',
          vulnerable: ['child'],
          household: '1',
        }),
      ]);
      expect(await desk.call('arrivals.members', { batchId: batch.id })).toEqual(members);
      expect(await desk.call('arrivals.list', { siteId: site.siteId })).toEqual([
        { ...batch, registered: 2, checkedIn: 0 },
      ]);
      // The stay takes the site's observation period at registration.
      expect(rows(desk.t.ctx.db, 'SELECT status, observation_days, room_id FROM stays')).toEqual([
        { status: 'registered', observation_days: 14, room_id: null },
        { status: 'registered', observation_days: 14, room_id: null },
      ]);
    });

    it('is all or nothing: one bad row among five refuses the call, naming row and field', async () => {
      const five = [person(), person(), person(), person(), person()];
      five[3] = { ...five[3]!, documentNumber: withWrongCheckChar(five[3]!.documentNumber) };
      const error = await expectRefusedWithoutTrace(() => register(five), 'INVALID_INPUT');
      expect(error.fields).toEqual({ 'people.3.documentNumber': 'id_check_digit' });
      expect(counts()).toEqual({ people: 0, stays: 0, stay_events: 0 });

      // Rows already written in the call (and an update of someone known) are rolled back too.
      const known = person({ fullName: 'Before' });
      const [stay] = await desk.call('arrivals.register', { batchId: batch.id, people: [known] });
      await checkIn(stay!.stayId, 'P-101');
      await desk.call('stays.checkOut', { id: stay!.stayId, kind: 'release' });
      const next = await newBatch('Bus 2');
      const again = [{ ...known, fullName: 'After' }, ...five.slice(1)];
      await expectRefusedWithoutTrace(() => register(again, next.id), 'INVALID_INPUT');
      expect(rows(desk.t.ctx.db, 'SELECT full_name FROM people')).toEqual([
        { full_name: 'Before' },
      ]);
      five[3] = person();
      expect(await desk.call('arrivals.register', { batchId: next.id, people: five })).toHaveLength(
        5,
      );
    });

    it('refuses a birth date or gender that disagrees with the resident ID', async () => {
      const wrongBirth = { ...person({ birthDate: '1980-05-05' }), birthDate: '1980-05-06' };
      const wrongGender = { ...person({ gender: 'female' }), gender: 'male' as const };
      const error = await expectRefusedWithoutTrace(
        () => register([person(), wrongBirth, wrongGender]),
        'INVALID_INPUT',
      );
      // The first bad row stops the call.
      expect(error.fields).toEqual({ 'people.1.birthDate': 'id_birth_mismatch' });
      const e2 = await expectRefusedWithoutTrace(() => register([wrongGender]), 'INVALID_INPUT');
      expect(e2.fields).toEqual({ 'people.0.gender': 'id_gender_mismatch' });
    });

    it('refuses a birth or an exposure after today (site day), and a birth before 1900', async () => {
      // TEST_NOW is 29 November 2026, 16:00 in Asia/Shanghai: the 29th is today, the 30th is not.
      const born = (birthDate: string) =>
        person({ documentType: 'passport', documentNumber: `E${birthDate}`, birthDate });
      const future = await expectRefusedWithoutTrace(
        () => register([person(), born('2026-11-30')]),
        'INVALID_INPUT',
      );
      expect(future.fields).toEqual({ 'people.1.birthDate': 'date_in_future' });
      const ancient = await expectRefusedWithoutTrace(
        () => register([born('1899-12-31')]),
        'INVALID_INPUT',
      );
      expect(ancient.fields).toEqual({ 'people.0.birthDate': 'date_too_early' });
      const exposure = await expectRefusedWithoutTrace(
        () => register([person({ lastExposureDate: '2026-11-30' })]),
        'INVALID_INPUT',
      );
      expect(exposure.fields).toEqual({ 'people.0.lastExposureDate': 'date_in_future' });
      // Born today and exposed today are both possible.
      const accepted = await register([
        born('2026-11-29'),
        person({ lastExposureDate: '2026-11-29' }),
      ]);
      expect(accepted.ok).toBe(true);
    });

    it('does not checksum passports or permits', async () => {
      const members = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [
          person({
            documentType: 'passport',
            documentNumber: 'e12345678',
            birthDate: '1985-02-03',
          }),
          person({
            documentType: 'hk_macau_permit',
            // A malformed resident ID, but this is a permit.
            documentNumber: withWrongCheckChar(residentId('1990-01-01', 'male', 1)),
            gender: 'female',
          }),
        ],
      });
      expect(members.map((m) => m.documentType)).toEqual(['passport', 'hk_macau_permit']);
      expect(rows(desk.t.ctx.db, 'SELECT document_number FROM people ORDER BY id')).toEqual([
        { document_number: 'E12345678' },
        { document_number: withWrongCheckChar(residentId('1990-01-01', 'male', 1)) },
      ]);
    });

    it('refuses the same document twice in one call (a lower-case x is the same number)', async () => {
      const someone = person();
      const error = await expectRefusedWithoutTrace(
        () => register([someone, person(), { ...someone, fullName: 'Again' }]),
        'DUPLICATE',
      );
      expect(error.fields).toEqual({ 'people.2.documentNumber': 'duplicate' });

      const x = '11010519491231002';
      const upper = person({
        documentNumber: `${x}X`,
        birthDate: '1949-12-31',
        gender: 'female',
      });
      const lower = { ...upper, documentNumber: `${x}x` };
      const e2 = await expectRefusedWithoutTrace(() => register([upper, lower]), 'DUPLICATE');
      expect(e2.fields).toEqual({ 'people.1.documentNumber': 'duplicate' });
      // The same number as a passport is another document.
      expect(
        await desk.call('arrivals.register', {
          batchId: batch.id,
          people: [upper, { ...upper, documentType: 'passport' }],
        }),
      ).toHaveLength(2);
    });

    it('refuses someone with an open stay, naming the batch or the room', async () => {
      const someone = person({ fullName: '李四' });
      const [stay] = await desk.call('arrivals.register', { batchId: batch.id, people: [someone] });
      const next = await newBatch('Bus 2');

      // Registered, not yet in a room: the batch is named.
      const registered = await expectRefusedWithoutTrace(
        () =>
          register(
            [person(), { ...someone, documentNumber: someone.documentNumber.toLowerCase() }],
            next.id,
          ),
        'OPEN_STAY_EXISTS',
      );
      expect(registered.params).toEqual({
        name: '李四',
        room: '',
        batch: 'Bus 1',
        stayId: stay!.stayId,
      });
      expect(registered.fields).toEqual({ 'people.1.documentNumber': 'open_stay' });

      // Checked in: the room is named.
      await checkIn(stay!.stayId, 'P-101');
      const active = await expectRefusedWithoutTrace(
        () => register([someone], next.id),
        'OPEN_STAY_EXISTS',
      );
      expect(active.params).toMatchObject({ room: 'P-101', batch: 'Bus 1', stayId: stay!.stayId });
      expect(await desk.call('arrivals.members', { batchId: next.id })).toEqual([]);
    });

    it('registers a released person again: a new stay for the same person, details refreshed', async () => {
      const someone = person({ fullName: '张三', phone: '13900000001' });
      const [first] = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [someone],
      });
      await checkIn(first!.stayId, 'P-101');
      await desk.call('stays.checkOut', { id: first!.stayId, kind: 'release' });

      const next = await newBatch('Bus 2');
      const [second] = await desk.call('arrivals.register', {
        batchId: next.id,
        people: [{ ...someone, phone: '13900000002', category: 'secondary_contact' }],
      });
      expect(second!.personId).toBe(first!.personId);
      expect(second!.stayId).not.toBe(first!.stayId);
      expect(second).toMatchObject({ status: 'registered', category: 'secondary_contact' });
      expect(countRows(desk.t.ctx, 'people')).toBe(1);
      expect(
        rows(
          desk.t.ctx.db,
          'SELECT batch_id, status FROM stays WHERE person_id = ? ORDER BY id',
          first!.personId,
        ),
      ).toEqual([
        { batch_id: batch.id, status: 'released' },
        { batch_id: next.id, status: 'registered' },
      ]);
      expect(rows(desk.t.ctx.db, 'SELECT phone FROM people')).toEqual([{ phone: '13900000002' }]);
    });

    it('refuses an unknown batch', async () => {
      const error = await expectRefusedWithoutTrace(() => register([person()], 999), 'NOT_FOUND');
      expect(error.params).toMatchObject({ entity: 'arrival_batch', id: 999 });
    });
  });

  describe('vulnerable flags', () => {
    it('derives elderly (65 and over), child (under 14) and the declared conditions', async () => {
      const members = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [
          person({ birthDate: '1961-11-29' }), // 65 today
          person({ birthDate: '1961-11-30' }), // 65 tomorrow
          person({ birthDate: '2012-11-30', gender: 'female' }), // 14 tomorrow
          person({ birthDate: '2012-11-29' }), // 14 today
          person({ birthDate: '1995-04-04', gender: 'female', pregnant: true }),
          person({ chronicIllness: true, disability: true }),
        ],
      });
      expect(members.map((m) => [m.age, m.vulnerable])).toEqual([
        [65, ['elderly']],
        [64, []],
        [13, ['child']],
        [14, []],
        [31, ['pregnant']],
        [36, ['chronic_illness', 'disability']],
      ]);
    });

    it('counts age on the site day (Asia/Shanghai), not the UTC day', async () => {
      // 20:00 UTC on 29 November is 04:00 on 30 November at the site: someone born on
      // 30 November 1961 has turned 65 there.
      updateSecuritySettings(desk.t.ctx, { idleLockMinutes: 24 * 60, sessionMaxHours: 24 });
      desk.tr.clock.now = new Date('2026-11-29T20:00:00Z');
      const [member] = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [person({ birthDate: '1961-11-30' })],
      });
      expect(member).toMatchObject({ age: 65, vulnerable: ['elderly'] });
    });
  });

  describe('personal numbers', () => {
    it('lists members, occupants and suggestions with masked document and phone only', async () => {
      const people = [
        person({ phone: '13812345678', household: 'h' }),
        person({ documentType: 'passport', documentNumber: 'E98765432', household: 'h' }),
      ];
      const [a, b] = await desk.call('arrivals.register', { batchId: batch.id, people });
      const suggestion = await desk.call('allocation.suggest', { batchId: batch.id });
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [a!, b!].map((m) => ({ stayId: m.stayId, roomId: site.rooms['P-102']! })),
      });
      const outputs = JSON.stringify([
        await desk.call('arrivals.members', { batchId: batch.id }),
        await desk.call('rooms.occupants', { roomId: site.rooms['P-102']! }),
        await desk.call('stays.get', { id: a!.stayId }),
        suggestion,
      ]);
      for (const p of people) {
        expect(outputs).not.toContain(p.documentNumber);
        expect(outputs).not.toContain(p.phone);
        expect(outputs).toContain(maskIdNumber(p.documentNumber));
      }
      expect(a!.phoneMasked).toBe('138****5678');
      expect(b!.documentMasked).toBe('E987*5432');
    });

    it('never writes a full document number or phone into the audit trail', async () => {
      const idPerson = person({
        phone: '13812345678',
        emergencyContact: 'Mother',
        emergencyPhone: '13987654321',
        notes: 'lives with 15011112222',
      });
      const passport = person({
        documentType: 'passport',
        documentNumber: 'E12345678',
        phone: '13600001111',
      });
      const permit = person({
        documentType: 'hk_macau_permit',
        documentNumber: 'C01234567',
        phone: '13700002222',
      });
      const auditStart = lastAuditId(desk.t);
      const members = await desk.call('arrivals.register', {
        batchId: batch.id,
        people: [idPerson, passport, permit],
      });
      await desk.call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: members[0]!.stayId, roomId: site.rooms['P-101']! }],
      });
      await desk.call('stays.checkOut', { id: members[0]!.stayId, kind: 'release' });
      // Registered again with a new phone: the update of the person is audited too.
      const next = await newBatch('Bus 2');
      await desk.call('arrivals.register', {
        batchId: next.id,
        people: [{ ...idPerson, phone: '13899990000', emergencyPhone: '13800001234' }],
      });

      const audit = auditRows(desk.t, auditStart);
      const people = audit.filter((r) => r.entity === 'person');
      expect(people).toHaveLength(4);
      const secrets = [
        idPerson.documentNumber,
        idPerson.phone!,
        idPerson.emergencyPhone!,
        '15011112222',
        passport.documentNumber,
        passport.phone!,
        permit.documentNumber,
        permit.phone!,
        '13899990000',
        '13800001234',
      ];
      const leaks: string[] = [];
      for (const row of audit) {
        const text = JSON.stringify(row);
        for (const secret of secrets)
          if (text.includes(secret)) leaks.push(`row ${row.id}: ${secret}`);
      }
      // The masked columns hold the masked value.
      const insertOf = (n: number) =>
        JSON.parse(people[n]!.changes) as Record<string, [unknown, unknown]>;
      expect(insertOf(0).document_number).toEqual([null, maskIdNumber(idPerson.documentNumber)]);
      expect(insertOf(0).phone).toEqual([null, maskPhone(idPerson.phone!)]);
      expect(insertOf(0).emergency_phone).toEqual([null, maskPhone(idPerson.emergencyPhone!)]);
      // Passport and permit numbers too, which no pattern would recognise: masked by column.
      expect(leaks).toEqual([]);
      expect(insertOf(1).document_number).toEqual([null, maskIdNumber(passport.documentNumber)]);
    });
  });
});
