import type { MethodName } from '@shared/contract';

/** Written in by the build from the contract (rendererDefines.ts). */
declare const __DESK_WRITE_METHODS__: readonly MethodName[];
declare const __DESK_METHODS__: readonly MethodName[];

const WRITES: ReadonlySet<MethodName> = new Set(__DESK_WRITE_METHODS__);
const METHODS: ReadonlySet<string> = new Set(__DESK_METHODS__);

/** Whether `method` names a method of the contract, without loading the contract. */
export const isMethodName = (method: string): method is MethodName => METHODS.has(method);

/** Whether main runs `method` as a write (the contract's `kind`), without loading the contract. */
export const isWriteMethod = (method: MethodName): boolean => WRITES.has(method);
