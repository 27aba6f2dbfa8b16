import type { FileCheck } from '../checkFile';

/** What the check worker is started with. */
export interface CopyCheckRequest {
  path: string;
  nativeBinding?: string;
}

/**
 * Its one answer. A failure that is not damage (no such file, disk I/O) travels as plain fields:
 * an Error's own properties, such as SQLite's `code`, do not survive being posted.
 */
export type CopyCheckReply =
  | { ok: true; check: FileCheck }
  | { ok: false; error: { name: string; message: string; code?: string } };
