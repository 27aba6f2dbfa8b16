import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
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
  /** Ask again this often (ms) while shown: for what falls due with no write (e.g. fever re-checks). */
  refetchInterval?: number;
}

/** The cache key of one read: the method and its input (writes invalidate by the method's domain). */
export const queryKeyOf = <M extends MethodName>(method: M, input: MethodInput<M>) =>
  [method, input] as const;

const asApiError = (error: unknown): ApiCallError =>
  error instanceof ApiCallError
    ? error
    : new ApiCallError({ code: 'unknown', message: String(error) });

/**
 * Calls a read method for its input, cached under [method, input]; refetched whenever a write
 * invalidates its domain. The old data stays on screen while a new input loads.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  { skip = false, refetchInterval }: QueryOptions = {},
): Query<MethodResult<M>> {
  const query = useQuery<MethodResult<M>, ApiCallError>({
    queryKey: queryKeyOf(method, input),
    queryFn: async () => {
      try {
        return await call(method, input);
      } catch (error) {
        throw asApiError(error);
      }
    },
    enabled: !skip,
    placeholderData: keepPreviousData,
    ...(refetchInterval === undefined ? {} : { refetchInterval }),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: !skip && query.isFetching,
    reload,
  };
}
