import type { z } from 'zod';
import type { Access } from '../permissions';

export type Kind = 'read' | 'write';

/**
 * One IPC method: its input schema, whether it writes (writes run in one transaction and are
 * audited) and who may call it. The result type rides along as a phantom so that main, preload
 * and renderer take it from this one declaration.
 */
export interface MethodDef<S extends z.ZodType, R> {
  readonly input: S;
  readonly kind: Kind;
  readonly access: Access;
  /** Type-only; never set at run time. */
  readonly __result?: R;
}

export function method<R>() {
  return <S extends z.ZodType>(def: { input: S; kind: Kind; access: Access }): MethodDef<S, R> =>
    def;
}
