import type { DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiError, ApiResult } from '@shared/errors';
import { refetchStaleAfter } from './domains';
import { ownWrites } from './ownWrites';
import { queryClient } from './queryClient';
import { invokeWithRetry, newOpId } from './retry';
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
 * so every screen that shows it refreshes, wherever the write was made. The write's own change
 * notice is then passed over (ownWrites.ts): other windows act on it, this one already did.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const opId = newOpId();
  // Remembered before it is sent: the write's notice may come before its answer.
  const origin = isWriteMethod(method) ? await ownWrites.begin(opId) : null;
  let result: ApiResult<MethodResult<M>> | null = null;
  let noticePassedOver = false;
  try {
    result = await invokeWithRetry(window.api, method, input, undefined, undefined, opId);
  } finally {
    if (origin !== null) noticePassedOver = ownWrites.answered(origin, result?.ok === true);
  }
  if (!result.ok) {
    if (SESSION_CODES.has(result.error.code)) window.dispatchEvent(new Event(AUTH_CHANGED_EVENT));
    if (noticePassedOver) await refetchStaleAfter(queryClient, method);
    throw new ApiCallError(result.error);
  }
  if (isWriteMethod(method)) await refetchStaleAfter(queryClient, method);
  return result.value;
}
