import type { ApiResult } from './errors';
import type { MethodInput, MethodName, MethodResult } from './contract';

/** The one thing the preload (or the browser shim) puts on `window`. */
export interface DeskApi {
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<ApiResult<MethodResult<M>>>;
}
