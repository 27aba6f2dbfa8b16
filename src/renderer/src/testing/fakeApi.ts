import type { CallOptions, DeskApi } from '@shared/api';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import type { ApiError, ConflictCurrent } from '@shared/errors';
import type { LiveEvent } from '@shared/live';

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
  options?: CallOptions | undefined;
}

/** The fake desk's side of `subscribe`, and its network cable. */
export interface FakeLive {
  /** Tells every subscriber, as the event stream would. */
  emit(event: LiveEvent): void;
  subscribers(): number;
  /** While false every call answers as the shells do when main cannot be reached. */
  setReachable(reachable: boolean): void;
}

/**
 * Puts a `window.api` in place that answers like main's router at the IPC boundary (the renderer's
 * only door), and records every call. A method the test did not answer is refused, so a test sees
 * a call it did not expect instead of a silent hang.
 */
export function installFakeApi(answers: FakeAnswers): { calls: FakeCall[]; live: FakeLive } {
  const calls: FakeCall[] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  let reachable = true;
  const live: FakeLive = {
    emit: (event) => [...listeners].forEach((listener) => listener(event)),
    subscribers: () => listeners.size,
    setReachable: (value) => void (reachable = value),
  };
  const api: DeskApi = {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async invoke(method, input, options) {
      calls.push({ method, input, options });
      if (!reachable) {
        const unreachable = { code: 'UNAVAILABLE', message: 'The desk server is not reachable' };
        return { ok: false, error: unreachable as unknown as ApiError };
      }
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
  return { calls, live };
}

/** The inputs of every recorded call to `method`, in order. */
export const inputsOf = <M extends MethodName>(calls: FakeCall[], method: M): MethodInput<M>[] =>
  calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>);
