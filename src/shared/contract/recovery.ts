import { z } from 'zod';
import type { RecoveryState, RestoreOutcome } from '../backups';
import type { AppInfo } from '../domain';
import { backupName, backupSecret } from './backups';
import { method } from './define';
import { noInput, plainText } from './fields';

/**
 * What the app answers when it started on a damaged database. Not part of the main contract: the
 * normal router does not know these names, and the recovery router knows nothing else (besides
 * app.info and settings.get). There are no accounts to check against, so no session is asked
 * for: the recovery screen is for the person at this machine.
 */
export const recoveryMethods = {
  'recovery.state': method<RecoveryState>()({ input: noInput, kind: 'read', access: 'public' }),
  'recovery.restore': method<RestoreOutcome>()({
    input: z.strictObject({
      folder: plainText(z.string().max(500)),
      name: backupName,
      secret: backupSecret,
    }),
    kind: 'write',
    access: 'public',
  }),
  // Chosen on purpose when no backup is good: a new, empty database.
  'recovery.startEmpty': method<AppInfo>()({ input: noInput, kind: 'write', access: 'public' }),
};

export type RecoveryContract = typeof recoveryMethods;
export type RecoveryMethod = keyof RecoveryContract;
export type RecoveryInput<M extends RecoveryMethod> = z.input<RecoveryContract[M]['input']>;
export type RecoveryResult<M extends RecoveryMethod> = RecoveryContract[M] extends {
  readonly __result?: infer R;
}
  ? NonNullable<R>
  : never;
