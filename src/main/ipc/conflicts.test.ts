import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictCurrent } from '../../shared/errors';
import type { ReadingRecord } from '../../shared/health';
import type { Room } from '../../shared/domain';
import type { StockItem } from '../../shared/stock';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { DAY, LATE_ROUND, healthDeskPerTest } from '../testing/healthTesting';
import { deskOver, person, snapshot, type Desk } from '../testing/peopleTesting';

/**
 * Two desks on one database, each with its own user and session: what the second sees when the
 * first saved the same record since the second read it.
 */
describe('record versions and CONFLICT (through the router, on a real database)', () => {
  const f = healthDeskPerTest();
  let first: Desk;
  let second: Desk;

  beforeEach(() => {
    first = f.desk;
    first.t.ctx.db
      .prepare("UPDATE users SET display_name = '王丽华' WHERE id = ?")
      .run(first.userId);
    second = deskOver(first.t, ['coordinator', 'medical', 'warehouse'], 'zhoumin');
    second.t.ctx.db
      .prepare("UPDATE users SET display_name = '周敏' WHERE id = ?")
      .run(second.userId);
  });

  /** The second desk's write is refused: nothing written, no audit row; the envelope says why. */
  async function refusedAsConflict(write: () => Promise<unknown>): Promise<ConflictCurrent> {
    const before = snapshot(first.t.ctx.db);
    const lastAudit = lastAuditId(first.t);
    const result = (await write()) as Parameters<typeof errorOf>[0];
    const error = errorOf(result);
    expect(error.code).toBe('CONFLICT');
    expect(snapshot(first.t.ctx.db)).toBe(before);
    expect(auditRows(first.t, lastAudit)).toEqual([]);
    expect(error.current).toBeDefined();
    expect(error.params).toMatchObject({ by: error.current!.by, at: error.current!.at });
    return error.current!;
  }

  it('a room: the stale save is refused with the first desk’s values and name; on the new version it saves', async () => {
    const roomId = f.site.rooms['P-103']!;
    const seen = await first.call('rooms.get', { id: roomId });
    const form = { number: 'P-103', capacity: 4, type: 'family' as const, features: [] };

    const saved = await first.call('rooms.update', {
      id: roomId,
      expectedVersion: seen.version,
      ...form,
      notes: '靠近楼梯，适合行动不便的家庭',
    });
    expect(saved.version).toBe(seen.version + 1);

    const current = await refusedAsConflict(() =>
      second.invoke('rooms.update', {
        id: roomId,
        expectedVersion: seen.version,
        ...form,
        capacity: 3,
        notes: '',
      }),
    );
    expect(current).toMatchObject({ version: saved.version, by: '王丽华' });
    expect(current.at).toBe(first.t.ctx.now().toISOString());
    expect(current.record as Room).toEqual(saved);

    const kept = await second.call('rooms.update', {
      id: roomId,
      expectedVersion: current.version,
      ...form,
      capacity: 3,
      notes: '',
    });
    expect(kept).toMatchObject({ capacity: 3, notes: '', version: saved.version + 1 });
    const [audit] = auditRows(first.t, 0).filter(
      (a) => a.entity === 'room' && a.entity_id === roomId && a.method === 'rooms.update',
    );
    expect(audit).toBeDefined();
  });

  it('saving a room form unchanged writes nothing and keeps the version', async () => {
    const roomId = f.site.rooms['P-101']!;
    const seen = await first.call('rooms.get', { id: roomId });
    const same = await first.call('rooms.update', {
      id: roomId,
      expectedVersion: seen.version,
      number: seen.number,
      capacity: seen.capacity,
      type: seen.type,
      features: seen.features,
      notes: seen.notes,
    });
    expect(same.version).toBe(seen.version);
  });

  it('a room checked into since the form opened: its status moved the version on', async () => {
    const roomId = f.site.rooms['P-102']!;
    const seen = await second.call('rooms.get', { id: roomId });
    await f.checkIn([[person({ fullName: '顾晓东' }), 'P-102']]);
    const current = await refusedAsConflict(() =>
      second.invoke('rooms.update', {
        id: roomId,
        expectedVersion: seen.version,
        number: 'P-102',
        capacity: 2,
        type: 'double',
        features: [],
        notes: '',
      }),
    );
    expect((current.record as Room).status).toBe('occupied');
    expect(current.version).toBeGreaterThan(seen.version);
  });

  it('a stock item: the stale edit is refused with the item as the first desk left it', async () => {
    const item = await first.call('stock.createItem', {
      name: '医用外科口罩',
      category: 'ppe',
      baseUnit: '只',
      units: [{ unit: '箱', factor: 50 }],
    });
    const edit = {
      id: item.id,
      name: item.name,
      category: item.category,
      baseUnit: item.baseUnit,
      units: item.units,
    };
    const saved = await first.call('stock.updateItem', {
      ...edit,
      expectedVersion: item.version,
      lowThreshold: 500,
    });
    expect(saved.version).toBe(item.version + 1);
    const current = await refusedAsConflict(() =>
      second.invoke('stock.updateItem', {
        ...edit,
        expectedVersion: item.version,
        lowThreshold: 200,
      }),
    );
    expect(current).toMatchObject({ version: saved.version, by: '王丽华' });
    expect((current.record as StockItem).lowThreshold).toBe(500);
  });

  it('a person’s birth date: the second desk sees the date the first entered', async () => {
    const [member] = await f.checkIn([
      [
        {
          ...person({
            fullName: 'John Smith',
            documentType: 'passport',
            documentNumber: 'E12345678',
          }),
          birthDate: null,
        },
        'P-101',
      ],
    ]);
    const seen = await second.call('people.history', { personId: member!.personId });
    await first.call('people.setBirthDate', {
      personId: member!.personId,
      birthDate: '1961-05-04',
      expectedVersion: seen.person.version,
    });
    const current = await refusedAsConflict(() =>
      second.invoke('people.setBirthDate', {
        personId: member!.personId,
        birthDate: '1961-04-05',
        expectedVersion: seen.person.version,
      }),
    );
    expect(current).toMatchObject({ by: '王丽华', record: { birthDate: '1961-05-04' } });
  });

  it('two nurses on one round reading: the second sees the first’s value and who typed it', async () => {
    const [member] = await f.checkIn([[person({ fullName: '陈晓梅' }), 'P-101']]);
    const both = { stayId: member!.stayId, day: DAY, slot: LATE_ROUND, symptoms: [] };
    // Both sheets showed no reading (version 0); the first nurse saves first.
    const firstReading = await first.call('readings.record', {
      ...both,
      temperature: 37.4,
      expectedVersion: 0,
    });
    expect(firstReading.version).toBe(1);

    const current = await refusedAsConflict(() =>
      second.invoke('readings.record', { ...both, temperature: 36.6, expectedVersion: 0 }),
    );
    const theirs = current.record as ReadingRecord;
    expect(current).toMatchObject({ version: 1, by: '王丽华', at: firstReading.recordedAt });
    expect(theirs).toMatchObject({
      id: firstReading.id,
      temperatureTenths: 374,
      recordedBy: '王丽华',
    });

    // A deliberate correction on the version she was shown.
    const corrected = await second.call('readings.record', {
      ...both,
      temperature: 36.6,
      expectedVersion: current.version,
    });
    expect(corrected).toMatchObject({
      id: firstReading.id,
      temperatureTenths: 366,
      version: 2,
      recordedBy: '周敏',
    });
    expect(first.t.ctx.db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(1);
  });

  it('refuses a write with no version: the contract requires it', async () => {
    const roomId = f.site.rooms['P-201']!;
    const error = errorOf(
      await second.invoke('rooms.update', {
        id: roomId,
        number: 'P-201',
        capacity: 1,
        type: 'single',
        features: [],
        notes: '',
      } as never),
    );
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { expectedVersion: expect.any(String) },
    });
  });
});
