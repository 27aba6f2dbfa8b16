import { z } from 'zod';
import type {
  BackupEncryption,
  BackupInfo,
  BackupOverview,
  BackupStatus,
  RestoreOutcome,
} from '../backups';
import { method } from './define';
import { line, noInput } from './fields';

/** A backup is named, never given as a path: main looks it up in the backup folder. */
const backupName = z
  .string()
  .max(120)
  .regex(/^desk-[0-9TZ-]+-[a-z-]+\.(sqlite|isdbak)$/, { message: 'backup_name' });

/**
 * The recovery key or passphrase typed to open a backup sealed on another PC (the header says
 * which of the two it needs; a recovery key is checked for typos before any key is derived).
 */
const backupSecret = z.string().min(1).max(200).optional();

/** At least 12 characters; the password rules (not common) are checked in main. */
const backupPassphrase = z
  .string()
  .min(12, { message: 'passphrase_short' })
  .max(200, { message: 'passphrase_long' });

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
    input: z.strictObject({ name: backupName, secret: backupSecret }),
    kind: 'write',
    access: 'settings.manage',
  }),
  // Shown once: the answer is the only place the key ever appears.
  'backups.createRecoveryKey': method<{ recoveryKey: string; createdAt: string }>()({
    input: noInput,
    kind: 'write',
    access: 'settings.manage',
  }),
  'backups.setPassphrase': method<BackupEncryption>()({
    input: z.strictObject({ passphrase: backupPassphrase }),
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

export { backupName, backupSecret };
