import type { MethodName } from '@shared/contract';

/** Written in by the build from the contract (rendererDefines.ts). */
declare const __DESK_WRITE_METHODS__: readonly MethodName[];

const WRITES: ReadonlySet<MethodName> = new Set(__DESK_WRITE_METHODS__);

/** Whether main runs `method` as a write (the contract's `kind`), without loading the contract. */
export const isWriteMethod = (method: MethodName): boolean => WRITES.has(method);
