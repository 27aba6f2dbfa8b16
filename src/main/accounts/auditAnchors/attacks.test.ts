import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../shared/accounts';
import type { BackupInfo, RestoreOutcome } from '../../../shared/backups';
import type { Site } from '../../../shared/domain';
import type { ArrivalBatch, BatchMember } from '../../../shared/people';
import { DATABASE_FILE } from '../../platform/dataDir';
import { auditRowsOf, forgeChainInFile } from '../../testing/auditTesting';
import { errorOf, valueOf } from '../../testing/authTesting';
import { seededCore, startTestCore, type SeededCore } from '../../testing/backupTesting';
import { person } from '../../testing/peopleTesting';
import { defaultBackupFolder } from '../../backups/backupSettings';
import { listBackups } from '../../backups/folder';
import { readAnchors } from './anchorsFile';

/**
 * The two ways issue 14 erased audit entries, end to end through the core (real files, the real
 * router): (a) through the app, a restore followed by enough backups to rotate the pre-restore
 * copy away; (b) with the file, triggers dropped, entries deleted and the plain chain recomputed.
 */
describe('erasing audit entries', () => {
  let desk: SeededCore;
  const file = () => join(desk.dir, DATABASE_FILE);
  const invoke = (method: string, input: unknown = {}) =>
    desk.tc.core.router.invoke(method, input, desk.admin);
  const call = async <T>(method: string, input: unknown = {}) =>
    valueOf<T>(await invoke(method, input));
  const verify = () => call<AuditVerification>('audit.verify');
  const step = () => {
    desk.tc.clock.now = new Date(desk.tc.clock.now.getTime() + 60_000);
  };
  /** Closes the desk, lets `tamper` at its files, starts it again and signs in. */
  const whileClosed = async (tamper: () => void) => {
    desk.tc.core.close();
    tamper();
    desk.tc = await startTestCore(desk.dir);
    desk.admin = await desk.tc.signIn();
  };
  const rows = () => auditRowsOf(desk.tc.core.db);
  /** Who saw a full ID number, and the archive with every number in it. */
  const revealRows = () =>
    rows()
      .filter((r) => ['people.reveal', 'archive.export'].includes(r.method) && r.outcome === 'ok')
      .map((r) => ({ id: r.id, method: r.method, hash: r.hash }));

  beforeEach(async () => {
    desk = await seededCore();
  });
  afterEach(() => desk.close());

  /** The administrator becomes a coordinator too (reveal and archive), and one person arrives. */
  async function registerPerson(): Promise<number> {
    await call('users.update', {
      id: 1,
      displayName: 'Admin',
      roles: ['administrator', 'coordinator'],
    });
    const [site] = await call<Site[]>('sites.list', { includeRetired: false });
    const batch = await call<ArrivalBatch>('arrivals.create', {
      siteId: site!.id,
      label: 'Bus 1',
      arrivedAt: desk.tc.clock.now.toISOString(),
    });
    const [member] = await call<BatchMember[]>('arrivals.register', {
      batchId: batch.id,
      people: [person({ fullName: '王揭示' })],
    });
    return member!.personId;
  }

  it('(a) a restore keeps the reveals made since the backup; deleting them afterwards is named', async () => {
    const personId = await registerPerson();
    step();
    const backup = await call<BackupInfo>('backups.create');
    step();
    await call('people.reveal', { personId });
    await call('people.reveal', { personId });
    await call('archive.export', {
      domain: 'people',
      protection: { kind: 'plain', protectMyself: true },
    });
    const reveals = revealRows();
    expect(reveals.map((r) => r.method)).toEqual([
      'people.reveal',
      'people.reveal',
      'archive.export',
    ]);

    step();
    const outcome = await call<RestoreOutcome>('backups.restore', { name: backup.name });
    desk.admin = await desk.tc.signIn();
    for (let i = 0; i < 11; i++) {
      step();
      await call('backups.create');
    }
    // Whether or not rotation kept the copy taken before the restore, the trail does not need it:
    // the reveals were carried into the restored database, same ids, same hashes.
    expect(listBackups(defaultBackupFolder(desk.dir)).length).toBeGreaterThanOrEqual(10);
    expect(outcome.savedAs).toMatch(/pre-restore/);
    expect(revealRows()).toEqual(reveals);
    const restoreRow = rows().findLast((r) => r.method === 'backups.restore');
    expect(restoreRow?.detail).toContain('were carried over');
    const sound = await verify();
    expect(sound).toMatchObject({ ok: true, anchor: { reason: 'backup' } });
    const anchored = sound.anchor!.count;

    // Now the reveals and everything after them are deleted, the chain recomputed: the newest
    // anchor (the last backup's) says how many entries are missing.
    const firstReveal = reveals[0]!.id;
    forgeChainInFile(file(), (row) => row.id < firstReveal);
    expect(await verify()).toEqual({
      ok: false,
      reason: 'truncated',
      count: firstReveal - 1,
      anchor: expect.objectContaining({ reason: 'backup', count: anchored }),
    });
  });

  it('(b) a chain cut or rewritten in the file is named, never anchored afresh, and its backup never restored', async () => {
    await registerPerson();
    step();
    const cutLater = await call<BackupInfo>('backups.create');
    step();
    const good = await call<BackupInfo>('backups.create');
    step();
    await call('settings.updateStock', { stockExpiryDays: 45 });
    // While the desk is closed (its head anchored at shutdown): the last four entries go and the
    // chain is recomputed.
    let shutdown = readAnchors(desk.dir).at(-1)!;
    await whileClosed(() => {
      shutdown = readAnchors(desk.dir).at(-1)!;
      forgeChainInFile(file(), (row) => row.id <= shutdown.count - 4);
    });
    expect(shutdown.reason).toBe('shutdown');
    // The backup at start copied the cut chain, but its head was not anchored.
    expect(readAnchors(desk.dir).at(-1)).toEqual(shutdown);
    expect(await verify()).toMatchObject({
      ok: false,
      reason: 'truncated',
      count: shutdown.count - 3, // the cut chain and this sign-in
      anchor: shutdown,
    });

    // One entry from the middle instead, the rest re-numbered and re-hashed: rewritten.
    await whileClosed(() => forgeChainInFile(file(), (row) => row.id !== 5));
    for (let i = 0; i < 4; i++) await call('settings.updateStock', { stockExpiryDays: 50 + i });
    expect(await verify()).toMatchObject({
      ok: false,
      reason: 'rewritten',
      firstBrokenId: shutdown.count,
      anchor: shutdown,
    });

    // A backup whose own trail was cut the same way is refused, and nothing changes.
    const before = rows().length;
    forgeChainInFile(join(defaultBackupFolder(desk.dir), cutLater.name), (row) => row.id <= 3);
    expect(errorOf(await invoke('backups.restore', { name: cutLater.name }))).toMatchObject({
      code: 'BACKUP_AUDIT_MISMATCH',
      params: { name: cutLater.name, reason: 'truncated', found: 3 },
    });
    expect(rows().length).toBe(before);

    // A sound backup can still be restored: the rewritten entries are carried behind a marker
    // (the chains part at entry 4), and the restore's entry keeps on record what verify found
    // before it, so re-anchoring the restored head hides nothing.
    step();
    await call('backups.restore', { name: good.name });
    desk.admin = await desk.tc.signIn();
    const trail = rows();
    expect(trail.filter((r) => r.method === 'audit.carry')).toHaveLength(1);
    expect(trail.findLast((r) => r.method === 'backups.restore')?.detail).toMatch(
      new RegExp(
        `carried over as .* behind marker .*the trail before the restore: it was rewritten: ` +
          `entry #${shutdown.count} differs from the anchor of ${shutdown.at}`,
      ),
    );
    expect(await verify()).toMatchObject({ ok: true, anchor: { reason: 'restore' } });
  });
});
