import type { RecoveryState, RestoreOutcome } from '../../shared/backups';
import { recoveryMethods } from '../../shared/contract/recovery';
import type { AppInfo } from '../../shared/domain';
import type { ApiResult } from '../../shared/errors';
import { SCHEMA_VERSION } from '../db/migrations';
import { DomainError } from '../services/errors';
import { DEFAULT_SETTINGS } from '../accounts/settings';
import type { AppFacts } from '../services/context';
import { runtimeVersions } from './appInfo';
import type { Logger, Router } from './router';
import { fieldErrorsOf } from '../../shared/fieldErrors';

export interface RecoveryRouterOptions extends AppFacts {
  logger: Logger;
  state(): RecoveryState;
  restore(folder: string, name: string, secret?: string): Promise<RestoreOutcome>;
  startEmpty(): Promise<AppInfo>;
}

type Answer = (input: never) => unknown;

/**
 * The router while the database is damaged: app.info (which says so), the default settings and
 * the recovery screen's own calls; everything else is refused with RECOVERY_MODE. No session is
 * asked for (there are no readable accounts): recovery is for the person at this machine.
 */
export function createRecoveryRouter(options: RecoveryRouterOptions): Router {
  const info = (): AppInfo => ({
    version: options.version,
    schemaVersion: SCHEMA_VERSION,
    runtime: runtimeVersions(),
    dataDir: options.dataDir,
    shell: options.shell,
    readOnly: false,
    hasSite: false,
    needsSetup: false,
    recovery: true,
  });
  const answers: Record<string, Answer> = {
    'app.info': info,
    'settings.get': () => DEFAULT_SETTINGS,
    'recovery.state': () => options.state(),
    'recovery.restore': (input: { folder: string; name: string; secret?: string }) =>
      options.restore(input.folder, input.name, input.secret),
    'recovery.startEmpty': () => options.startEmpty(),
  };

  async function invoke(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const answer =
      typeof method === 'string' && Object.hasOwn(answers, method) ? answers[method] : null;
    if (!answer) {
      return {
        ok: false,
        error: {
          code: 'RECOVERY_MODE',
          message: 'The data file is damaged; only recovery is available',
        },
      };
    }
    const schema = Object.hasOwn(recoveryMethods, method as string)
      ? recoveryMethods[method as keyof typeof recoveryMethods].input
      : null;
    const parsed = schema ? schema.safeParse(input) : { success: true as const, data: {} };
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'Invalid input',
          fields: fieldErrorsOf(parsed.error),
        },
      };
    }
    try {
      return { ok: true, value: await answer(parsed.data as never) };
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(error.params ? { params: error.params } : {}),
          },
        };
      }
      options.logger.error(`Unexpected failure in ${String(method)}`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong. See the log.' },
      };
    }
  }

  return { invoke };
}
