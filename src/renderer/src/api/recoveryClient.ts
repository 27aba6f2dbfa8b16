import type { RecoveryInput, RecoveryMethod, RecoveryResult } from '@shared/contract/recovery';
import type { ApiResult } from '@shared/errors';
import { ApiCallError } from './client';

/**
 * The recovery screen's calls. They are not in the main contract (the desk's router does not know
 * them), so they go through the same door with their own types.
 */
export async function callRecovery<M extends RecoveryMethod>(
  method: M,
  input: RecoveryInput<M>,
): Promise<RecoveryResult<M>> {
  const invoke = window.api.invoke as unknown as (
    method: string,
    input: unknown,
  ) => Promise<ApiResult<unknown>>;
  const result = await invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as RecoveryResult<M>;
}
