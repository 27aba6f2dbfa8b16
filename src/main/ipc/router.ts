import { contract, type MethodName } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { DomainError } from '../services/errors';
import { handlers as defaultHandlers, type HandlerContext, type Handlers } from './handlers';
import { fieldErrorsOf } from './validation';

export interface Logger {
  error(message: string, error?: unknown): void;
}

export interface Router {
  /** Never throws: every outcome is an envelope. */
  invoke(method: unknown, input: unknown): ApiResult<unknown>;
}

const isMethodName = (method: unknown): method is MethodName =>
  typeof method === 'string' && Object.hasOwn(contract, method);

type AnyHandler = (ctx: HandlerContext, input: unknown) => unknown;

/**
 * The one router both shells use: look the method up among the contract's own keys, parse the
 * input with its schema, run the service (writes in one immediate transaction), wrap the outcome.
 */
export function createRouter(
  ctx: HandlerContext,
  logger: Logger,
  handlers: Handlers = defaultHandlers,
): Router {
  return {
    invoke(method, input) {
      if (!isMethodName(method) || !Object.hasOwn(handlers, method)) {
        return fail(
          'UNKNOWN_METHOD',
          `Unknown method ${typeof method === 'string' ? method.slice(0, 64) : typeof method}`,
        );
      }
      const def = contract[method];
      const parsed = def.input.safeParse(input);
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
      const handler = handlers[method] as AnyHandler;
      try {
        const value =
          def.access === 'write'
            ? ctx.db.transaction(() => handler(ctx, parsed.data)).immediate()
            : handler(ctx, parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof DomainError) {
          return {
            ok: false,
            error: {
              code: error.code,
              message: error.message,
              ...(error.params ? { params: error.params } : {}),
              ...(error.fields ? { fields: error.fields } : {}),
            },
          };
        }
        logger.error(`Unexpected failure in ${method}`, error);
        return fail('INTERNAL', 'Something went wrong; the change was not saved. See the log.');
      }
    },
  };
}

function fail(code: 'UNKNOWN_METHOD' | 'INTERNAL', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
