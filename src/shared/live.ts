/**
 * Change notices: after each committed write main tells every open window which rows changed, so
 * screens refresh what they show without a reload. Ids and table names only, never personal data.
 */
export interface RowChange {
  table: string;
  id: number;
  op: 'insert' | 'update' | 'delete';
  /** The row's `version` column after the write, where the table has one. */
  version?: number;
}

export interface ChangeNotice {
  /** 1, 2, 3… per running core: a gap means notices were missed. */
  seq: number;
  at: string;
  method: string;
  /** Main's domain folder of the method (`registry`, `health`, …). */
  domain: string;
  changes: RowChange[];
  /**
   * The write's operation id, digested (noticeOrigin): the window that made the write knows it as
   * its own, which its answer already refreshed; nobody else learns the id. Absent without an id.
   */
  origin?: string;
}

/** A notice's origin: this many hex digits of the SHA-256 of the write's operation id. */
export const ORIGIN_HEX_DIGITS = 32;

/**
 * What a subscriber hears: each notice, and the connection's state. `hello` comes first on every
 * (re)connection with the core's instance id (a new one after a restart) and its last seq.
 */
export type LiveEvent =
  | { type: 'hello'; instance: string; seq: number }
  | { type: 'notice'; notice: ChangeNotice }
  | { type: 'status'; status: LiveStatus };

/**
 * `offline`: the desk server cannot be reached (retrying); `signedOut`: it was reached but this
 * window has no live session there (nothing to deliver until it signs in again).
 */
export type LiveStatus = 'online' | 'offline' | 'signedOut';

/** The Electron channel main sends notices on (next to IPC_CHANNEL). */
export const LIVE_CHANNEL = 'isd:live';

/** The browser shell's server-sent-events stream. */
export const EVENTS_PATH = '/api/events';
