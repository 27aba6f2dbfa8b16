import { describe, expect, it } from 'vitest';
import { isNetworkPath } from './folder';
import { backupFileName, damagedName, parseBackupFileName } from './names';
import { backupsToDelete, KEEP_DAILY_DAYS, KEEP_LATEST } from './policy';

const NOW = new Date('2026-11-29T08:00:00Z');
const HOUR = 3_600_000;

function backupsEvery(ms: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const takenAt = new Date(NOW.getTime() - i * ms);
    return { name: backupFileName(takenAt, 'scheduled'), kind: 'scheduled' as const, takenAt };
  });
}

describe('backup names', () => {
  it('round-trips time and kind, sorts by time, and has no colon', () => {
    const at = new Date('2026-11-29T16:00:05.123Z');
    const name = backupFileName(at, 'pre-migration');
    expect(name).toBe('desk-2026-11-29T16-00-05-123Z-pre-migration.sqlite');
    expect(parseBackupFileName(name)).toEqual({
      name,
      kind: 'pre-migration',
      takenAt: at,
      encrypted: false,
    });
    const sealed = backupFileName(at, 'pre-migration', true);
    expect(sealed).toBe('desk-2026-11-29T16-00-05-123Z-pre-migration.isdbak');
    expect(parseBackupFileName(sealed)).toMatchObject({ takenAt: at, encrypted: true });
    const later = backupFileName(new Date(at.getTime() + 1), 'manual');
    expect([later, name].sort()).toEqual([name, later]);
  });

  it('ignores files that are not ours', () => {
    for (const name of [
      'desk.sqlite',
      'desk-2026-11-29T16-00-05-123Z-manual.sqlite.partial',
      'desk-2026-11-29T16-00-05-123Z-other.sqlite',
      'desk-2026-13-45T16-00-05-123Z-manual.sqlite',
      '../desk-2026-11-29T16-00-05-123Z-manual.sqlite',
    ]) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });

  it('names a damaged file with its time', () => {
    expect(damagedName('/data/desk.sqlite', new Date('2026-11-29T16:00:05.123Z'))).toBe(
      '/data/desk.sqlite.damaged-2026-11-29T16-00-05Z',
    );
  });
});

describe('rotation policy', () => {
  it('keeps everything while there are few', () => {
    expect(backupsToDelete(backupsEvery(HOUR, KEEP_LATEST), NOW)).toEqual([]);
  });

  it('keeps the last 10 and one per day for 30 days', () => {
    // Every 30 minutes for 45 days.
    const all = backupsEvery(HOUR / 2, 45 * 48);
    const doomed = new Set(backupsToDelete(all, NOW));
    const kept = all.filter((b) => !doomed.has(b.name));
    // The newest ten are all kept.
    expect(all.slice(0, KEEP_LATEST).every((b) => !doomed.has(b.name))).toBe(true);
    // Beyond them: exactly one per site day, for the 30 days up to today, the newest of its day.
    const days = new Map<string, Date[]>();
    for (const b of kept.slice(KEEP_LATEST)) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(b.takenAt);
      days.set(day, [...(days.get(day) ?? []), b.takenAt]);
    }
    expect([...days.values()].every((list) => list.length === 1)).toBe(true);
    expect(days.size).toBeLessThanOrEqual(KEEP_DAILY_DAYS);
    expect(days.size).toBeGreaterThanOrEqual(KEEP_DAILY_DAYS - 1);
    expect(kept.length).toBeLessThanOrEqual(KEEP_LATEST + KEEP_DAILY_DAYS);
    // Nothing older than 30 days survives.
    const oldest = Math.min(...kept.map((b) => b.takenAt.getTime()));
    expect(NOW.getTime() - oldest).toBeLessThan(KEEP_DAILY_DAYS * 24 * HOUR);
  });

  it('keeps the newest backup of each day, not the first', () => {
    const morning = new Date('2026-11-20T01:00:00Z');
    const evening = new Date('2026-11-20T12:00:00Z');
    const recent = backupsEvery(HOUR, KEEP_LATEST);
    const old = [morning, evening].map((takenAt) => ({
      name: backupFileName(takenAt, 'scheduled'),
      kind: 'scheduled' as const,
      takenAt,
    }));
    expect(backupsToDelete([...recent, ...old], NOW)).toEqual([old[0]!.name]);
  });

  it('never counts safety copies among the automatic ones: they stay 30 days, the newest of each kind always', () => {
    const safety = (kind: 'manual' | 'pre-restore' | 'pre-migration', daysAgo: number) => {
      const takenAt = new Date(NOW.getTime() - daysAgo * 24 * HOUR - HOUR / 2);
      return { name: backupFileName(takenAt, kind), kind, takenAt };
    };
    const recentManual = safety('manual', 1);
    const preRestore = safety('pre-restore', 29);
    const oldManual = safety('manual', 31);
    const onlyPreMigration = safety('pre-migration', 200);
    // A day of restarts: far more automatic backups than the rotation keeps.
    const automatic = backupsEvery(HOUR / 60, 40);
    const doomed = backupsToDelete(
      [...automatic, recentManual, preRestore, oldManual, onlyPreMigration],
      NOW,
    );
    expect(doomed).toContain(oldManual.name);
    for (const kept of [recentManual, preRestore, onlyPreMigration])
      expect(doomed, kept.name).not.toContain(kept.name);
    expect(doomed).toHaveLength(40 - KEEP_LATEST + 1);
  });

  it('does not depend on the order it is given', () => {
    const all = backupsEvery(HOUR * 7, 200);
    const shuffled = [...all].reverse();
    expect(backupsToDelete(shuffled, NOW).sort()).toEqual(backupsToDelete(all, NOW).sort());
  });
});

describe('network paths', () => {
  it('warns about shares, not about local disks or USB sticks', () => {
    expect(isNetworkPath('\\\\server\\share\\desk')).toBe(true);
    expect(isNetworkPath('//server/share/desk')).toBe(true);
    expect(isNetworkPath(' \\\\10.0.0.5\\backups')).toBe(true);
    expect(isNetworkPath('D:\\desk-backups')).toBe(false);
    expect(isNetworkPath('E:\\')).toBe(false);
    expect(isNetworkPath('/media/usb/desk')).toBe(false);
    expect(isNetworkPath('/Volumes/USB/desk')).toBe(false);
  });
});
