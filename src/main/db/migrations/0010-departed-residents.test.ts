import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURGE_PHRASES } from '../../../shared/privacy';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  setDeskClock,
  type BuiltSite,
  type Desk,
} from '../../testing/peopleTesting';
import { TEST_NOW } from '../../testing/tempDb';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../open';
import { departedResidents } from './0010-departed-residents';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

interface DepartedRow {
  stay_id: number;
  site_id: number;
  check_in: string;
  observation_end: string;
}

const ENDED = "s.status IN ('released','transferred','checked_out')";
const KEPT = "p.document_number <> 'purged:' || p.id";

/**
 * The departed view as the residents service defined it before 0010, from the base tables: ended
 * stays of people not purged, at the site of their room's building, or (never placed) of their
 * arrival batch.
 */
const definition = (db: Db): DepartedRow[] =>
  db
    .prepare(
      `SELECT s.id AS stay_id, b.site_id, coalesce(s.check_in_at, '') AS check_in,
         coalesce(s.observation_end, '') AS observation_end
       FROM stays s JOIN rooms r ON r.id = s.room_id JOIN buildings b ON b.id = r.building_id
         JOIN people p ON p.id = s.person_id
       WHERE ${ENDED} AND ${KEPT}
       UNION ALL
       SELECT s.id, ab.site_id, coalesce(s.check_in_at, ''), coalesce(s.observation_end, '')
       FROM stays s JOIN arrival_batches ab ON ab.id = s.batch_id JOIN people p ON p.id = s.person_id
       WHERE s.room_id IS NULL AND ${ENDED} AND ${KEPT}
       ORDER BY 1`,
    )
    .all() as DepartedRow[];

/** What the table keeps, its integer keys read back as the stays' text ('' for none). */
const kept = (db: Db): DepartedRow[] =>
  db
    .prepare(
      `SELECT stay_id, site_id,
         CASE check_in WHEN 0 THEN '' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', check_in / 1000.0, 'unixepoch') END AS check_in,
         CASE observation_end WHEN -1 THEN '' ELSE date(observation_end * 86400, 'unixepoch') END AS observation_end
       FROM departed_stays ORDER BY stay_id`,
    )
    .all() as DepartedRow[];

const objectsOf0010 = (db: Db): { type: string; name: string }[] =>
  db
    .prepare(
      `SELECT type, name FROM sqlite_master
       WHERE name LIKE 'departed_stays%' OR name = 'stays_person' ORDER BY type, name`,
    )
    .all() as { type: string; name: string }[];

describe('migration 0010 departed-residents', () => {
  let desk: Desk;
  let db: Db;
  let east: BuiltSite;
  let west: BuiltSite;
  const at = (iso: string) => setDeskClock(desk, iso);
  /** The kept rows equal the definition, and each site's departed total is its share. */
  const expectInStep = async (): Promise<DepartedRow[]> => {
    const rows = definition(db);
    expect(kept(db)).toEqual(rows);
    for (const site of [east, west]) {
      const page = await desk.call('residents.page', { siteId: site.siteId, view: 'departed' });
      expect(page.total).toBe(rows.filter((r) => r.site_id === site.siteId).length);
    }
    return rows;
  };

  /** A registration that is not checked in. */
  const registerOnly = async (batchId: number, fullName: string) => {
    const members = await desk.call('arrivals.register', {
      batchId,
      people: [person({ fullName })],
    });
    return members.find((m) => m.status === 'registered' && m.fullName === fullName);
  };

  beforeEach(() => {
    desk = makeDesk();
    db = desk.t.ctx.db;
    at('2026-09-01T01:00:00Z');
    const rooms = (prefix: string) =>
      ['01', '02', '03', '04', '05'].map((n) => ({
        number: `${prefix}-1${n}`,
        capacity: 1,
        type: 'single' as const,
      }));
    east = buildSite(desk.t.ctx, [{ level: 1, rooms: rooms('E') }], 'East', 'E');
    west = buildSite(desk.t.ctx, [{ level: 1, rooms: rooms('W') }], 'West', 'W');
  });
  afterEach(() => desk.t.close());

  it('is the ninth step; migrating again changes nothing', () => {
    expect(departedResidents.version).toBe(10);
    expect(MIGRATIONS[9]).toBe(departedResidents);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schema,
    );
  });

  it('keeps each site’s departed right through check-in, moves, check-out, transfer, release, cancel and purge', async () => {
    const batch = await desk.call('arrivals.create', {
      siteId: east.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [released, fever, other, moved] = await checkInto(desk, batch.id, east, [
      [person({ fullName: '早走' }), 'E-101'],
      [person({ fullName: '发热' }), 'E-102'],
      [person({ fullName: '他因' }), 'E-103'],
      [person({ fullName: '换房' }), 'E-104'],
    ]);
    const waiting = await registerOnly(batch.id, '未到');
    expect(await expectInStep()).toEqual([]);

    await desk.call('stays.extend', { id: moved!.stayId, days: 2, reason: '复核' });
    await desk.call('stays.move', {
      id: moved!.stayId,
      roomId: east.rooms['E-105']!,
      reason: '维修',
    });
    expect(await expectInStep()).toEqual([]);

    await desk.call('readings.record', {
      stayId: fever!.stayId,
      day: '2026-09-01',
      slot: 0,
      temperature: 38.6,
      expectedVersion: 0,
    });
    const [feverCase] = await desk.call('fever.list', { siteId: east.siteId });
    await desk.call('fever.transfer', {
      caseId: feverCase!.id,
      hospital: '定点医院',
      departedAt: desk.tr.clock.now.toISOString(),
      escort: '陈护士',
      vehicle: '苏F-120',
    });
    expect(await desk.call('stays.get', { id: fever!.stayId })).toMatchObject({
      status: 'transferred',
    });
    await desk.call('stays.cancel', { id: waiting!.stayId, reason: '未到达' });
    await desk.call('stays.checkOut', { id: other!.stayId, kind: 'other', reason: '回家' });
    at('2026-09-15T02:00:00Z');
    await desk.call('stays.checkOut', { id: released!.stayId, kind: 'release' });
    await desk.call('stays.checkOut', { id: moved!.stayId, kind: 'release' });
    const ended = await expectInStep();
    expect(ended.map((r) => r.stay_id).sort()).toEqual(
      [released, fever, other, moved, waiting].map((m) => m!.stayId).sort(),
    );
    expect(ended.find((r) => r.stay_id === waiting!.stayId)).toMatchObject({
      site_id: east.siteId,
      check_in: '',
      observation_end: '',
    });
    expect(ended.find((r) => r.stay_id === moved!.stayId)!.observation_end).toBe('2026-09-17');

    // West: one released after the purge's cutoff, who stays listed.
    at('2026-11-20T02:00:00Z');
    const westBatch = await desk.call('arrivals.create', {
      siteId: west.siteId,
      label: 'Bus W',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [late] = await checkInto(desk, westBatch.id, west, [
      [person({ fullName: '晚走' }), 'W-101'],
    ]);
    await desk.call('stays.checkOut', { id: late!.stayId, kind: 'release' });
    expect((await expectInStep()).filter((r) => r.site_id === west.siteId)).toHaveLength(1);

    at(TEST_NOW.toISOString());
    const result = await desk.call('privacy.purge', {
      cutoffDay: '2026-11-01',
      phrase: PURGE_PHRASES.en,
    });
    expect(result.counts.people).toBe(5);
    expect((await expectInStep()).map((r) => r.stay_id)).toEqual([late!.stayId]);
  });

  it('follows a stay, a person, a room, a building or a batch changed by hand', async () => {
    const batch = await desk.call('arrivals.create', {
      siteId: east.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [a, b] = await checkInto(desk, batch.id, east, [
      [person({ fullName: '甲' }), 'E-101'],
      [person({ fullName: '乙' }), 'E-102'],
    ]);
    const waiting = await registerOnly(batch.id, '丙');
    await desk.call('stays.checkOut', { id: a!.stayId, kind: 'release' });
    await desk.call('stays.checkOut', { id: b!.stayId, kind: 'release' });
    await desk.call('stays.cancel', { id: waiting!.stayId, reason: '未到达' });
    expect(await expectInStep()).toHaveLength(3);

    const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
    const westFloor = west.floorIds[0]!;
    run(
      'UPDATE rooms SET building_id = ?, floor_id = ? WHERE id = ?',
      west.buildingId,
      westFloor,
      east.rooms['E-101'],
    );
    expect((await expectInStep()).find((r) => r.stay_id === a!.stayId)!.site_id).toBe(west.siteId);
    run('UPDATE buildings SET site_id = ? WHERE id = ?', west.siteId, east.buildingId);
    expect((await expectInStep()).find((r) => r.stay_id === b!.stayId)!.site_id).toBe(west.siteId);
    run('UPDATE arrival_batches SET site_id = ? WHERE id = ?', west.siteId, batch.id);
    expect((await expectInStep()).every((r) => r.site_id === west.siteId)).toBe(true);

    run("UPDATE people SET document_number = 'purged:' || id WHERE id = ?", a!.personId);
    expect(await expectInStep()).toHaveLength(2);
    run("UPDATE people SET document_number = 'restored' WHERE id = ?", a!.personId);
    expect(await expectInStep()).toHaveLength(3);
    run(
      "UPDATE stays SET status = 'active', checked_out_at = NULL, checkout_kind = NULL WHERE id = ?",
      b!.stayId,
    );
    expect(await expectInStep()).toHaveLength(2);
    run('DELETE FROM stay_events WHERE stay_id = ?', a!.stayId);
    run('DELETE FROM stays WHERE id = ?', a!.stayId);
    expect(await expectInStep()).toHaveLength(1);
  });

  it('fills the table from a database of version 8, purged people and never-placed stays included', async () => {
    const batch = await desk.call('arrivals.create', {
      siteId: east.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const members = await checkInto(desk, batch.id, east, [
      [person({ fullName: '一' }), 'E-101'],
      [person({ fullName: '二' }), 'E-102'],
      [person({ fullName: '三' }), 'E-103'],
    ]);
    const waiting = await registerOnly(batch.id, '四');
    for (const m of members.slice(0, 2)) {
      await desk.call('stays.checkOut', { id: m.stayId, kind: 'release' });
    }
    await desk.call('stays.cancel', { id: waiting!.stayId, reason: '未到达' });
    db.prepare("UPDATE people SET document_number = 'purged:' || id WHERE id = ?").run(
      members[0]!.personId,
    );
    const before = await expectInStep();
    expect(before.map((r) => r.stay_id)).toEqual([members[1]!.stayId, waiting!.stayId]);

    // Back to version 9: what 0010 made is gone, as in a file written before it.
    const made = objectsOf0010(db);
    expect(made.map((o) => o.name)).toContain('departed_stays');
    for (const o of made.filter((x) => x.type === 'trigger' || x.name === 'stays_person')) {
      db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
    }
    db.exec('DROP TABLE departed_stays');
    db.pragma('user_version = 9');
    expect(objectsOf0010(db)).toEqual([]);

    expect(migrate(db, MIGRATIONS.slice(0, 10))).toBe(10);
    expect(objectsOf0010(db)).toEqual(made);
    expect(kept(db)).toEqual(before);
    await desk.call('stays.checkOut', { id: members[2]!.stayId, kind: 'release' });
    expect(await expectInStep()).toHaveLength(3);
  });
});
