import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../shared/accounts';
import { memoryHandle } from '../sessionStore';
import { DATABASE_FILE } from '../../platform/dataDir';
import { auditRowsOf } from '../../testing/auditTesting';
import { valueOf } from '../../testing/authTesting';
import { seededCore, startTestCore, type SeededCore } from '../../testing/backupTesting';
import { defaultBackupFolder } from '../../backups/backupSettings';
import { readAnchors } from './anchorsFile';

/**
 * After damage there is no database to carry entries from: the restore says so in its entry,
 * and its anchor (or that of starting empty) makes the shorter chain the one verify expects.
 */
describe('the trail after a damaged database', () => {
  let desk: SeededCore;
  let good: string;

  beforeEach(async () => {
    desk = await seededCore();
    good = (await desk.tc.core.startupBackup)!.name;
    desk.tc.clock.now = new Date(desk.tc.clock.now.getTime() + 60_000);
    await desk.tc.core.router.invoke('settings.updateStock', { stockExpiryDays: 45 }, desk.admin);
    desk.tc.core.close();
    writeFileSync(join(desk.dir, DATABASE_FILE), Buffer.alloc(16_384, 0x41));
    desk.tc = await startTestCore(desk.dir);
    expect(desk.tc.core.damage).not.toBeNull();
  });
  afterEach(() => desk.close());

  const verify = async () =>
    valueOf<AuditVerification>(
      await desk.tc.core.router.invoke('audit.verify', {}, await desk.tc.signIn()),
    );

  it('restoring a backup says nothing could be carried, and anchors the restored head', async () => {
    const lost = readAnchors(desk.dir).at(-1)!;
    expect(lost.reason).toBe('shutdown');
    valueOf(
      await desk.tc.core.router.invoke(
        'recovery.restore',
        { folder: defaultBackupFolder(desk.dir), name: good },
        memoryHandle(),
      ),
    );
    const restoreRow = auditRowsOf(desk.tc.core.db).findLast((r) => r.method === 'backups.restore');
    expect(restoreRow?.detail).toContain('no audit entries were carried');
    expect(readAnchors(desk.dir).at(-1)).toMatchObject({ reason: 'restore', source: good });
    expect(await verify()).toMatchObject({ ok: true, anchor: { reason: 'restore' } });
  });

  it('starting empty anchors the new, empty chain', async () => {
    valueOf(await desk.tc.core.router.invoke('recovery.startEmpty', {}, memoryHandle()));
    expect(readAnchors(desk.dir).at(-1)).toMatchObject({ reason: 'start_empty', count: 1 });
  });
});
