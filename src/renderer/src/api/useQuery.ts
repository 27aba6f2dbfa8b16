import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import { ApiCallError, call } from './client';

export interface Query<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions {
  /** Hold off until the inputs are ready. */
  skip?: boolean;
  /** Bump to fetch again after a change made elsewhere. */
  refreshKey?: number;
}

/** Calls a read method whenever its input (or refreshKey) changes. */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  { skip = false, refreshKey = 0 }: QueryOptions = {},
): Query<MethodResult<M>> {
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const requestKey = `${method}|${key}|${generation}|${refreshKey}`;
  // Loading is derived: the last answer belongs to another request. The old data stays on screen meanwhile.
  const [answer, setAnswer] = useState<{
    for: string;
    data?: MethodResult<M>;
    error?: ApiCallError;
  }>({ for: '' });
  const latest = useRef('');

  useEffect(() => {
    if (skip) return;
    latest.current = requestKey;
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => latest.current === requestKey && setAnswer({ for: requestKey, data }),
      (error: unknown) =>
        latest.current === requestKey &&
        setAnswer((a) => ({
          for: requestKey,
          data: a.data,
          error:
            error instanceof ApiCallError
              ? error
              : new ApiCallError({ code: 'unknown', message: String(error) }),
        })),
    );
  }, [method, key, skip, requestKey]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    data: answer.data,
    error: answer.for === requestKey ? answer.error : undefined,
    loading: !skip && answer.for !== requestKey,
    reload,
  };
}
