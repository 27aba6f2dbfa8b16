import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURGE_PHRASES, PURGED_NAME } from '../../shared/privacy';
import { errorOf } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  checkpoint,
  makeDesk,
  person,
  setDeskClock,
  residentId,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { countRows, TEST_NOW } from '../testing/tempDb';
import { REDACTED } from './auditRedaction';

/** A valid resident ID (check character 4), a name and a mobile that occur nowhere else. */
const OLD_ID = '110101199003074514';
const OLD_NAME = '欧阳旧住客';
const OLD_PHONE = '13912345678';
const KEPT_ID = residentId('1985-02-02', 'male', 7, '110101');

/** Occurrences of `text` (as UTF-8) in the database file, its WAL and its shared-memory file. */
function occurrencesOnDisk(file: string, text: string): number {
  const needle = Buffer.from(text, 'utf8');
  let n = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) n++;
  }
  return n;
}

describe('purge of personal data after the retention period', () => {
  let desk: Desk;
  let site: BuiltSite;
  const at = (iso: string) => setDeskClock(desk, iso);
  let oldStay: number;
  let oldPerson: number;
  let keptPerson: number;
  let lateStay: number;

  beforeEach(async () => {
    desk = makeDesk();
    at('2026-09-01T01:00:00Z'); // 09:00 at the site: the 08:00 round is open
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: ['P-101', 'P-102', 'P-103', 'P-104'].map((number) => ({
          number,
          capacity: 1,
          type: 'single' as const,
        })),
      },
    ]);
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [old, fever] = await checkInto(desk, batch.id, site, [
      [
        person({
          fullName: OLD_NAME,
          documentNumber: OLD_ID,
          birthDate: '1990-03-07',
          phone: OLD_PHONE,
          emergencyContact: '欧阳紧急',
          emergencyPhone: '13700001111',
          originPlace: '欧阳来源街道',
          registeredResidence: '欧阳户籍村',
          travel: 'K8765',
          notes: `家属 ${OLD_NAME}`,
        }),
        'P-101',
      ],
      [person({ fullName: '司马发热' }), 'P-102'],
    ]);
    oldStay = old!.stayId;
    oldPerson = old!.personId;
    const reading = (stayId: number, temperature: number) =>
      desk.call('readings.record', {
        stayId,
        day: '2026-09-01',
        slot: 0,
        temperature,
        symptoms: ['cough'],
        expectedVersion: 0,
      });
    await reading(oldStay, 36.6);
    await reading(fever!.stayId, 38.6);
    const [feverCase] = await desk.call('fever.list', { siteId: site.siteId });
    await desk.call('fever.transfer', {
      caseId: feverCase!.id,
      hospital: '定点医院',
      departedAt: desk.tr.clock.now.toISOString(),
      escort: '陈护士',
      vehicle: '苏F-120',
    });
    at('2026-09-16T02:00:00Z');
    await desk.call('stays.checkOut', { id: oldStay, kind: 'release' });

    // Two people the purge must not touch: one still in residence, one released after the cutoff.
    at('2026-11-05T02:00:00Z');
    await desk.call('rooms.disinfect', {
      roomId: site.rooms['P-101']!,
      operator: '消毒员',
      performedAt: desk.tr.clock.now.toISOString(),
      agent: '含氯消毒剂',
      concentration: '500mg/L',
    });
    const batch2 = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus 2',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [kept, late] = await checkInto(desk, batch2.id, site, [
      [person({ fullName: '诸葛在住', documentNumber: KEPT_ID, birthDate: '1985-02-02' }), 'P-103'],
      [person({ fullName: '上官晚走' }), 'P-104'],
    ]);
    keptPerson = kept!.personId;
    lateStay = late!.stayId;
    at('2026-11-20T02:00:00Z');
    await desk.call('stays.checkOut', { id: lateStay, kind: 'release' });
    at(TEST_NOW.toISOString());
  });
  afterEach(() => desk.t.close());

  const preview = () => desk.call('privacy.purgePreview', {});

  it('previews a cutoff 28 days back and what it would touch, changing nothing', async () => {
    const before = countRows(desk.t.ctx, 'audit_log');
    const p = await preview();
    expect(p).toMatchObject({
      retentionDays: 28,
      cutoffDay: '2026-11-01',
      peopleKept: 2,
      lastArchive: {},
    });
    expect(p.counts).toMatchObject({
      people: 2,
      stays: 2,
      readings: 2,
      feverCases: 1,
      transfers: 1,
    });
    expect(p.counts.auditEntries).toBeGreaterThan(5);
    expect(countRows(desk.t.ctx, 'audit_log')).toBe(before);
    expect(countRows(desk.t.ctx, 'people', `full_name = '${PURGED_NAME}'`)).toBe(0);

    const longer = await desk.call('privacy.setRetention', { days: 90 });
    expect(longer).toMatchObject({ retentionDays: 90, cutoffDay: '2026-08-31' });
    expect(longer.counts.people).toBe(0);
  });

  it('refuses a wrong phrase and a cutoff inside the retention period, changing nothing', async () => {
    const before = countRows(desk.t.ctx, 'audit_log');
    expect(
      errorOf(
        await desk.invoke('privacy.purge', { cutoffDay: '2026-11-01', phrase: 'purge please' }),
      ).code,
    ).toBe('CONFIRMATION_MISMATCH');
    const tooLate = errorOf(
      await desk.invoke('privacy.purge', { cutoffDay: '2026-11-02', phrase: PURGE_PHRASES.en }),
    );
    expect(tooLate).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { cutoffDay: 'within_retention' },
    });
    expect(countRows(desk.t.ctx, 'audit_log')).toBe(before);
    expect(countRows(desk.t.ctx, 'people', `full_name = '${OLD_NAME}'`)).toBe(1);
  });

  it('leaves a purged ID number, name and phone 0 times in the file and WAL; keeps counts and the rest', async () => {
    // The report's numbers, not when it was made nor the audit chain head at that moment.
    const day = async (d: string) => ({
      ...(await desk.call('reports.daily', { siteId: site.siteId, day: d })),
      generatedAt: '',
      auditHead: null,
    });
    const reportBefore = await day('2026-09-05');
    const lateBefore = await day('2026-11-20');
    checkpoint(desk.t.ctx.db);
    const file = desk.t.file;
    // The test can fail: before the purge the values are on disk (the name also in the audit trail).
    expect(occurrencesOnDisk(file, OLD_ID)).toBeGreaterThan(0);
    expect(occurrencesOnDisk(file, OLD_NAME)).toBeGreaterThan(1);
    expect(occurrencesOnDisk(file, OLD_PHONE)).toBeGreaterThan(0);

    const result = await desk.call('privacy.purge', {
      cutoffDay: '2026-11-01',
      phrase: PURGE_PHRASES['zh-CN'],
    });
    expect(result).toMatchObject({ cutoffDay: '2026-11-01', walTruncated: true });
    expect(result.counts.people).toBe(2);

    for (const text of [
      OLD_ID,
      OLD_NAME,
      OLD_PHONE,
      '欧阳紧急',
      '13700001111',
      '欧阳来源街道',
      '欧阳户籍村',
      'K8765',
      '司马发热',
      '陈护士',
      '苏F-120',
      '定点医院',
    ]) {
      expect(occurrencesOnDisk(file, text), text).toBe(0);
    }
    // Untouched: the resident and the one who left after the cutoff.
    expect(occurrencesOnDisk(file, KEPT_ID)).toBeGreaterThan(0);
    expect(occurrencesOnDisk(file, '上官晚走')).toBeGreaterThan(0);
    const keptRow = desk.t.ctx.db
      .prepare('SELECT full_name, document_number FROM people WHERE id = ?')
      .get(keptPerson);
    expect(keptRow).toEqual({ full_name: '诸葛在住', document_number: KEPT_ID });

    // The purged person stays as a tombstone, so past counts still add up.
    expect(
      desk.t.ctx.db
        .prepare(
          'SELECT full_name, document_number, phone, birth_date, notes FROM people WHERE id = ?',
        )
        .get(oldPerson),
    ).toEqual({
      full_name: PURGED_NAME,
      document_number: `purged:${oldPerson}`,
      phone: '',
      birth_date: '',
      notes: '',
    });
    expect(countRows(desk.t.ctx, 'stays', `id = ${oldStay}`)).toBe(1);
    expect(countRows(desk.t.ctx, 'readings', `symptoms <> '[]'`)).toBe(0);
    const reportAfter = await day('2026-09-05');
    expect(reportAfter).toEqual(reportBefore);
    expect(await day('2026-11-20')).toEqual(lateBefore);

    // The audit trail: the person's entries stay, their values replaced; the chain still holds.
    const personEntries = desk.t.ctx.db
      .prepare("SELECT changes FROM audit_log WHERE entity = 'person' AND entity_id = ?")
      .pluck()
      .all(oldPerson) as string[];
    expect(personEntries.length).toBeGreaterThan(0);
    for (const changes of personEntries) {
      expect(changes).toContain(REDACTED);
      expect(changes).toContain('full_name');
    }
    expect(await desk.call('audit.verify', {})).toMatchObject({ ok: true });
    const purgeEntry = desk.t.ctx.db
      .prepare("SELECT user_id, detail FROM audit_log WHERE method = 'privacy.purge'")
      .all() as { user_id: number; detail: string }[];
    expect(purgeEntry).toHaveLength(1);
    expect(purgeEntry[0]!.user_id).toBe(desk.userId);
    expect(purgeEntry[0]!.detail).toMatch(
      /^cutoff 2026-11-01 \(retention 28 d\); people 2, stays 2/,
    );

    // The departed list no longer shows the purged; the one who left after the cutoff is there.
    const departed = await desk.call('residents.page', { siteId: site.siteId, view: 'departed' });
    expect(departed.rows.map((r) => r.fullName)).toEqual(['上官晚走']);

    // A second purge finds nothing more to do.
    expect((await preview()).counts).toMatchObject({ people: 0, auditEntries: 0 });
  });

  it('reports a WAL it could not empty while another connection reads, and empties it on a second run', async () => {
    checkpoint(desk.t.ctx.db);
    const reader = new Database(desk.t.file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM people').get();
    const first = await desk.call('privacy.purge', {
      cutoffDay: '2026-11-01',
      phrase: PURGE_PHRASES.en,
    });
    expect(first.counts.people).toBe(2);
    expect(first.walTruncated).toBe(false);
    reader.exec('COMMIT');
    reader.close();

    const second = await desk.call('privacy.purge', {
      cutoffDay: '2026-11-01',
      phrase: PURGE_PHRASES.en,
    });
    expect(second).toMatchObject({ compacted: true, walTruncated: true });
    expect(second.counts.people).toBe(0);
    for (const text of [OLD_ID, OLD_NAME, OLD_PHONE]) {
      expect(occurrencesOnDisk(desk.t.file, text), text).toBe(0);
    }
  });
});
