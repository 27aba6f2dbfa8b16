import type { DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiError, ConflictCurrent } from '@shared/errors';

/** One answer per method, from the test's own data: a value, or a refusal thrown as `Refusal`. */
export type FakeAnswers = {
  [M in MethodName]?: (input: MethodInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** Thrown by a fake answer to make main refuse the call with this error. */
export class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Main's CONFLICT refusal: another desk saved the record (`current`) since it was read. */
export const conflictRefusal = (current: ConflictCurrent): Refusal =>
  new Refusal({
    code: 'CONFLICT',
    message: 'changed',
    params: { by: current.by ?? '', at: current.at ?? '' },
    current,
  });

export interface FakeCall {
  method: MethodName;
  input: unknown;
}

/**
 * Puts a `window.api` in place that answers like main's router at the IPC boundary (the renderer's
 * only door), and records every call. A method the test did not answer is refused, so a test sees
 * a call it did not expect instead of a silent hang.
 */
export function installFakeApi(answers: FakeAnswers): { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const api: DeskApi = {
    async invoke(method, input) {
      calls.push({ method, input });
      const answer = answers[method] as
        | ((input: unknown) => MethodResult<typeof method> | Promise<MethodResult<typeof method>>)
        | undefined;
      if (!answer) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no fake for ${method}` } };
      }
      try {
        return { ok: true, value: await answer(input) };
      } catch (error) {
        if (error instanceof Refusal) return { ok: false, error: error.error };
        throw error;
      }
    },
  };
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  return { calls };
}

/** The inputs of every recorded call to `method`, in order. */
export const inputsOf = <M extends MethodName>(calls: FakeCall[], method: M): MethodInput<M>[] =>
  calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>);
