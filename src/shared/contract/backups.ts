import { z } from 'zod';
import type { BackupInfo, BackupOverview, BackupStatus, RestoreOutcome } from '../backups';
import { method } from './define';
import { line, noInput } from './fields';

/** A backup is named, never given as a path: main looks it up in the backup folder. */
const backupName = z
  .string()
  .max(120)
  .regex(/^desk-[0-9TZ-]+-[a-z-]+\.sqlite$/, { message: 'backup_name' });

export const backupMethods = {
  'backups.list': method<BackupOverview>()({
    input: noInput,
    kind: 'read',
    access: 'settings.manage',
  }),
  // Polled by "Back up now" while it waits.
  'backups.status': method<BackupStatus>()({
    input: noInput,
    kind: 'read',
    access: 'settings.manage',
  }),
  'backups.create': method<BackupInfo>()({
    input: noInput,
    kind: 'write',
    access: 'settings.manage',
  }),
  'backups.restore': method<RestoreOutcome>()({
    input: z.strictObject({ name: backupName }),
    kind: 'write',
    access: 'settings.manage',
  }),
  'backups.updateSettings': method<BackupOverview>()({
    input: z.strictObject({
      /** Blank: `<data folder>/backups`. */
      folder: line(500),
      intervalMinutes: z.int().min(5).max(1440),
    }),
    kind: 'write',
    access: 'settings.manage',
  }),
};

export { backupName };
