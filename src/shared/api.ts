import type { ApiResult } from './errors';
import type { MethodInput, MethodName, MethodResult } from './contract';
import type { LiveEvent } from './live';
import type { DeskCommand } from './deskCommands';

/** What travels beside a call's input, outside its schema. */
export interface CallOptions {
  /**
   * Made by the renderer once per submission and sent again when it retries after a lost answer:
   * main saves a write under it once and answers a repeat with the first result.
   */
  opId?: string;
}

/** An operation id: a UUID or any other 8–64 letters, digits, `-` and `_`. */
export const OP_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** The one thing the preload (or the browser shim) puts on `window`. */
export interface DeskApi {
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    options?: CallOptions,
  ): Promise<ApiResult<MethodResult<M>>>;
  /**
   * Change notices and the connection's state (see shared/live.ts) until the returned function is
   * called. Optional: a shell without notices leaves screens as they loaded.
   */
  subscribe?(listener: (event: LiveEvent) => void): () => void;
  /**
   * The Electron menu's commands (print, export, backup, help); returns the unsubscribe. Absent in
   * the browser shell, which has no menu.
   */
  onCommand?(listener: (command: DeskCommand) => void): () => void;
}
