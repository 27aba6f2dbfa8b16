import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PURGE_PHRASES, type PurgeResult } from '../../shared/privacy';
import { DATABASE_FILE } from '../platform/dataDir';
import { valueOf } from '../testing/authTesting';
import { startTestCore, type TestCore } from '../testing/backupTesting';
import {
  buildSite,
  checkInto,
  checkpoint,
  makeDesk,
  person,
  setDeskClock,
} from '../testing/peopleTesting';
import { makeTempDir, TEST_NOW } from '../testing/tempDb';
import { defaultBackupFolder } from '../backups/backupSettings';
import { listBackups } from '../backups/folder';

const OLD_ID = '110101199003074514';

/** Every file of the folder (not its subfolders) and of the backup folder holding `text`. */
function filesHolding(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const backups = defaultBackupFolder(dataDir);
  const files = [
    ...readdirSync(dataDir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(dataDir, e.name)),
    ...readdirSync(backups).map((name) => join(backups, name)),
  ];
  return files.filter((f) => readFileSync(f).includes(needle));
}

/** A data folder whose database holds one person released in September: due for the purge. */
async function dataDirWithOldResident(): Promise<{ dir: string; remove: () => void }> {
  const desk = makeDesk();
  try {
    setDeskClock(desk, '2026-09-01T01:00:00Z');
    const site = buildSite(desk.t.ctx, [
      { level: 1, rooms: [{ number: 'P-101', capacity: 1, type: 'single' }] },
    ]);
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: 'Bus',
      arrivedAt: desk.tr.clock.now.toISOString(),
    });
    const [old] = await checkInto(desk, batch.id, site, [
      [
        person({ fullName: '欧阳旧住客', documentNumber: OLD_ID, birthDate: '1990-03-07' }),
        'P-101',
      ],
    ]);
    setDeskClock(desk, '2026-09-16T02:00:00Z');
    await desk.call('stays.checkOut', { id: old!.stayId, kind: 'release' });
    checkpoint(desk.t.ctx.db);
    const data = makeTempDir();
    copyFileSync(desk.t.file, join(data.dir, DATABASE_FILE));
    return data;
  } finally {
    desk.t.close();
  }
}

describe('a purge and the copies made before it', () => {
  let tc: TestCore | undefined;
  let remove = () => undefined as void;
  afterEach(() => {
    tc?.core.close();
    remove();
  });

  it('deletes every earlier backup and damaged copy, backs up afresh, and leaves the ID number in no file', async () => {
    const data = await dataDirWithOldResident();
    remove = data.remove;
    // A damaged copy set aside at some earlier start holds the number too.
    writeFileSync(
      join(data.dir, `${DATABASE_FILE}.damaged-2026-10-01T00-00-00Z`),
      `SQLite format 3 … ${OLD_ID} …`,
    );
    tc = await startTestCore(data.dir);
    expect(listBackups(defaultBackupFolder(data.dir))).toHaveLength(1); // the start backup
    // A backup killed half-way (after the start, which clears such leftovers): a whole copy.
    const partial = join(
      defaultBackupFolder(data.dir),
      `${listBackups(defaultBackupFolder(data.dir))[0]!.name.replace('-start', '-scheduled')}.partial`,
    );
    copyFileSync(join(data.dir, DATABASE_FILE), partial);
    writeFileSync(`${partial}-journal`, OLD_ID);
    expect(filesHolding(data.dir, OLD_ID).length).toBeGreaterThanOrEqual(5);

    const chief = await tc.signIn('chief');
    tc.clock.now = new Date(TEST_NOW);
    const result = valueOf<PurgeResult>(
      await tc.core.router.invoke(
        'privacy.purge',
        { cutoffDay: '2026-11-01', phrase: PURGE_PHRASES['zh-CN'] },
        chief,
      ),
    );
    expect(result.counts.people).toBe(1);
    expect(result.backups).toMatchObject({ removed: 4, error: null });
    const left = listBackups(defaultBackupFolder(data.dir));
    expect(left.map((b) => b.name)).toEqual([result.backups!.fresh]);
    expect(filesHolding(data.dir, OLD_ID)).toEqual([]);
  });
});
