import type { DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiError } from '@shared/errors';
import { staleAfter } from './domains';
import { queryClient } from './queryClient';
import { invokeWithRetry } from './retry';
import { isWriteMethod } from './writeMethods';

declare global {
  interface Window {
    /** Put there by the Electron preload or by the browser shell's shim; nothing else. */
    readonly api: DeskApi;
  }
}

/** A refusal from main, carrying its stable code for translation. */
export class ApiCallError extends Error {
  constructor(
    readonly error:
      | ApiError
      | {
          code: string;
          message: string;
          params?: Record<string, string | number>;
          fields?: Record<string, string>;
        },
  ) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Codes that mean "who you are changed": the app goes back to its sign-in or lock screen. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'LOCKED']);
export const AUTH_CHANGED_EVENT = 'isd:auth-changed';

/**
 * The only door to main: resolves with the value, rejects with ApiCallError. After a write that
 * main applied, every cached query whose domain shows the written data is refetched (domains.ts),
 * so every screen that shows it refreshes, wherever the write was made.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const result = await invokeWithRetry(window.api, method, input);
  if (!result.ok) {
    if (SESSION_CODES.has(result.error.code)) window.dispatchEvent(new Event(AUTH_CHANGED_EVENT));
    throw new ApiCallError(result.error);
  }
  if (isWriteMethod(method)) {
    await queryClient.invalidateQueries({
      predicate: (query) => staleAfter(method, String(query.queryKey[0])),
    });
  }
  return result.value;
}
