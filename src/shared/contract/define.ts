import type { z } from 'zod';

export type Access = 'read' | 'write';

/**
 * One IPC method: its input schema and whether it writes. The result type rides along as a
 * phantom so that main, preload and renderer take it from this one declaration.
 */
export interface MethodDef<S extends z.ZodType, R> {
  readonly input: S;
  readonly access: Access;
  /** Type-only; never set at run time. */
  readonly __result?: R;
}

export function method<R>() {
  return <S extends z.ZodType>(def: { input: S; access: Access }): MethodDef<S, R> => def;
}
