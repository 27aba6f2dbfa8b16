import type { DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiResult } from '@shared/errors';

/**
 * Answers after which the same submission is sent again: main was not reached (or its answer was
 * lost), or the database was busy with another process and rolled the write back. The operation
 * id stays the same, so a write that did reach main is not applied twice.
 */
const RETRYABLE = new Set(['UNAVAILABLE', 'BUSY']);
export const RETRY_DELAYS_MS = [300, 1_000, 3_000] as const;

/** A fresh operation id for one submission (128 random bits, hex). */
export function newOpId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The shells' own answer when main was not reached (not one of main's codes). */
const unreachable = (message: string): ApiResult<never> =>
  ({ ok: false, error: { code: 'UNAVAILABLE', message } }) as unknown as ApiResult<never>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One submission: sent once, and again (same id) after a retryable failure, a few times at most. */
export async function invokeWithRetry<M extends MethodName>(
  api: DeskApi,
  method: M,
  input: MethodInput<M>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<ApiResult<MethodResult<M>>> {
  const options = { opId: newOpId() };
  for (let attempt = 0; ; attempt++) {
    let result: ApiResult<MethodResult<M>>;
    try {
      result = await api.invoke(method, input, options);
    } catch (error) {
      // Electron's IPC rejects when main could not answer (e.g. a reload mid-call).
      result = unreachable(String(error));
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (result.ok || !RETRYABLE.has(result.error.code) || delay === undefined) return result;
    await wait(delay);
  }
}
