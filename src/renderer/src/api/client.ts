import type { DeskApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';

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

/** The only door to main: resolves with the value, rejects with ApiCallError. */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const result = await window.api.invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
