import type { DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiResult } from '@shared/errors';
import { connection as windowConnection, type Connection } from './connection';
import { RETRY_DELAYS_MS } from '@shared/resend';
import { isWriteMethod } from './writeMethods';

export { RETRY_DELAYS_MS };

/**
 * Answers after which the same submission is sent again: main was not reached (or its answer was
 * lost), or the database was busy with another process and rolled the write back. The operation
 * id stays the same, so a write that did reach main is not applied twice.
 */
const RETRYABLE = new Set(['UNAVAILABLE', 'BUSY']);
/** The shells' code for "main was not reached" (not one of main's own codes). */
const UNREACHED: string = 'UNAVAILABLE';
/** While the server is unreachable a write is resent this often, for as long as it takes. */
export const WRITE_RESEND_MS = RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];

/** A fresh operation id for one submission (128 random bits, hex). */
export function newOpId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The shells' own answer when main was not reached (not one of main's codes). */
const unreachable = (message: string): ApiResult<never> =>
  ({ ok: false, error: { code: UNREACHED, message } }) as unknown as ApiResult<never>;

/**
 * One submission: sent once, and again (same id) after a retryable failure. A read gives up after
 * a few tries; a write the server did not answer keeps waiting (the offline banner counts it) and
 * is resent until it is answered, so a save is neither lost silently nor made twice.
 */
export async function invokeWithRetry<M extends MethodName>(
  api: DeskApi,
  method: M,
  input: MethodInput<M>,
  wait?: (ms: number) => Promise<void>,
  connection: Connection = windowConnection,
  opId: string = newOpId(),
): Promise<ApiResult<MethodResult<M>>> {
  const pause = wait ?? ((ms: number) => connection.waitOrOnline(ms));
  const isWrite = isWriteMethod(method);
  const options = { opId };
  let waiting = false;
  try {
    for (let attempt = 0; ; attempt++) {
      let result: ApiResult<MethodResult<M>>;
      try {
        result = await api.invoke(method, input, options);
      } catch (error) {
        // Electron's IPC rejects when main could not answer (e.g. a reload mid-call).
        result = unreachable(String(error));
      }
      const lost = !result.ok && result.error.code === UNREACHED;
      if (lost) connection.lost();
      else connection.reached();
      if (result.ok || !RETRYABLE.has(result.error.code)) return result;
      const delay = RETRY_DELAYS_MS[attempt] ?? (isWrite && lost ? WRITE_RESEND_MS : undefined);
      if (delay === undefined) return result;
      if (isWrite && lost && !waiting) {
        waiting = true;
        connection.writeWaiting(1);
      }
      await pause(delay);
    }
  } finally {
    if (waiting) connection.writeWaiting(-1);
  }
}
